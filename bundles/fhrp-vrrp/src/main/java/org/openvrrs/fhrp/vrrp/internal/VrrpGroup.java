package org.openvrrs.fhrp.vrrp.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openvrrs.fhrp.vrrp.internal.packet.GroupStatistics;
import org.openvrrs.fhrp.vrrp.internal.packet.Ipv4ChecksumMode;
import org.openvrrs.fhrp.vrrp.internal.packet.NewMasterReason;
import org.openvrrs.fhrp.vrrp.internal.packet.VrrpAdvert;
import org.openvrrs.fhrp.vrrp.internal.packet.VrrpCodec;
import org.openvrrs.fhrp.vrrp.internal.packet.VrrpVersion;
import org.openvrrs.fhrp.vrrp.internal.track.TrackEffect;
import org.openvrrs.fhrp.vrrp.internal.track.TrackInputs;
import org.openvrrs.net.api.InterfaceAddress;
import org.openvrrs.net.api.NetInterface;
import org.openvrrs.net.api.Network;
import org.openvrrs.vrrs.api.AddressFamily;
import org.openvrrs.vrrs.api.IpAddresses;
import org.openvrrs.vrrs.api.MacAddress;
import org.openvrrs.vrrs.api.ServerUpdate;
import org.openvrrs.vrrs.api.StateReason;
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
        this.network = network;
        this.config = config;
        this.virtualMac = MacAddress.vrrp(config.family(), config.vrid());
        this.sourceAddress = config.family().unspecified();
        this.router = new VirtualRouter(network.scheduler(), settings(config, 0, sourceAddress, TrackEffect.NONE),
                this);
        this.announcer = new Announcer(network.scheduler(), config.announcements(), this::announce);
        warnWithoutLinkLocal(null, config);
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
        Optional<InetAddress> source = iface.flatMap(i -> sourceAddressOf(i, config.family()));
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
            owner = owns;
            router.reconfigure(settings(config, owner ? 255 : 0, sourceAddress, track.effect()));
            if (router.state() == VirtualRouter.State.MASTER) {
                setAcceptMode(config.acceptMode() || owner); // accept mode changed live
            }
            if (router.state() == VirtualRouter.State.INITIALIZE) {
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

    /** Applies a new configuration of the same group (same network, interface, family and VRID). */
    void reconfigure(VrrpGroupConfig newConfig) {
        warnWithoutLinkLocal(config, newConfig);
        boolean macChanged = newConfig.useVirtualMac() != config.useVirtualMac();
        config = newConfig;
        announcer.reconfigure(newConfig.announcements());
        if (macChanged && router.state() == VirtualRouter.State.MASTER) {
            addVirtualAddresses(); // moves them (the network withdraws the old place first) and tells the LAN
            announce(1);
        }
    }

    /** One line when a group starts (or is changed to run) without the link-local address RFC 5798 prefers. */
    private static void warnWithoutLinkLocal(VrrpGroupConfig before, VrrpGroupConfig after) {
        if (after.lacksLinkLocal() && (before == null || !before.lacksLinkLocal())) {
            LOG.warn("VRRP {}: no link-local virtual address; RFC 5798 prefers one (fe80::/10) listed first, but "
                    + "adverts will list exactly {} as peers configured the same way expect", after.key(),
                    formatted(after.addresses()));
        }
    }

    private static List<String> formatted(List<InetAddress> addresses) {
        return addresses.stream().map(IpAddresses::format).toList();
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
        if (advert.priority() != 255 && !sameAddresses(advert.addresses())) {
            statistics.addressListError(); // RFC 9568: log and go on
            long held = addressListLog.admit(network.scheduler().nanoTime());
            if (held != RateLimit.HOLD) {
                LOG.warn("VRRP {}: advert from {} lists {}, configured {}{}", config.key(),
                        IpAddresses.format(advert.source()), formatted(advert.addresses()),
                        formatted(config.addresses()),
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
        VrrpCodec.encodeInto(txBuffer, advert, virtualMac(), checksumMode());
        network.send(config.interfaceName(), txBuffer);
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
        if (t.stateChanged()) {
            LOG.info("VRRP {}: {} -> {} ({}{})", config.key(), t.oldState(), t.newState(), t.reason().label(),
                    takeoverTiming(t.takeover()));
        }
    }

    /** "; timer +0.012 ms, advert 0.031 ms, announce 0.210 ms": where the time of a takeover went. */
    static String takeoverTiming(VirtualRouter.Takeover t) {
        if (t == null) {
            return "";
        }
        String timer = t.timerLateNanos() < 0 ? ""
                : String.format(Locale.ROOT, "timer +%.3f ms, ", t.timerLateNanos() / 1e6);
        return String.format(Locale.ROOT, "; %sadvert %.3f ms, announce %.3f ms", timer, t.advertNanos() / 1e6,
                t.announceNanos() / 1e6);
    }

    private Ipv4ChecksumMode checksumMode() {
        return config.checksum();
    }

    /** IPv4: the interface's primary address; IPv6: its link-local address (RFC 5798 5.1.2.1). */
    static Optional<InetAddress> sourceAddressOf(NetInterface iface, AddressFamily family) {
        return iface.addresses().stream().map(InterfaceAddress::address)
                .filter(family::contains)
                .filter(a -> family == AddressFamily.IPV4 || a.isLinkLocalAddress())
                .findFirst();
    }

    /** The owner runs at 255 whatever tracking says; others at the configured priority tracking adjusted. */
    private static VirtualRouter.Settings settings(VrrpGroupConfig c, int ownerPriority, InetAddress source,
            TrackEffect tracking) {
        return new VirtualRouter.Settings(ownerPriority == 255 ? 255 : tracking.priority(c.priority()),
                c.advertIntervalCentis(),
                c.preempt(), c.preemptDelaySeconds() * 1_000_000_000L, c.version() == VrrpVersion.V3, c.version() == VrrpVersion.V2, source);
    }
}
