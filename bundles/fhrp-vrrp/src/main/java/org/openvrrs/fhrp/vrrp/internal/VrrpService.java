package org.openvrrs.fhrp.vrrp.internal;

import java.util.List;
import java.util.Map;
import org.openvrrs.fhrp.vrrp.internal.packet.VrrpStatistics;
import org.openvrrs.net.api.Network;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
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
 * (one per platform or simulated router, told apart by their {@value Network#NAME_PROPERTY} property) and the per-interface
 * {@code vrrp delay} settings. Networks come and go at run time; groups follow them.
 */
@Component(service = VrrpService.class, configurationPid = VrrpService.PID)
@Designate(ocd = VrrpService.Config.class)
public final class VrrpService {
    static final String PID = "org.openvrrs.vrrp";
    private static final Logger LOG = LoggerFactory.getLogger(VrrpService.class);

    @ObjectClassDefinition(name = "OpenVRRS VRRP", description = "Settings of the VRRP server")
    public @interface Config {
        @AttributeDefinition(description = "vrrp delay per interface: [NETWORK/]IFNAME [minimum S] [reload S]",
                required = false)
        String[] interfaceDelays() default {};
    }

    private final VrrpEngine engine;

    @Activate
    public VrrpService(Config config) {
        this.engine = new VrrpEngine(parseDelays(config), false);
    }

    @Modified
    void modified(Config config) {
        engine.setDelays(parseDelays(config));
    }

    private static Map<String, InterfaceDelay> parseDelays(Config config) {
        try {
            return InterfaceDelay.parse(config.interfaceDelays());
        } catch (IllegalArgumentException e) {
            LOG.error("VRRP configuration {}: {}; interface delays ignored", PID, e.getMessage());
            return Map.of();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindNetwork(Network network, Map<String, Object> properties) {
        engine.addNetwork(nameOf(properties), network);
    }

    void unbindNetwork(Network network, Map<String, Object> properties) {
        engine.removeNetwork(nameOf(properties));
    }

    private static String nameOf(Map<String, Object> properties) {
        Object name = properties.get(Network.NAME_PROPERTY);
        return name == null ? Network.LOCAL : name.toString();
    }

    VrrpEngine engine() {
        return engine;
    }

    public List<GroupStatus> status() {
        return engine.status();
    }

    public VrrpStatistics statistics() {
        return engine.statistics();
    }
}
