package org.openvrrs.fhrp.vrrp.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.openvrrs.fhrp.vrrp.internal.packet.DecodeResult;
import org.openvrrs.fhrp.vrrp.internal.packet.DropReason;
import org.openvrrs.fhrp.vrrp.internal.packet.VrrpAdvert;
import org.openvrrs.fhrp.vrrp.internal.packet.VrrpCodec;
import org.openvrrs.fhrp.vrrp.internal.packet.VrrpStatistics;
import org.openvrrs.fhrp.vrrp.internal.packet.VrrpVersion;
import org.openvrrs.net.api.FrameKind;
import org.openvrrs.net.api.NetInterface;
import org.openvrrs.net.api.Network;
import org.openvrrs.net.api.Registration;
import org.openvrrs.net.api.Scheduler;
import org.openvrrs.vrrs.api.AddressFamily;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The VRRP groups of one interface: decodes each received advert once and hands it to its group, and applies
 * {@code vrrp delay minimum S reload S}: groups start only that long after the interface comes up (minimum) or the
 * appliance starts (reload). Runs on the network's scheduler thread.
 */
final class VrrpInterface {
    private static final Logger LOG = LoggerFactory.getLogger(VrrpInterface.class);

    private final Network network;
    private final String name;
    private final VrrpStatistics statistics;
    private final Map<Integer, VrrpGroup> groups = new HashMap<>();
    private Registration receiving;
    private final long engineStartNanos;
    private long delayMinimumNanos;
    private boolean cameUpSinceStart;
    private long readyAtNanos;
    private Scheduler.Timer startTimer;
    private boolean wasUp;
    private MonitorEvents events; // null: nobody listens (tests)

    VrrpInterface(Network network, String name, VrrpStatistics statistics, long engineStartNanos,
            InterfaceDelay delay) {
        this.network = network;
        this.name = name;
        this.statistics = statistics;
        this.engineStartNanos = engineStartNanos;
        this.wasUp = lineUp();
        setDelay(delay);
    }

    /** Publishes the protocol errors of this interface's groups to {@code e}. */
    VrrpInterface withEvents(MonitorEvents e) {
        events = e;
        return this;
    }

    /**
     * Sets {@code vrrp delay}: the minimum applies from the next time the interface comes up; the reload delay,
     * counted from the appliance's start, while the interface has not come up since.
     */
    void setDelay(InterfaceDelay delay) {
        delayMinimumNanos = delay.minimumSeconds() * 1_000_000_000L;
        if (!cameUpSinceStart) {
            readyAtNanos = engineStartNanos + delay.reloadSeconds() * 1_000_000_000L;
            scheduleStart();
        }
    }

    void add(VrrpGroup group) {
        VrrpGroupConfig c = group.config();
        if (groups.putIfAbsent(key(c.family(), c.vrid()), group) != null) {
            throw new IllegalStateException("VRRP group " + c.vrid() + " (" + c.family().label()
                    + ") is already configured on " + name);
        }
        listen();
        group.evaluate(network.find(name), readyAtNanos);
    }

    void remove(VrrpGroup group) {
        VrrpGroupConfig c = group.config();
        if (groups.remove(key(c.family(), c.vrid()), group)) {
            group.remove();
        }
        if (groups.isEmpty() && receiving != null) {
            receiving.close();
            receiving = null;
        }
    }

    /**
     * Listens for adverts while groups are configured and the interface exists: platforms refuse a listener for a
     * missing interface, and one that comes back is a new device, to be listened to anew.
     */
    private void listen() {
        boolean exists = network.find(name).isPresent();
        if (exists && receiving == null && !groups.isEmpty()) {
            receiving = network.receive(name, FrameKind.VRRP, (ifname, frame, rxNanos) -> receive(frame, rxNanos));
        } else if (!exists && receiving != null) {
            receiving.close();
            receiving = null;
        }
    }

    /** The interface changed (line protocol, addresses) or appeared/disappeared. */
    void interfaceChanged() {
        listen();
        boolean up = lineUp();
        if (up && !wasUp) {
            cameUpSinceStart = true;
            readyAtNanos = network.scheduler().nanoTime() + delayMinimumNanos;
            scheduleStart();
        }
        wasUp = up;
        evaluateAll();
    }

