package org.openvrrs.fhrp.vrrp.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.openvrrs.fhrp.vrrp.internal.packet.GroupStatistics;
import org.openvrrs.fhrp.vrrp.internal.packet.Ipv4ChecksumMode;
import org.openvrrs.fhrp.vrrp.internal.packet.NewMasterReason;
import org.openvrrs.fhrp.vrrp.internal.packet.VrrpAdvert;
import org.openvrrs.fhrp.vrrp.internal.packet.VrrpCodec;
import org.openvrrs.fhrp.vrrp.internal.packet.VrrpVersion;
import org.openvrrs.fhrp.vrrp.internal.track.TrackInputs;
import org.openvrrs.net.api.NetInterface;
import org.openvrrs.net.api.Network;
import org.openvrrs.net.api.Scheduler;
import org.openvrrs.vrrs.api.AddressFamily;
import org.openvrrs.vrrs.api.IpAddresses;
import org.openvrrs.vrrs.api.MacAddress;
import org.openvrrs.vrrs.api.ServerUpdate;
import org.openvrrs.vrrs.api.StateReason;
import org.openvrrs.vrrs.api.VrrsState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configured VRRP group at work on its interface: the {@link VirtualRouter} state machine plus what its actions
 * mean on a {@link Network} (adverts on the wire, virtual addresses in the data plane). Runs on the network's
 * scheduler thread; {@link #status()} snapshots, taken there, are safe to hand to other threads.
 */
final class VrrpGroup implements VirtualRouter.Actions {
    private static final Logger LOG = LoggerFactory.getLogger(VrrpGroup.class);
    /** At most one address-list warning a minute per group: a mismatched peer sends one every interval. */
    static final long ADDRESS_LIST_LOG_PERIOD_NANOS = 60_000_000_000L;

    /** Told of every state, Master or priority change, on the scheduler thread (the VRRS link listens). */
    interface Listener {
        /** @param update the change as VRRS reads it, made once for every listener */
        void changed(VirtualRouter.Transition transition, ServerUpdate update);
    }

    private final Network network;
    private final GroupStatistics statistics = new GroupStatistics();
    private final MacAddress virtualMac;
    private final VirtualRouter router;
    private final Announcer announcer;
    private VrrpGroupConfig config;
    private GroupOptions options;
    private VrrsState leaderState = VrrsState.INIT; // a follower's leader, as VRRS last pushed it
    private StateReason leaderReason = StateReason.PROTOCOL;
    private byte[] txBuffer = new byte[0];
    private InetAddress sourceAddress;
    private boolean owner;
    private MacAddress interfaceMac; // the interface's own MAC at the last evaluation, null before
    private volatile Listener listener;
    private final RateLimit addressListLog = new RateLimit(ADDRESS_LIST_LOG_PERIOD_NANOS);
    private InitReason initReason = InitReason.INTERFACE_MISSING; // until the first evaluation
    private long readyAtNanos;
    private TrackInputs track = new TrackInputs();
    private String initDetail; // the track object or sync group member behind TRACK / SYNC_GROUP
    private String reportedFault; // this group's own failure as its sync group last heard it
    private boolean evaluated;
    private boolean removed;

    VrrpGroup(Network network, VrrpGroupConfig config) {
        this(network, config, GroupOptions.NONE);
    }

    VrrpGroup(Network network, VrrpGroupConfig config, GroupOptions options) {
        this.network = network;
        this.config = config;
        this.options = options;
        this.virtualMac = MacAddress.vrrp(config.family(), config.vrid());
        this.sourceAddress = config.family().unspecified();
        this.router = new VirtualRouter(network.scheduler(), config.routerSettings(config.priority(), sourceAddress),
                this);
        this.announcer = new Announcer(network.scheduler(), config.announcements(), this::announce);
        GroupLog.warnWithoutLinkLocal(null, config);
    }

    void setListener(Listener l) {
        listener = l;
    }

    /** Where tracking and the sync group tell this group what to do (kept by its handle across restarts). */
    void useTrackInputs(TrackInputs inputs) {
        track = inputs;
    }

    TrackInputs trackInputs() {
        return track;
    }

    /** A track object or the sync group changed: evaluate again with the interface as it is. */
    void trackChanged() {
        if (evaluated && !removed) {
            evaluate(network.find(config.interfaceName()), readyAtNanos);
        }
    }

    VrrpGroupConfig config() {
        return config;
    }

    GroupOptions options() {
        return options;
    }

    VirtualRouter router() {
        return router;
    }

    GroupStatistics statistics() {
        return statistics;
    }

    /** The MAC the group's adverts and announcements carry: the virtual MAC, or the interface's own when not used. */
    MacAddress virtualMac() {
        return config.useVirtualMac() || interfaceMac == null ? virtualMac : interfaceMac;
    }

    InetAddress sourceAddress() {
        return sourceAddress;
    }

    /** A snapshot for show commands and VRRS, taken now; call it on the network's scheduler thread. */
    GroupStatus status() {
        return GroupStatus.of(this);
    }

    /** The network's scheduler: its thread is where this group runs. */
    Scheduler scheduler() {
        return network.scheduler();
    }

    /** Runs {@code task} on the network's scheduler thread, where this group's state may be read. */
    void onNetworkThread(Runnable task) {
        network.scheduler().execute(task);
    }

    /**
     * Starts or stops the group after its interface or configuration changed.
     *
     * @param iface       the interface now, empty when it does not exist
     * @param readyAtNanos when the interface's start delay (vrrp delay minimum / reload) is over, on the scheduler's
     *                    clock
     */
    void evaluate(Optional<NetInterface> iface, long readyAtNanos) {
        this.readyAtNanos = readyAtNanos;
        Optional<InetAddress> source = iface.flatMap(i -> options.unicast().sourceOn(i, config.family()));
        boolean up = iface.isPresent() && iface.get().lineProtocolUp() && source.isPresent();
        boolean mayStart = network.scheduler().nanoTime() >= readyAtNanos;
        evaluated = true;
        boolean owns = iface.isPresent() && config.addresses().stream().anyMatch(a -> owns(iface.get(), a));
        String trackCause = track.effect().initCause(owns);
        String syncCause = track.syncFault();
        initReason = config.shutdown() ? InitReason.SHUTDOWN : iface.isEmpty() ? InitReason.INTERFACE_MISSING
                : !iface.get().lineProtocolUp() ? InitReason.INTERFACE_DOWN : source.isEmpty() ? InitReason.NO_ADDRESS
                : trackCause != null ? InitReason.TRACK : syncCause != null ? InitReason.SYNC_GROUP
                : mayStart ? null : InitReason.DELAY;
        initDetail = initReason == InitReason.TRACK ? trackCause : initReason == InitReason.SYNC_GROUP ? syncCause
                : null;
        reportFault();
        boolean run = initReason == null;
        if (run) {
            sourceAddress = source.get();
            interfaceMac = iface.get().mac();
            owner = !options.follows() && owns;
            // the owner runs at 255 whatever tracking says; others at the configured priority tracking adjusted
            router.reconfigure(config.routerSettings(owner ? 255 : track.effect().priority(config.priority()),
                    sourceAddress));
            if (router.state() == VirtualRouter.State.MASTER) {
                setAcceptMode(config.acceptMode() || owner); // accept mode changed live
            }
            if (options.follows()) {
                followLeader();
            } else if (router.state() == VirtualRouter.State.INITIALIZE) {
                router.startup();
            }
        } else if (router.state() != VirtualRouter.State.INITIALIZE) {
            StateReason reason = config.shutdown() ? StateReason.SHUTDOWN : initDetail != null
                    ? StateReason.PRIORITY : StateReason.INTERFACE;
            router.shutdown(reason, up);
        }
    }

    /** Tells the sync group when this group starts or stops failing for a reason of its own. */
    private void reportFault() {
        boolean own = initReason != null && initReason != InitReason.SYNC_GROUP && initReason != InitReason.DELAY;
        String fault = own ? (initDetail != null ? initDetail : initReason.label(config.family())) : null;
        if (!java.util.Objects.equals(fault, reportedFault)) {
            reportedFault = fault;
            track.ownFault(fault);
        }
    }

    /** The track object or sync group member that holds the group in Init, null when none. */
    String initDetail() {
        return initReason == InitReason.TRACK || initReason == InitReason.SYNC_GROUP ? initDetail : null;
    }

    /**
     * Whether the interface owns {@code vip}. In physical-MAC mode a Master puts its virtual addresses on the
     * interface itself as /32 or /128; such an address is not ownership.
     */
    private boolean owns(NetInterface iface, InetAddress vip) {
        int hostPrefix = vip instanceof Inet4Address ? 32 : 128;
        return iface.addresses().stream().anyMatch(a -> a.address().equals(vip)
                && (config.useVirtualMac() || a.prefixLength() != hostPrefix));
    }

    /** Why the group is (or would be) in Initialize after the last evaluation; null when it may run. */
    InitReason initReason() {
        return initReason;
    }

    /** How long {@code vrrp delay} still holds the group; 0 when it does not. */
    long delayLeftNanos() {
        return initReason == InitReason.DELAY ? Math.max(0, readyAtNanos - network.scheduler().nanoTime()) : 0;
    }

    /**
     * The state of the VRRS name a follower group follows, on the scheduler thread: Active makes it Master, Backup
     * Backup and Init Init, with the leader's reason, while its interface lets it run.
     */
    void leaderChanged(VrrsState state, StateReason reason) {
        leaderState = state;
        leaderReason = reason;
        if (options.follows() && (initReason == null || initReason == InitReason.LEADER_INIT)) {
            followLeader();
        }
    }

    private void followLeader() {
        initReason = leaderState == VrrsState.INIT ? InitReason.LEADER_INIT : null;
        router.follow(LeaderLinks.mirrored(leaderState), leaderReason);
    }

    /** Applies new options; a group that starts or stops following restarts in Initialize (re-evaluated next). */
    void reconfigure(VrrpGroupConfig newConfig, GroupOptions newOptions) {
        if (newOptions.follows() != options.follows()) {
            router.shutdown(StateReason.PROTOCOL, true); // a Master that starts following still resigns
        }
        options = newOptions;
        reconfigure(newConfig);
    }

    /** Applies a new configuration of the same group (same network, interface, family and VRID). */
    void reconfigure(VrrpGroupConfig newConfig) {
        GroupLog.warnWithoutLinkLocal(config, newConfig);
        boolean macChanged = newConfig.useVirtualMac() != config.useVirtualMac();
        config = newConfig;
        announcer.reconfigure(newConfig.announcements());
        if (macChanged && router.state() == VirtualRouter.State.MASTER) {
            addVirtualAddresses(); // moves them (the network withdraws the old place first) and tells the LAN
            announce(1);
        }
    }

    /** Withdraws the group: a Master resigns with priority 0 (RFC 5798 6.4.3) and gives its addresses up. */
    void remove() {
        removed = true;
        router.shutdown(StateReason.SHUTDOWN, true);
    }

    /**
     * The network went away: the group is in Initialize from now on. Runs on the caller's thread (the network's
     * scheduler may be gone); data-plane clean-up is best effort.
     */
    void detach(StateReason reason) {
        removed = true;
        try {
            router.shutdown(reason, false);
        } catch (RuntimeException e) {
            LOG.debug("VRRP {}: clean-up on a departed network failed: {}", config.key(), e.toString());
        }
    }

    /** An advert for this group that passed packet validation, received at {@code receivedNanos}. */
    void received(VrrpAdvert advert, long receivedNanos) {
        statistics.received(advert);
        if (options.follows()) {
            return; // its leader decides, not the wire
        }
        if (advert.priority() != 255 && !sameAddresses(advert.addresses())) {
            statistics.addressListError(); // RFC 9568: log and go on
            long held = addressListLog.admit(network.scheduler().nanoTime());
            if (held != RateLimit.HOLD) {
                LOG.warn("VRRP {}: advert from {} lists {}, configured {}{}", config.key(),
                        IpAddresses.format(advert.source()), GroupLog.formatted(advert.addresses()),
                        GroupLog.formatted(config.addresses()),
                        held == 0 ? "" : " (" + held + " more such adverts since the last line; at most one line "
                                + "a minute)");
            }
        }
        boolean wasMaster = router.state() == VirtualRouter.State.MASTER;
        router.advertisement(advert.source(), advert.priority(), advert.advertIntervalCentis(), receivedNanos);
        if (wasMaster && advert.priority() != 0 && router.state() == VirtualRouter.State.MASTER) {
            announcer.lowerPriorityHeard(); // the sender may have been Master too: hosts may have its MAC
        }
    }

    private boolean sameAddresses(List<InetAddress> advertised) {
        return advertised.size() == config.addresses().size() && advertised.containsAll(config.addresses());
    }

    // ---- VirtualRouter.Actions

    @Override
    public void sendAdvertisement(int priority) {
        if (options.follows()) {
            return; // a follower rides on its leader's adverts
        }
        VrrpAdvert advert = config.version() == VrrpVersion.V3
                ? VrrpAdvert.v3(config.vrid(), priority, sourceAddress, config.addresses(),
                        config.advertIntervalCentis())
                : new VrrpAdvert(VrrpVersion.V2, config.vrid(), priority, AddressFamily.IPV4, sourceAddress,
                        config.addresses(), config.advertIntervalCentis(), config.authType(), config.authData(),
                        org.openvrrs.fhrp.vrrp.internal.packet.ChecksumKind.VRRP_ONLY);
        int length = VrrpCodec.frameLength(advert);
        if (txBuffer.length != length) {
            txBuffer = new byte[length];
        }
        if (options.unicast().isUnicast()) {
            options.unicast().send(network, config.interfaceName(), txBuffer, advert, virtualMac(), checksumMode());
        } else {
            VrrpCodec.encodeInto(txBuffer, advert, virtualMac(), checksumMode());
            network.send(config.interfaceName(), txBuffer);
        }
        statistics.sent(priority);
    }

    @Override
    public void becomeMaster(NewMasterReason why) {
        statistics.becameMaster(why);
        setAcceptMode(config.acceptMode() || owner); // before the addresses appear: no packet slips through
        addVirtualAddresses();
        announce(1); // the first at once; the announcer sends the rest after the takeover's own work
        announcer.tookOver();
    }

    private void addVirtualAddresses() {
        for (InetAddress vip : config.addresses()) {
            // null: on the interface itself with its own MAC (physical-MAC mode)
            network.addVirtualAddress(config.interfaceName(), vip, config.useVirtualMac() ? virtualMac : null);
        }
    }

    /** Sends {@code copies} gratuitous ARPs (IPv4) or unsolicited NAs (IPv6) for every virtual address. */
    private void announce(int copies) {
        for (int i = 0; i < copies; i++) {
            for (InetAddress vip : config.addresses()) {
                if (config.family() == AddressFamily.IPV4) {
                    network.sendGratuitousArp(config.interfaceName(), vip, virtualMac());
                } else {
                    network.sendUnsolicitedNeighborAdvert(config.interfaceName(), vip, virtualMac());
                }
            }
        }
    }

    @Override
    public void stopBeingMaster() {
        statistics.leftMaster();
        announcer.stop();
        for (InetAddress vip : config.addresses()) {
            network.removeVirtualAddress(config.interfaceName(), vip);
        }
        setAcceptMode(true);
    }

    /** RFC 5798 6.1: a non-owner Master without accept mode drops packets to the virtual addresses (not ARP/ND). */
    private void setAcceptMode(boolean accept) {
        for (InetAddress vip : config.addresses()) {
            network.setAcceptMode(config.interfaceName(), vip, accept);
        }
    }

    /** Pushes the change first (a takeover's clients wait for it), then logs it. */
    @Override
    public void changed(VirtualRouter.Transition t) {
        Listener l = listener;
        if (l != null) {
            l.changed(t, VrrsLink.update(t, config, virtualMac()));
        }
        if (t.stateChanged() && options.follows()) {
            // thousands may follow one leader, whose own change is logged: one line each would flood the log
            LOG.debug("VRRP {}: {} -> {} (following {}, {})", config.key(), t.oldState(), t.newState(),
                    options.leader(), t.reason().label());
        } else if (t.stateChanged()) {
            LOG.info("VRRP {}: {} -> {} ({}{})", config.key(), t.oldState(), t.newState(), t.reason().label(),
                    GroupLog.takeoverTiming(t.takeover()));
        }
    }

    private Ipv4ChecksumMode checksumMode() {
        return config.checksum();
    }
}
