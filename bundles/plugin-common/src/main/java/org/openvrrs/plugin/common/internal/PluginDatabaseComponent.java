package org.openvrrs.plugin.common.internal;

import java.util.List;
import java.util.Map;
import org.openvrrs.net.api.Network;
import org.openvrrs.plugin.common.api.PluginMonitor;
import org.openvrrs.plugin.common.api.SubinterfaceCounts;
import org.openvrrs.plugin.common.api.SubinterfacePlugin;
import org.openvrrs.vrrs.api.VrrsRegistry;
import org.openvrrs.vrrs.api.VrrsServer;
import org.openvrrs.vrrs.api.VrrsWhiteboard;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The OSGi side of {@link PluginInfrastructure}: the registry, the networks, the plug-ins and the FHRP servers come
 * and go at run time (dynamic references), so installing a plug-in bundle takes control at once, uninstalling it
 * gives its subinterfaces back, and a VRRP group configured on a followed subinterface later takes it out of the
 * plug-ins' hands. The FHRP servers are the {@link VrrsServer} services: where each runs is in its properties.
 */
@Component(service = {PluginDatabaseComponent.class, PluginMonitor.class}, immediate = true)
public final class PluginDatabaseComponent implements PluginMonitor {
    private final PluginInfrastructure infrastructure;

    @Activate
    public PluginDatabaseComponent(BundleContext context) {
        this(VrrsWhiteboard.of(context));
    }

    /** Declares the plug-ins' client on {@code whiteboard} (tests: a registry without OSGi). */
    PluginDatabaseComponent(VrrsWhiteboard whiteboard) {
        this.infrastructure = new PluginInfrastructure(whiteboard);
    }

    @Deactivate
    void deactivate() {
        infrastructure.close();
    }

    public PluginInfrastructure infrastructure() {
        return infrastructure;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindRegistry(VrrsRegistry r) {
        infrastructure.setRegistry(r);
    }

    void unbindRegistry(VrrsRegistry r) {
        infrastructure.clearRegistry(r);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindNetwork(Network network, Map<String, Object> properties) {
        infrastructure.addNetwork(nameOf(properties), network);
    }

    void unbindNetwork(Network network, Map<String, Object> properties) {
        if (infrastructure.network(nameOf(properties)).orElse(null) == network) {
            infrastructure.removeNetwork(nameOf(properties));
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindPlugin(SubinterfacePlugin plugin) {
        infrastructure.addPlugin(plugin);
    }

    void unbindPlugin(SubinterfacePlugin plugin) {
        infrastructure.removePlugin(plugin);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindServer(VrrsServer server, Map<String, Object> properties) {
        updatedServer(server, properties);
    }

    /** A server's properties changed (another interface or name). */
    void updatedServer(VrrsServer server, Map<String, Object> properties) {
        Object key = properties.get(Constants.SERVICE_ID);
        FhrpSite.ofServer(properties).ifPresentOrElse(site -> infrastructure.putServer(key, site),
                () -> infrastructure.removeServer(key));
    }

    void unbindServer(VrrsServer server, Map<String, Object> properties) {
        infrastructure.removeServer(properties.get(Constants.SERVICE_ID));
    }

    private static String nameOf(Map<String, Object> properties) {
        Object name = properties.get(Network.NAME_PROPERTY);
        return name == null ? Network.LOCAL : name.toString();
    }

    /** Where the FHRP servers present run, for the guide's restrictions. */
    public List<FhrpSite> fhrpSites() {
        return infrastructure.fhrpSites();
    }

    @Override
    public SubinterfaceCounts subinterfaceCounts() {
        return count(infrastructure.subinterfaces());
    }

    static SubinterfaceCounts count(List<PluginInfrastructure.SubinterfaceView> views) {
        int live = 0;
        int active = 0;
        int interfaceState = 0;
        int macAddress = 0;
        for (PluginInfrastructure.SubinterfaceView v : views) {
            live += v.live() ? 1 : 0;
            active += v.live() && v.state().hasServer() && v.state().isActive() ? 1 : 0;
            interfaceState += v.settings().interfaceState() ? 1 : 0;
            macAddress += v.settings().macAddress() ? 1 : 0;
        }
        return new SubinterfaceCounts(views.size(), live, active, interfaceState, macAddress);
    }
}
