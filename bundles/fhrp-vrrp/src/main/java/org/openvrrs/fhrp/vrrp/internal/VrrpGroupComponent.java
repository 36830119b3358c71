package org.openvrrs.fhrp.vrrp.internal;

import java.net.InetAddress;
import org.openvrrs.vrrs.api.DebugLoggers;
import org.openvrrs.vrrs.api.ServerRegistration;
import org.openvrrs.vrrs.api.ServerUpdate;
import org.openvrrs.vrrs.api.StateReason;
import org.openvrrs.vrrs.api.VrrsRegistry;
import org.openvrrs.vrrs.api.VrrsState;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One VRRP group per factory configuration ({@value #FACTORY_PID}), and its link to VRRS: with a name
 * ({@code vrrp N name NAME}) the group is the VRRS server of that name and pushes every change. The registry may
 * come and go (a restarted vrrs-core): the group registers again when it returns.
 */
@Component(service = {}, configurationPid = VrrpGroupComponent.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = VrrpGroupComponent.Config.class, factory = true)
public final class VrrpGroupComponent implements VrrpGroup.Listener {
    static final String FACTORY_PID = "org.openvrrs.vrrp.group";
    static final String PROTOCOL = "VRRP";
    private static final Logger LOG = LoggerFactory.getLogger(VrrpGroupComponent.class);
    private static final Logger DEBUG_VRRS = LoggerFactory.getLogger(DebugLoggers.name("vrrp", "vrrs"));

    @ObjectClassDefinition(name = "OpenVRRS VRRP group", description = "One VRRP group on one interface")
    public @interface Config {
        @AttributeDefinition(description = "Network (router) the group runs on; empty = the appliance's own")
        String network() default "";

        @AttributeDefinition(description = "Interface the group runs on")
        String interfaceName();

        @AttributeDefinition(description = "Virtual router id, 1-255")
        int vrid();

        @AttributeDefinition(description = "ipv4 or ipv6")
        String family() default "ipv4";

        @AttributeDefinition(description = "VRRP version: 3 (RFC 5798) or 2 (RFC 3768, IPv4 only)")
        int version() default 3;

        @AttributeDefinition(description = "Virtual addresses: the primary first, then secondary ones; IPv6 needs "
                + "a link-local one")
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

        @AttributeDefinition(description = "Accept packets to the virtual addresses when not their owner")
        boolean acceptMode() default false;

        @AttributeDefinition(description = "Administratively down")
        boolean shutdown() default false;

        @AttributeDefinition(description = "Free text")
        String description() default "";

        @AttributeDefinition(description = "VRRS group name (vrrp N name NAME); empty = not published to VRRS")
        String name() default "";

        @AttributeDefinition(description = "VRRPv3 IPv4 checksum sent: rfc5798 (with pseudo-header, as keepalived "
                + "and FRRouting) or rfc9568 (without, as Cisco); both are accepted")
        String checksum() default VrrpGroupConfig.CHECKSUM_RFC5798;
    }

    private final VrrpService service;
    private VrrpEngine.Handle handle;
    private volatile VrrsRegistry registry;
    private ServerRegistration vrrs; // guarded by this

    @Activate
    public VrrpGroupComponent(@Reference VrrpService service, Config config) {
        this.service = service;
        VrrpGroupConfig c = parse(config);
        this.handle = service.engine().add(c, this);
    }

    @Modified
    void modified(Config config) {
        VrrpGroupConfig c = parse(config);
        VrrpGroupConfig old = handle.config();
        if (c.key().equals(old.key())) {
            service.engine().reconfigure(handle, c);
        } else {
            service.engine().remove(handle);
            handle = service.engine().add(c, this);
        }
        if (!c.vrrsName().equals(old.vrrsName())) {
            unregister();
            register();
        }
    }

    @Deactivate
    void deactivate() {
        service.engine().remove(handle);
        unregister();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindRegistry(VrrsRegistry r) {
        registry = r;
        register();
    }

    void unbindRegistry(VrrsRegistry r) {
        synchronized (this) {
            if (registry == r) {
                registry = null;
                vrrs = null; // the registry is gone, and its handles with it
            }
        }
    }

    private synchronized void register() {
        VrrsRegistry r = registry;
        String name = handle == null ? "" : handle.config().vrrsName();
        if (r == null || name.isEmpty() || vrrs != null) {
            return;
        }
        try {
            vrrs = r.registerServer(PROTOCOL, name);
            DEBUG_VRRS.debug("VRRP: Registered VRRS group \"{}\"", name);
            push(StateReason.PROTOCOL);
        } catch (IllegalArgumentException | IllegalStateException e) {
            LOG.error("VRRP group {}: cannot publish VRRS group {}: {}", handle.config().key(), name, e.getMessage());
        }
    }

    private synchronized void unregister() {
        if (vrrs != null) {
            String name = vrrs.group();
            vrrs.close();
            vrrs = null;
            DEBUG_VRRS.debug("VRRP: Unregistered VRRS group \"{}\"", name);
        }
    }

    @Override
    public void changed(VrrpGroup group, VirtualRouter.State old, StateReason reason) {
        push(reason);
    }

    private synchronized void push(StateReason reason) {
        if (vrrs == null) {
            return;
        }
        VrrpGroup g = handle.group();
        GroupStatus s = g != null ? g.status() : GroupStatus.waiting(handle.config());
        InetAddress peer = g != null ? g.router().lastPeerAddress() : null;
        try {
            vrrs.update(update(s, peer, reason));
            DEBUG_VRRS.debug("VRRP: Updated info for VRRS group {}", vrrs.group());
        } catch (IllegalStateException e) {
            LOG.debug("VRRP: VRRS registration of {} is closed: {}", vrrs.group(), e.getMessage());
            vrrs = null;
        }
    }

    /** How a VRRP group reads in VRRS: Master is ACTIVE; active = the Master's address, standby = a Backup's. */
    static ServerUpdate update(GroupStatus s, InetAddress lastPeer, StateReason reason) {
        VrrpGroupConfig c = s.config();
        InetAddress none = c.family().unspecified();
        InetAddress self = s.sourceAddress();
        return switch (s.state()) {
            case INITIALIZE -> new ServerUpdate(VrrsState.INIT, reason, c.family(), c.primaryVirtualAddress(),
                    s.virtualMac(), none, none);
            case BACKUP -> new ServerUpdate(VrrsState.BACKUP, reason, c.family(), c.primaryVirtualAddress(),
                    s.virtualMac(), s.masterAddress() != null ? s.masterAddress() : none, self);
            case MASTER -> new ServerUpdate(VrrsState.ACTIVE, reason, c.family(), c.primaryVirtualAddress(),
                    s.virtualMac(), self, lastPeer != null && !lastPeer.equals(self) ? lastPeer : none);
        };
    }

    /** Turns the typed configuration into a validated one, or throws with a message for the operator. */
    static VrrpGroupConfig toGroupConfig(Config c) {
        return new VrrpGroupConfig(c.network(), c.interfaceName(), c.vrid(), VrrpGroupConfig.parseFamily(c.family()),
                c.version(), VrrpGroupConfig.parseAddresses(c.addresses()), c.priority(), c.advertIntervalMillis(),
                c.preempt(), c.preemptDelaySeconds(), c.acceptMode(), c.shutdown(), c.description(), c.name(),
                c.checksum());
    }

    /** {@link #toGroupConfig}, with a refusal logged (a broken etc/ file must say what is wrong in the log). */
    private static VrrpGroupConfig parse(Config c) {
        try {
            return toGroupConfig(c);
        } catch (IllegalArgumentException e) {
            LOG.error("VRRP group configuration refused: {} ({})", e.getMessage(), c);
            throw e;
        }
    }
}
