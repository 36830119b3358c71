package org.openvrrs.fhrp.vrrp.internal;

import java.util.List;
import java.util.Map;
import org.openvrrs.config.api.ConfigReader;
import org.openvrrs.config.api.LiveConfig;
import org.openvrrs.fhrp.vrrp.api.VrrpEventListener;
import org.openvrrs.fhrp.vrrp.api.VrrpGroupView;
import org.openvrrs.fhrp.vrrp.api.VrrpMonitor;
import org.openvrrs.fhrp.vrrp.api.VrrpRouterCounters;
import org.openvrrs.fhrp.vrrp.internal.packet.VrrpStatistics;
import org.openvrrs.fhrp.vrrp.internal.track.Tracking;
import org.openvrrs.net.api.Network;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The VRRP server of the appliance: the engine running every configured group on the {@link Network} services
 * (one per platform or simulated router, told apart by their {@value Network#NAME_PROPERTY} property) and the
 * per-interface {@code vrrp delay} settings. Networks come and go at run time; groups follow them. A refused
 * configuration keeps the delays in use (none at start).
 */
@Component(service = {VrrpService.class, VrrpMonitor.class}, configurationPid = VrrpService.PID)
@Designate(ocd = VrrpService.Config.class)
public final class VrrpService implements VrrpMonitor {
    static final String PID = "org.openvrrs.vrrp";
    private static final Logger LOG = LoggerFactory.getLogger(VrrpService.class);

    @ObjectClassDefinition(name = "OpenVRRS VRRP", description = "Settings of the VRRP server")
    public @interface Config {
        @AttributeDefinition(description = "vrrp delay per interface: IFNAME [minimum S] [reload S], IFNAME as "
                + "groups name it ('/' included, e.g. GigabitEthernet0/0/0), or NETWORK/IFNAME for another network",
                required = false)
        String[] interfaceDelays() default {};
    }

    static final ConfigReader<Config, Map<String, InterfaceDelay>> READER = ConfigReader.of(Config.class,
            c -> InterfaceDelay.parse(c.interfaceDelays()));

    private final LiveConfig<Map<String, InterfaceDelay>> delays = LiveConfig.defaultsUntilValid(READER, LOG);
    private final VrrpEngine engine;
    private final Tracking tracking = new Tracking();

    @Activate
    public VrrpService(Map<String, Object> properties) {
        delays.update(properties);
        this.engine = new VrrpEngine(delays.current().orElseThrow(), false);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        delays.update(properties).ifPresent(engine::setDelays);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindNetwork(Network network, Map<String, Object> properties) {
        engine.addNetwork(nameOf(properties), network);
        tracking.tracker().addNetwork(nameOf(properties), network);
    }

    void unbindNetwork(Network network, Map<String, Object> properties) {
        tracking.tracker().removeNetwork(nameOf(properties));
        engine.removeNetwork(nameOf(properties));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindEventListener(VrrpEventListener listener) {
        engine.events().add(listener);
    }

    void unbindEventListener(VrrpEventListener listener) {
        engine.events().remove(listener);
    }

    @Deactivate
    void deactivate() {
        engine.events().close();
        tracking.close();
    }

    private static String nameOf(Map<String, Object> properties) {
        Object name = properties.get(Network.NAME_PROPERTY);
        return name == null ? Network.LOCAL : name.toString();
    }

    VrrpEngine engine() {
        return engine;
    }

    /** Track objects and sync groups. */
    public Tracking tracking() {
        return tracking;
    }

    public List<GroupStatus> status() {
        return engine.status();
    }

    public VrrpStatistics statistics() {
        return engine.statistics();
    }

    @Override
    public List<VrrpGroupView> groups() {
        return status().stream().map(MonitorViews::of).toList();
    }

    @Override
    public VrrpRouterCounters routerCounters() {
        return MonitorViews.of(statistics());
    }
}
