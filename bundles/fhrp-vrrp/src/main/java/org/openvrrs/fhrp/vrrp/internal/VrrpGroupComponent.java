package org.openvrrs.fhrp.vrrp.internal;

import java.util.Map;
import org.openvrrs.config.api.ConfigReader;
import org.openvrrs.config.api.ConfigSecret;
import org.openvrrs.config.api.LiveConfig;
import org.openvrrs.fhrp.vrrp.internal.packet.Ipv4ChecksumMode;
import org.openvrrs.fhrp.vrrp.internal.packet.VrrpVersion;
import org.openvrrs.fhrp.vrrp.internal.track.GroupTracking;
import org.openvrrs.fhrp.vrrp.internal.track.TrackBinding;
import org.openvrrs.fhrp.vrrp.internal.track.TrackInputs;
import org.openvrrs.net.api.Registration;
import org.openvrrs.vrrs.api.AddressFamily;
import org.openvrrs.vrrs.api.VrrsWhiteboard;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One VRRP group per factory configuration ({@value #FACTORY_PID}), and its link to VRRS: with a name
 * ({@code vrrp N name NAME}) the group is the VRRS server of that name and pushes every change. The registry may
 * come and go (a restarted vrrs-core): the group is a {@code VrrsServer} service, which the registry finds again.
 * A refused configuration is logged in one line and runs nothing (or leaves the last good one running); see
 * {@link LiveConfig}.
 */
@Component(service = {}, configurationPid = VrrpGroupComponent.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = VrrpGroupComponent.Config.class, factory = true)
public final class VrrpGroupComponent {
    static final String FACTORY_PID = "org.openvrrs.vrrp.group";
    private static final Logger LOG = LoggerFactory.getLogger(VrrpGroupComponent.class);

    @ObjectClassDefinition(name = "OpenVRRS VRRP group", description = "One VRRP group on one interface")
    public @interface Config {
        @AttributeDefinition(description = "Network (router) the group runs on; empty = the appliance's own")
        String network() default "";

        @AttributeDefinition(description = "Interface the group runs on")
        String interfaceName();

        @AttributeDefinition(description = "Virtual router id, 1-255")
        int vrid();

        // the options and defaults are what files say (family = ipv4, version = 3), not the constants' names
        @AttributeDefinition(description = "ipv4 or ipv6", defaultValue = "ipv4",
                options = {@Option(label = "IPv4", value = "ipv4"), @Option(label = "IPv6", value = "ipv6")})
        AddressFamily family() default AddressFamily.IPV4;

        @AttributeDefinition(description = "VRRP version: 3 (RFC 5798) or 2 (RFC 3768, IPv4 only)",
                defaultValue = "3", options = {@Option(label = "3 (RFC 5798)", value = "3"),
                        @Option(label = "2 (RFC 3768)", value = "2")})
        VrrpVersion version() default VrrpVersion.V3;

        @AttributeDefinition(description = "Virtual addresses: the primary first, then secondary ones; for IPv6 "
                + "RFC 5798 prefers a link-local one (moved first); without one the group runs as configured")
        String[] addresses();

        @AttributeDefinition(description = "Priority 1-254 (the address owner uses 255)")
        int priority() default 100;

        @AttributeDefinition(description = "Advertisement interval in ms (v3: 10-40950 in steps of 10; v2: whole "
                + "seconds)")
        int advertIntervalMillis() default 1000;

        @AttributeDefinition(description = "Preempt a lower-priority Master")
        boolean preempt() default true;

        @AttributeDefinition(description = "preempt delay minimum, seconds")
        int preemptDelaySeconds() default 0;

        // true, unlike RFC 5798's default: files written before it was enforced ran accepting, and keepalived
        // (without vrrp_strict) accepts; false drops all but ARP/ND to the addresses while a non-owner Master
        @AttributeDefinition(description = "Accept packets to the virtual addresses when Master but not their owner "
                + "(false: only ARP and neighbour discovery, enforced on Linux with nftables)")
        boolean acceptMode() default true;

        @AttributeDefinition(description = "Administratively down")
        boolean shutdown() default false;

        @AttributeDefinition(description = "Free text")
        String description() default "";

        @AttributeDefinition(description = "VRRS group name (vrrp N name NAME); empty = not published to VRRS")
        String name() default "";

        @AttributeDefinition(description = "VRRPv3 IPv4 checksum sent: rfc5798 (with pseudo-header, as keepalived "
                + "and FRRouting) or rfc9568 (without, as Cisco); both are accepted", defaultValue = "rfc5798",
                options = {@Option(label = "RFC 5798", value = "rfc5798"),
                        @Option(label = "RFC 9568", value = "rfc9568")})
        Ipv4ChecksumMode checksum() default Ipv4ChecksumMode.PSEUDO_HEADER;

        // announcements: keepalived's names and defaults (docs/architecture.md, VRRP decisions)
        @AttributeDefinition(description = "Gratuitous ARPs / unsolicited NAs per virtual address at takeover, "
                + "1-100 (keepalived garp_master_repeat)")
        int garpMasterRepeat() default 5;

        @AttributeDefinition(description = "Seconds after the takeover (or a lower-priority advert) to announce "
                + "again, 0-3600; 0 = no second round (keepalived garp_master_delay)")
        int garpMasterDelaySeconds() default 5;

        @AttributeDefinition(description = "Announce every virtual address again every this many seconds while "
                + "Master, 0-86400; 0 = never (keepalived garp_master_refresh)")
        int garpMasterRefreshSeconds() default 0;

        @AttributeDefinition(description = "Announcements per virtual address when a lower-priority advert is "
                + "heard while Master, 0-100; 0 = none (keepalived garp_lower_prio_repeat)")
        int garpLowerPrioRepeat() default 5;

        @AttributeDefinition(description = "Use the VRRP virtual MAC; false = physical-MAC mode: the virtual "
                + "addresses on the interface itself, adverts and ARP with its own MAC (keepalived without use_vmac)")
        boolean useVirtualMac() default true;

        @ConfigSecret // a password: never shown in a refusal
        @AttributeDefinition(description = "VRRPv2 only: RFC 2338 simple text password, 1-8 characters, sent in "
                + "adverts and required of received ones (IOS vrrp N authentication text, keepalived auth_type "
                + "PASS); empty = none", type = AttributeType.PASSWORD)
        String authenticationText() default "";

        // unicast peers and followers: GroupOptions, read beside VrrpGroupConfig (docs/architecture.md, VRRP)
        @AttributeDefinition(description = "Unicast peers (keepalived unicast_peer): adverts go to each address "
                + "instead of the multicast group, and only adverts from them are accepted; absent = multicast, a "
                + "key that lists nothing is refused", required = false)
        String[] unicastPeers() default {};

        @AttributeDefinition(description = "Source address of unicast adverts, one of the interface's (keepalived "
                + "unicast_src_ip); empty = the interface's primary IPv4 or IPv6 link-local address", required = false)
        String unicastSource() default "";

        @AttributeDefinition(description = "VRRS name this group follows: it mirrors that group's state (Active = "
                + "Master) without adverts of its own; empty = it runs VRRP itself", required = false)
        String follow() default "";

        // tracking (docs/architecture.md, VRRP): read by GroupTracking beside VrrpGroupConfig
        @AttributeDefinition(description = "Track objects (org.openvrrs.track): 'N decrement D' lowers the priority "
                + "by D while object N is down, 'N shutdown' holds the group in Init while it is down, 'N' applies "
                + "the object's weight (keepalived)", required = false)
        String[] track() default {};

        @AttributeDefinition(description = "Sync group (keepalived vrrp_sync_group): while one group of the same "
                + "name fails (Init), the others are held in Init too; empty = none")
        String syncGroup() default "";
    }

    /** The one reader of a group's configuration: this component, vrrp:configure and VrrpRuntime. */
    static final ConfigReader<Config, VrrpGroupConfig> READER = ConfigReader.of(Config.class,
            VrrpGroupComponent::toGroupConfig);
    /** The group's {@link GroupOptions}, from properties {@link #READER} accepted (it checks them too). */
    static final ConfigReader<Config, GroupOptions> OPTIONS_READER = ConfigReader.of(Config.class, GroupOptions::of);

    /** The group's tracking, from the same properties (valid whenever {@link #READER} accepted them). */
    static final ConfigReader<Config, GroupTracking> TRACKING = ConfigReader.of(Config.class,
            c -> GroupTracking.parse(c.track(), c.syncGroup()));

    private final VrrpService service;
    private final VrrsWhiteboard whiteboard;
    private final LiveConfig<VrrpGroupConfig> config = LiveConfig.inertUntilValid(READER, LOG);
    private VrrsLink link; // null, as the handle, while no configuration was accepted
    private VrrpEngine.Handle handle;
    private Registration following; // while the group follows a VRRS name
    private String followed = "";
    private final TrackInputs track = new TrackInputs();
    private TrackBinding tracking; // null while no configuration was accepted
    private GroupTracking tracked = GroupTracking.NONE;
    private String trackedKey = "";

    @Activate
    public VrrpGroupComponent(@Reference VrrpService service, Map<String, Object> properties,
            BundleContext context) {
        this(service, properties, VrrsWhiteboard.of(context));
    }

    /** @param whiteboard where a named group is declared as a VRRS server; null: published nowhere (tests) */
    VrrpGroupComponent(VrrpService service, Map<String, Object> properties, VrrsWhiteboard whiteboard) {
        this.service = service;
        this.whiteboard = whiteboard;
        config.update(properties).ifPresent(c -> {
            start(c, OPTIONS_READER.read(properties));
            track(c, properties);
        });
    }

    @Modified
    void modified(Map<String, Object> properties) {
        config.update(properties).ifPresent(c -> {
            apply(c, OPTIONS_READER.read(properties));
            track(c, properties);
        });
    }

    private void start(VrrpGroupConfig c, GroupOptions o) {
        if (!leaderAllowed(c, o)) {
            return;
        }
        link = new VrrsLink(whiteboard, c);
        handle = service.engine().add(c, o, link, track);
        link.attach(handle);
        followLeader(o);
    }

    /** (Re)binds the group's track objects and sync group when they or the group's key changed. */
    private void track(VrrpGroupConfig c, Map<String, Object> properties) {
        GroupTracking t = TRACKING.read(properties);
        if (tracking != null && t.equals(tracked) && c.key().equals(trackedKey)) {
            return;
        }
        closeTracking();
        tracked = t;
        trackedKey = c.key();
        tracking = service.tracking().bind(c.key(), t, track);
    }

    private void closeTracking() {
        if (tracking != null) {
            try {
                tracking.close();
            } catch (Exception e) {
                LOG.debug("VRRP: ending tracking: {}", e.toString());
            }
            tracking = null;
        }
    }

    private void apply(VrrpGroupConfig c, GroupOptions o) {
        if (handle == null) {
            start(c, o);
            return;
        }
        if (!leaderAllowed(c, o)) {
            return;
        }
        if (c.key().equals(handle.config().key())) {
            service.engine().reconfigure(handle, c, o);
            link.configured(c);
        } else {
            service.engine().leaderLoops().release(handle.config().key());
            service.engine().remove(handle);
            handle = service.engine().add(c, o, link, track);
            link.attach(handle);
            closeLeaderLink(); // it told the old group
        }
        followLeader(o);
    }

    /** A follower that would close a loop of leaders is refused in one line; the last good configuration runs on. */
    private boolean leaderAllowed(VrrpGroupConfig c, GroupOptions o) {
        try {
            service.engine().leaderLoops().claim(c.key(), c.vrrsName(), o.leader());
            return true;
        } catch (IllegalArgumentException e) {
            LOG.error("VRRP group {}: {} ({})", c.key(), e.getMessage(), handle == null
                    ? "nothing runs from it until it is corrected" : "the last good configuration stays in use");
            return false;
        }
    }

    private void followLeader(GroupOptions o) {
        if (following != null && o.leader().equals(followed)) {
            return;
        }
        closeLeaderLink();
        if (o.follows() && whiteboard != null) {
            following = service.engine().leaderLinks(whiteboard).follow(o.leader(), handle);
            followed = o.leader();
        }
    }

    private void closeLeaderLink() {
        if (following != null) {
            following.close();
            following = null;
            followed = "";
        }
    }

    @Deactivate
    void deactivate() {
        closeTracking();
        if (handle != null) {
            closeLeaderLink();
            service.engine().leaderLoops().release(handle.config().key());
            service.engine().remove(handle);
            link.close();
        }
    }

    /** Turns the typed configuration into a validated one, or throws with a message for the operator. */
    static VrrpGroupConfig toGroupConfig(Config c) {
        GroupOptions.of(c); // refuses bad unicast peers or leader with the rest, so vrrp:configure writes nothing
        GroupTracking.parse(c.track(), c.syncGroup()); // a bad track line refuses the whole file
        return new VrrpGroupConfig(c.network(), c.interfaceName(), c.vrid(), c.family(), c.version(),
                VrrpGroupConfig.parseAddresses(c.addresses()), c.priority(), c.advertIntervalMillis(), c.preempt(),
                c.preemptDelaySeconds(), c.acceptMode(), c.shutdown(), c.description(), c.name(), c.checksum(),
                new Announcer.Settings(c.garpMasterRepeat(), c.garpMasterDelaySeconds(),
                        c.garpMasterRefreshSeconds(), c.garpLowerPrioRepeat()), c.useVirtualMac(),
                c.authenticationText());
    }
}
