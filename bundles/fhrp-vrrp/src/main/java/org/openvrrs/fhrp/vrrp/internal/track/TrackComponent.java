package org.openvrrs.fhrp.vrrp.internal.track;

import java.util.Map;
import org.openvrrs.config.api.ConfigReader;
import org.openvrrs.config.api.LiveConfig;
import org.openvrrs.fhrp.vrrp.internal.VrrpService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One track object per factory configuration ({@value #FACTORY_PID}, {@code etc/org.openvrrs.track-N.cfg}). A
 * refused file is one line and changes nothing (the object keeps its last good configuration, or does not exist).
 */
@Component(service = {}, configurationPid = TrackComponent.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = TrackComponent.Config.class, factory = true)
public final class TrackComponent {
    public static final String FACTORY_PID = "org.openvrrs.track";
    private static final Logger LOG = LoggerFactory.getLogger(TrackComponent.class);

    @ObjectClassDefinition(name = "OpenVRRS track object", description = "An object VRRP groups track (IOS track N, "
            + "keepalived track_interface / vrrp_script / track_file)")
    public @interface Config {
        @AttributeDefinition(description = "Object number 1-1000, what groups' track lines name")
        int id();

        @AttributeDefinition(description = "What is tracked", options = {
                @Option(label = "Interface line protocol", value = "interface"),
                @Option(label = "Route reachability", value = "route"),
                @Option(label = "Script exit code", value = "script"),
                @Option(label = "Number in a file", value = "file")})
        TrackType type();

        @AttributeDefinition(description = "Network (router) of the interface or route; empty = the appliance's own")
        String network() default "";

        @AttributeDefinition(description = "type interface: the interface whose line protocol is tracked")
        String interfaceName() default "";

        @AttributeDefinition(description = "type route: the prefix, e.g. 198.51.100.0/24 (Up while the routing table "
                + "has a usable route to exactly it)")
        String route() default "";

        @AttributeDefinition(description = "type script: the command and its arguments, separated by spaces (Up "
                + "while it exits with 0); run without a shell")
        String script() default "";

        @AttributeDefinition(description = "type file: a file holding a whole number (Up while it is 0)")
        String file() default "";

        @AttributeDefinition(description = "route, script, file: seconds between checks, 1-3600")
        int intervalSeconds() default 1;

        @AttributeDefinition(description = "route, script, file: seconds a check may take before it counts as "
                + "failed (a script is killed), 1-3600")
        int timeoutSeconds() default 2;

        @AttributeDefinition(description = "Successes in a row to go Up, 1-100")
        int rise() default 1;

        @AttributeDefinition(description = "Failures in a row to go Down, 1-100")
        int fall() default 1;

        @AttributeDefinition(description = "keepalived's weight, for groups that track the object without "
                + "'decrement' or 'shutdown': 0 = Init while down, < 0 lowers the priority while down, > 0 raises "
                + "it while up; file: the priority changes by weight x value (0: Init while the value is not 0)")
        int weight() default 0;
    }

    public static final ConfigReader<Config, TrackConfig> READER = ConfigReader.of(Config.class, TrackConfig::of);

    private final Tracker tracker;
    private final LiveConfig<TrackConfig> config = LiveConfig.inertUntilValid(READER, LOG);
    private int configuredId; // 0 while none was accepted

    @Activate
    public TrackComponent(@Reference VrrpService vrrp, Map<String, Object> properties) {
        this.tracker = vrrp.tracking().tracker();
        config.update(properties).ifPresent(c -> apply(c, properties));
    }

    @Modified
    void modified(Map<String, Object> properties) {
        config.update(properties).ifPresent(c -> apply(c, properties));
    }

    private void apply(TrackConfig c, Map<String, Object> properties) {
        if (!tracker.claim(c.id(), this)) {
            LOG.error("{}: id = {}: track object {} is already defined by another file (refused: this file "
                    + "defines nothing)", ConfigReader.sourceOf(properties), c.id(), c.id());
            return;
        }
        if (configuredId != 0 && configuredId != c.id()) {
            tracker.remove(configuredId);
            tracker.release(configuredId, this);
        }
        configuredId = c.id();
        tracker.configure(c);
    }

    @Deactivate
    void deactivate() {
        if (configuredId != 0) {
            tracker.remove(configuredId);
            tracker.release(configuredId, this);
        }
    }
}