    void evaluateAll() {
        Optional<NetInterface> iface = network.find(name);
        for (VrrpGroup g : groups.values()) {
            g.evaluate(iface, readyAtNanos);
        }
    }

    private void scheduleStart() {
        if (startTimer != null) {
            startTimer.cancel();
        }
        long wait = readyAtNanos - network.scheduler().nanoTime();
        startTimer = null;
        if (wait > 0) {
            LOG.info("VRRP: groups on {} start in {} s (vrrp delay)", name, wait / 1_000_000_000.0);
            startTimer = network.scheduler().schedule(wait, this::evaluateAll);
        }
    }

    private boolean lineUp() {
        return network.find(name).map(NetInterface::lineProtocolUp).orElse(false);
    }

    /** The receive path: decode, validate, count, dispatch. Never throws on bad input. */
    void receive(byte[] frame, long receivedNanos) {
        DecodeResult result = VrrpCodec.decodeFrame(frame);
        if (result.dropReason() == DropReason.TTL && unicastGroup(result)) {
            result = VrrpCodec.decodeFrame(frame, frame.length, false); // its peers are checked below instead
        }
        if (!result.isAccepted()) {
            VrrpGroup group = result.family() == null ? null : groups.get(key(result.family(), result.vrid()));
            if (group != null) {
                statistics.drop(result.dropReason(), group.statistics());
                publishDrop(group, result.dropReason());
            } else {
                statistics.drop(result.dropReason());
            }
            return;
        }
        VrrpAdvert advert = result.advert();
        VrrpGroup group = groups.get(key(advert.family(), advert.vrid()));
        if (group == null) {
            statistics.drop(DropReason.VRID); // RFC 5798 7.1: VRID not configured here
            return;
        }
        if ((advert.version() == VrrpVersion.V3) != (group.config().version() == VrrpVersion.V3)) {
            statistics.drop(DropReason.VERSION, group.statistics());
            publishDrop(group, DropReason.VERSION);
            return;
        }
        if (advert.source().equals(group.sourceAddress())) {
            return; // our own advert, looped back by the platform
        }
        if (!group.options().unicast().accepts(advert.source())) {
            statistics.unlistedSource(group.statistics()); // not one of its unicast peers
            return;
        }
        if (advert.version() == VrrpVersion.V2 && !authenticated(advert, group)) {
            return;
        }
        if (advert.version() == VrrpVersion.V2
                && advert.advertIntervalCentis() != group.config().advertIntervalCentis()) {
            statistics.drop(DropReason.ADVERT_INTERVAL, group.statistics()); // RFC 3768 7.1: dropped
            return;
        }
        group.received(advert, receivedNanos);
    }

    /** Whether the packet's VRID and family are a group's with unicast peers. */
    private boolean unicastGroup(DecodeResult result) {
        VrrpGroup g = result.family() == null ? null : groups.get(key(result.family(), result.vrid()));
        return g != null && g.options().unicast().isUnicast();
    }

    private void publishDrop(VrrpGroup group, DropReason reason) {
        if (events != null) {
            events.dropped(group, reason);
        }
    }

    /**
     * RFC 2338 7.1: a VRRPv2 advert must carry the group's Auth Type and, for simple text, its password (all 8
     * bytes); otherwise it is dropped, counted once router-wide and in the group's RFC 2787 counter.
     */
    private boolean authenticated(VrrpAdvert advert, VrrpGroup group) {
        VrrpGroupConfig c = group.config();
        if (advert.authType() != c.authType()) {
            statistics.drop(DropReason.AUTHENTICATION);
            group.statistics().authTypeMismatched();
            return false;
        }
        if (advert.authData() != c.authData()) {
            statistics.drop(DropReason.AUTHENTICATION);
            group.statistics().authFailed();
            return false;
        }
        return true;
    }

    private static int key(AddressFamily family, int vrid) {
        return family.ordinal() << 8 | vrid;
    }
}
