package org.openvrrs.plugin.common.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openvrrs.net.api.Network;
import org.openvrrs.plugin.common.api.Subinterface;
import org.openvrrs.plugin.common.api.SubinterfacePlugin;
import org.openvrrs.vrrs.api.VrrsRegistry;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OSGi side of {@link PluginInfrastructure}: the registry, the networks and the plug-ins come and go at run time
 * (dynamic references), so installing a plug-in bundle takes control at once and uninstalling it gives its
 * subinterfaces back. FHRP groups are read from Config Admin ({@value #VRRP_GROUP_PID} factory configurations).
 */
@Component(service = PluginDatabaseComponent.class, immediate = true)
public final class PluginDatabaseComponent {
    static final String VRRP_GROUP_PID = "org.openvrrs.vrrp.group";
    static final String NETWORK_NAME = "network.name";
    private static final Logger LOG = LoggerFactory.getLogger(PluginDatabaseComponent.class);

    private final ConfigurationAdmin configAdmin;
    private final PluginInfrastructure infrastructure;

    @Activate
    public PluginDatabaseComponent(@Reference ConfigurationAdmin configAdmin) {
        this.configAdmin = configAdmin;
        this.infrastructure = new PluginInfrastructure(this::fhrpSites);
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

    static String nameOf(Map<String, Object> properties) {
        Object name = properties.get(NETWORK_NAME);
        return name == null ? Subinterface.LOCAL : name.toString();
    }

    /** The VRRP groups configured now. */
    public List<FhrpSite> fhrpSites() {
        List<FhrpSite> sites = new ArrayList<>();
        try {
            Configuration[] all = configAdmin.listConfigurations("(service.factoryPid=" + VRRP_GROUP_PID + ")");
            for (Configuration c : all == null ? new Configuration[0] : all) {
                var p = c.getProperties();
                if (p == null || p.get("interfaceName") == null) {
                    continue;
                }
                String network = p.get("network") == null ? "" : p.get("network").toString().trim();
                sites.add(new FhrpSite(network.isEmpty() ? Subinterface.LOCAL : network,
                        p.get("interfaceName").toString().trim(), p.get("name") == null ? "" : p.get("name")
                                .toString().trim(), "VRRP group " + p.get("vrid")));
            }
        } catch (IOException | InvalidSyntaxException e) {
            LOG.warn("VRRS plug-ins: cannot read the VRRP groups: {}", e.getMessage());
        }
        return sites;
    }
}
