package org.openvrrs.net.sim.internal;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.openvrrs.config.api.ConfigReader;
import org.openvrrs.config.api.LiveConfig;
import org.openvrrs.net.api.Network;
import org.openvrrs.net.api.SystemScheduler;
import org.openvrrs.net.sim.SimRouter;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated platform: builds the configured LAN on the wall clock and offers each simulated router as a
 * {@link Network} service with the property {@value #NETWORK_NAME} = router name, so FHRP servers and plug-ins run
 * on it as they would on Linux interfaces. Runs only while its configuration exists (the demo ships one) and was
 * accepted: a refused one is one log line and no LAN (the {@code sim:} commands say so). A change restarts the LAN.
 */
@Component(service = SimPlatform.class, configurationPid = SimPlatform.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SimPlatform.Config.class)
public final class SimPlatform {
    static final String PID = "org.openvrrs.net.sim";
    public static final String NETWORK_NAME = "network.name";
    private static final Logger LOG = LoggerFactory.getLogger(SimPlatform.class);

    @ObjectClassDefinition(name = "OpenVRRS simulated LAN", description = "Routers and hosts of the simulated LAN")
    public @interface Config {
        @AttributeDefinition(description = "Router interfaces: ROUTER IFNAME LAN MAC ADDRESS/PREFIX...")
        String[] interfaces();

        @AttributeDefinition(description = "VLAN subinterfaces PARENT.VLAN: ROUTER PARENT VLAN ADDRESS/PREFIX...",
                required = false)
        String[] subinterfaces() default {};

        @AttributeDefinition(description = "Hosts: HOST LAN MAC ADDRESS/PREFIX [vlan N]", required = false)
        String[] hosts() default {};
    }

    private final SystemScheduler scheduler = new SystemScheduler("sim-lan");
    private final SimTopology topology; // null when the configuration was refused
    private final List<ServiceRegistration<Network>> registrations = new ArrayList<>();

    @Activate
    public SimPlatform(BundleContext context, Map<String, Object> properties) {
        // the topology is the validation: building it checks every line
        ConfigReader<Config, SimTopology> reader = ConfigReader.of(Config.class,
                c -> new SimTopology(scheduler, c.interfaces(), c.subinterfaces(), c.hosts()));
        topology = LiveConfig.inertUntilValid(reader, LOG).update(properties).orElse(null);
        if (topology == null) {
            return;
        }
        for (SimRouter router : topology.routers().values()) {
            Hashtable<String, Object> props = new Hashtable<>();
            props.put(NETWORK_NAME, router.name());
            registrations.add(context.registerService(Network.class, router, props));
        }
        LOG.info("simulated LAN up: routers {}, hosts {}", topology.routers().keySet(), topology.hosts().keySet());
    }

    @Deactivate
    void deactivate() {
        registrations.forEach(ServiceRegistration::unregister);
        scheduler.close();
    }

    public SimTopology topology() {
        if (topology == null) {
            throw new IllegalStateException("the simulated LAN is not running: its configuration " + PID
                    + " was refused (see the log)");
        }
        return topology;
    }

    public SimRouter router(String name) {
        return find(topology().routers(), "router", name);
    }

    static <T> T find(Map<String, T> map, String what, String name) {
        T t = map.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no simulated " + what + " named " + name + " (known: "
                    + String.join(", ", map.keySet()) + ")");
        }
        return t;
    }

    public org.openvrrs.net.sim.SimHost host(String name) {
        return find(topology().hosts(), "host", name);
    }
}
