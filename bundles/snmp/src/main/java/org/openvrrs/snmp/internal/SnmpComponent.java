package org.openvrrs.snmp.internal;

import java.util.List;
import java.util.Map;
import org.openvrrs.config.api.LiveConfig;
import org.openvrrs.fhrp.vrrp.api.VrrpEventListener;
import org.openvrrs.fhrp.vrrp.api.VrrpMonitor;
import org.openvrrs.net.api.Network;
import org.openvrrs.vrrs.api.VrrsRegistry;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SNMP subagent in OSGi: reads {@value SnmpSettings#PID}; while enabled, runs one {@link AgentxSubagent}
 * serving the MIB modules from the VRRP server's {@link VrrpMonitor} and the {@link VrrsRegistry} (each optional:
 * what is not there is not served), and offers a {@link VrrpEventListener} for the notifications. Disabled (the
 * default, and with a refused file at start) it connects nowhere.
 */
@Component(service = {}, configurationPid = SnmpSettings.PID, immediate = true)
@Designate(ocd = SnmpSettings.Config.class)
public final class SnmpComponent {
    private static final Logger LOG = LoggerFactory.getLogger(SnmpComponent.class);
    static final List<MibModule> MODULES = List.of(new Vrrpv3Mib(), new VrrpMib(), new VrrsMib());

    private final BundleContext context;
    private final LiveConfig<SnmpSettings> config = LiveConfig.defaultsUntilValid(SnmpSettings.READER, LOG);
    private final InterfaceIndexes ifIndexes = new InterfaceIndexes();
    private final CachedViews views = new CachedViews(this::state, MODULES);
    private volatile VrrpMonitor vrrp;
    private volatile VrrsRegistry vrrs;
    private AgentxSubagent subagent;
    private ServiceRegistration<VrrpEventListener> listener;

    @Activate
    public SnmpComponent(BundleContext context, Map<String, Object> properties) {
        this.context = context;
        config.update(properties);
        config.current().ifPresent(this::apply);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        config.update(properties).ifPresent(this::apply);
    }

    private synchronized void apply(SnmpSettings s) {
        stop();
        if (!s.enabled()) {
            return;
        }
        subagent = new AgentxSubagent(s.agentx(), MODULES, views, new RequestLog());
        subagent.start();
        if (s.notifications()) {
            listener = context.registerService(VrrpEventListener.class, new Notifications(subagent, ifIndexes),
                    null);
        }
    }

    private void stop() {
        if (listener != null) {
            listener.unregister();
            listener = null;
        }
        if (subagent != null) {
            subagent.close();
            subagent = null;
        }
    }

    @Deactivate
    synchronized void deactivate() {
        try {
            stop();
        } catch (IllegalStateException e) {
            // the bundle is stopping: its registrations are gone already
        }
    }

    private MonitoredState state() {
        VrrpMonitor v = vrrp;
        VrrsRegistry r = vrrs;
        return new MonitoredState(v == null ? List.of() : v.groups(), v == null ? null : v.routerCounters(),
                r == null ? List.of() : r.groups(), r == null ? List.of() : r.clients(), ifIndexes);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindVrrpMonitor(VrrpMonitor m) {
        vrrp = m;
    }

    void unbindVrrpMonitor(VrrpMonitor m) {
        if (vrrp == m) {
            vrrp = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindVrrsRegistry(VrrsRegistry r) {
        vrrs = r;
    }

    void unbindVrrsRegistry(VrrsRegistry r) {
        if (vrrs == r) {
            vrrs = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindNetwork(Network network, Map<String, Object> properties) {
        ifIndexes.addNetwork(nameOf(properties), network);
    }

    void unbindNetwork(Network network, Map<String, Object> properties) {
        ifIndexes.removeNetwork(nameOf(properties));
    }

    private static String nameOf(Map<String, Object> properties) {
        Object name = properties.get(Network.NAME_PROPERTY);
        return name == null ? Network.LOCAL : name.toString();
    }
}
