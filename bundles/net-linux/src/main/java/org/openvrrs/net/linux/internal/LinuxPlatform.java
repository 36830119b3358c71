package org.openvrrs.net.linux.internal;

import java.util.Hashtable;
import java.util.Map;
import org.openvrrs.config.api.ConfigReader;
import org.openvrrs.config.api.LiveConfig;
import org.openvrrs.net.api.Network;
import org.openvrrs.net.api.SystemScheduler;
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
 * The Linux platform: offers the configured Linux devices as the appliance's own {@link Network} (service property
 * {@value Network#NAME_PROPERTY} = {@value Network#LOCAL}). Runs only while its configuration ({@value #PID})
 * exists, so the distribution's default stays the simulated demo. A refused configuration, like a host that cannot
 * run it (not root, no libpcap), gets one clear error line in the log and no Network service. A change restarts it.
 */
@Component(service = {}, configurationPid = LinuxPlatform.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = LinuxPlatform.Config.class)
public final class LinuxPlatform {
    static final String PID = "org.openvrrs.net.linux";
    private static final Logger LOG = LoggerFactory.getLogger(LinuxPlatform.class);

    @ObjectClassDefinition(name = "OpenVRRS Linux interfaces", description = "Real interfaces the appliance uses")
    public @interface Config {
        @AttributeDefinition(description = "Linux devices the appliance uses, e.g. eth0, eth0.10, each under its "
                + "own name or renamed: GigabitEthernet0/0/0=eth0, GigabitEthernet0/0/0.10=eth0.10")
        String[] interfaces();

        @AttributeDefinition(description = "Path of libpcap; empty = look in the usual library folders")
        String pcapLibrary() default "";

        @AttributeDefinition(description = "Name of the Network service (network.name); the appliance's own is local")
        String networkName() default Network.LOCAL;

        @AttributeDefinition(description = "SCHED_FIFO priority (1-99) of the protocol and receive threads, so a "
                + "Master_Down_Timer fires on time on a busy host; 0 keeps the normal scheduler")
        int realtimePriority() default Realtime.DEFAULT_PRIORITY;
    }

    /** Read with the config module; the interface list and the priority are checked before anything starts. */
    static final ConfigReader<Config, Config> READER = ConfigReader.of(Config.class, c -> {
        InterfaceMap.parse(c.interfaces());
        Realtime.validate(c.realtimePriority());
        return c;
    });

    private final SystemScheduler scheduler = new SystemScheduler("net-linux");
    private final LinuxNetwork network;
    private final ServiceRegistration<Network> registration; // null when the configuration was refused

    @Activate
    public LinuxPlatform(BundleContext context, Map<String, Object> properties) {
        Config config = LiveConfig.inertUntilValid(READER, LOG).update(properties).orElse(null);
        if (config == null) {
            scheduler.close();
            network = null;
            registration = null;
            return;
        }
        try {
            network = new LinuxNetwork(InterfaceMap.parse(config.interfaces()), scheduler, config.pcapLibrary(),
                    config.realtimePriority());
            network.start();
        } catch (IllegalArgumentException | IllegalStateException e) {
            scheduler.close();
            LOG.error("Linux interfaces ({}) not started: {}", PID, e.getMessage());
            throw e;
        }
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(Network.NAME_PROPERTY, config.networkName());
        registration = context.registerService(Network.class, network, props);
        LOG.info("Linux interfaces {} offered as network {}", InterfaceMap.parse(config.interfaces()),
                config.networkName());
    }

    @Deactivate
    void deactivate() {
        if (registration == null) {
            return;
        }
        registration.unregister();
        network.close();
        scheduler.close();
    }
}
