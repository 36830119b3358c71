package org.openvrrs.fhrp.vrrp.internal;

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
import org.openvrrs.net.api.InterfaceAddress;
import org.openvrrs.net.api.NetInterface;
import org.openvrrs.net.api.Network;
import org.openvrrs.vrrs.api.AddressFamily;
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

    /** Told of every state, Master or priority change, on the scheduler thread (the VRRS link listens). */
    interface Listener {
        /** @param update the change as VRRS reads it, made once for every listener */
        void changed(VirtualRouter.Transition transition, ServerUpdate update);
    }

    private final Network network;
    private final GroupStatistics statistics = new GroupStatistics();
    private final MacAddress virtualMac;
    private final VirtualRouter router;
    private VrrpGroupConfig config;
    private byte[] txBuffer = new byte[0];
    private InetAddress sourceAddress;
    private boolean owner;
    private volatile Listener listener;

    VrrpGroup(Network network, VrrpGroupConfig config) {
        this.network = network;
        this.config = config;
        this.virtualMac = MacAddress.vrrp(config.family(), config.vrid());
        this.sourceAddress = config.family().unspecified();
        this.router = new VirtualRouter(network.scheduler(), settings(config, 0, sourceAddress), this);
    }

    void setListener(Listener l) {
        listener = l;
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

    MacAddress virtualMac() {
        return virtualMac;
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
     * @param iface   the interface now, empty when it does not exist
     * @param mayStart whether the interface's start delay (vrrp delay minimum / reload) is over
     */
    void evaluate(Optional<NetInterface> iface, boolean mayStart) {
        Optional<InetAddress> source = iface.flatMap(i -> sourceAddressOf(i, config.family()));
        boolean up = iface.isPresent() && iface.get().lineProtocolUp() && source.isPresent();
        boolean run = up && !config.shutdown() && mayStart;
        if (run) {
            sourceAddress = source.get();
            owner = config.addresses().stream().anyMatch(a -> iface.get().hasAddress(a));
            router.reconfigure(settings(config, owner ? 255 : 0, sourceAddress));
            if (router.state() == VirtualRouter.State.MASTER) {
                setAcceptMode(config.acceptMode() || owner); // accept mode changed live
            }
            if (router.state() == VirtualRouter.State.INITIALIZE) {
                router.startup();
            }
        } else if (router.state() != VirtualRouter.State.INITIALIZE) {
            StateReason reason = config.shutdown() ? StateReason.SHUTDOWN : StateReason.INTERFACE;
            router.shutdown(reason, up);
        }
    }

    /** Applies a new configuration of the same group (same network, interface, family and VRID). */
    void reconfigure(VrrpGroupConfig newConfig) {
        config = newConfig;
    }

    /** Withdraws the group: a Master resigns with priority 0 (RFC 5798 6.4.3) and gives its addresses up. */
    void remove() {
        router.shutdown(StateReason.SHUTDOWN, true);
    }

    /**
     * The network went away: the group is in Initialize from now on. Runs on the caller's thread (the network's
     * scheduler may be gone); data-plane clean-up is best effort.
     */
    void detach(StateReason reason) {
        try {
            router.shutdown(reason, false);
        } catch (RuntimeException e) {
            LOG.debug("VRRP {}: clean-up on a departed network failed: {}", config.key(), e.toString());
        }
    }

    /** An advert for this group that passed packet validation, received at {@code receivedNanos}. */
    void received(VrrpAdvert advert, long receivedNanos) {
        statistics.received(advert);
        if (config.version() == VrrpVersion.V2 && advert.advertIntervalCentis() != config.advertIntervalCentis()) {
            statistics.advIntervalError(); // RFC 3768 7.1: a v2 interval mismatch is dropped
            LOG.debug("VRRP {}: advert from {} with interval {} cs, configured {} cs: dropped", config.key(),
                    advert.source().getHostAddress(), advert.advertIntervalCentis(), config.advertIntervalCentis());
            return;
        }
        if (advert.priority() != 255 && !sameAddresses(advert.addresses())) {
            statistics.addressListError(); // RFC 9568: log and go on
            LOG.warn("VRRP {}: advert from {} lists {}, configured {}", config.key(),
                    advert.source().getHostAddress(), advert.addresses(), config.addresses());
        }
        router.advertisement(advert.source(), advert.priority(), advert.advertIntervalCentis(), receivedNanos);
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
                        config.addresses(), config.advertIntervalCentis(), VrrpAdvert.AUTH_NONE, 0,
                        org.openvrrs.fhrp.vrrp.internal.packet.ChecksumKind.VRRP_ONLY);
        int length = VrrpCodec.frameLength(advert);
        if (txBuffer.length != length) {
            txBuffer = new byte[length];
        }
        VrrpCodec.encodeInto(txBuffer, advert, virtualMac, checksumMode());
        network.send(config.interfaceName(), txBuffer);
        statistics.sent(priority);
    }

    @Override
    public void becomeMaster(NewMasterReason why) {
        statistics.becameMaster(why);
        setAcceptMode(config.acceptMode() || owner); // before the addresses appear: no packet slips through
        for (InetAddress vip : config.addresses()) {
            network.addVirtualAddress(config.interfaceName(), vip, virtualMac);
        }
        for (InetAddress vip : config.addresses()) {
            if (config.family() == AddressFamily.IPV4) {
                network.sendGratuitousArp(config.interfaceName(), vip, virtualMac);
            } else {
                network.sendUnsolicitedNeighborAdvert(config.interfaceName(), vip, virtualMac);
            }
        }
    }

    @Override
    public void stopBeingMaster() {
        statistics.leftMaster();
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
            l.changed(t, VrrsLink.update(t, config, virtualMac));
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

    private static VirtualRouter.Settings settings(VrrpGroupConfig c, int ownerPriority, InetAddress source) {
        return new VirtualRouter.Settings(ownerPriority == 255 ? 255 : c.priority(), c.advertIntervalCentis(),
                c.preempt(), c.preemptDelaySeconds() * 1_000_000_000L, c.version() == VrrpVersion.V3, c.version() == VrrpVersion.V2, source);
    }
}
