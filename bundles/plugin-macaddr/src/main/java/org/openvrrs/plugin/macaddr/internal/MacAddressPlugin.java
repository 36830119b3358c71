package org.openvrrs.plugin.macaddr.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openvrrs.net.api.InterfaceAddress;
import org.openvrrs.net.api.NetInterface;
import org.openvrrs.net.api.Network;
import org.openvrrs.net.api.Scheduler;
import org.openvrrs.plugin.common.api.Subinterface;
import org.openvrrs.plugin.common.api.SubinterfacePlugin;
import org.openvrrs.vrrs.api.AddressFamily;
import org.openvrrs.vrrs.api.GroupState;
import org.openvrrs.vrrs.api.IpAddresses;
import org.openvrrs.vrrs.api.MacAddress;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The VRRS MAC-Address plug-in. While the followed group is ACTIVE and the guide's interface criteria hold (an IP
 * address, line protocol up), the subinterface's primary address is answered with the group's virtual MAC
 * ({@code Network.addVirtualAddress}), the virtual MAC is in the physical interface's MAC filter, and unsolicited
 * ARPs (IPv6: Neighbor Advertisements) announce it: one when it is taken, then, with {@code arp}, one every interval
 * while less than the duration has passed (interval 5, duration 360: 72 ARPs, at 0, 5, ... 355 s). Otherwise the
 * address goes back to the burned-in MAC. The filter entry is shared by every subinterface of a physical interface
 * using that MAC, so an active count per MAC removes it with the last one, as the guide's debug output shows.
 */
@Component(service = SubinterfacePlugin.class)
public final class MacAddressPlugin implements SubinterfacePlugin {
    private static final Logger DEBUG = LoggerFactory.getLogger("org.openvrrs.debug.plugin.mac");
    private static final Logger DEBUG_ARP = LoggerFactory.getLogger("org.openvrrs.debug.plugin.arp-packet");

    private final Map<String, Applied> applied = new LinkedHashMap<>();
    private final Map<FilterKey, Integer> activeCounts = new HashMap<>();

    /** The virtual MAC taken on one subinterface, and its unsolicited-ARP timer. */
    private static final class Applied {
        final Subinterface subinterface;
        final InetAddress ip;
        final MacAddress mac;
        final FilterKey filter;
        Scheduler.Timer timer;
        int sent;

        Applied(Subinterface subinterface, InetAddress ip, MacAddress mac, FilterKey filter) {
            this.subinterface = subinterface;
            this.ip = ip;
            this.mac = mac;
            this.filter = filter;
        }
    }

    /** One MAC filter entry: a MAC on a physical interface of a network. */
    private record FilterKey(Network network, String physical, MacAddress mac) {
    }

    @Override
    public String name() {
        return "mac";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public boolean configuredOn(Subinterface s) {
        return s.macAddress();
    }

    @Override
    public synchronized void update(Subinterface s, GroupState state) {
        Applied current = applied.get(s.where());
        Optional<Applied> wanted = wanted(s, state);
        boolean same = current != null && wanted.isPresent() && current.mac.equals(wanted.get().mac)
                && current.ip.equals(wanted.get().ip) && current.filter.equals(wanted.get().filter);
        if (current != null && !same) {
            withdraw(current);
        }
        if (wanted.isPresent() && !same) {
            take(wanted.get());
        }
    }

    /** What the subinterface should use now, or empty: not ACTIVE, no virtual MAC, no address, line protocol down. */
    private static Optional<Applied> wanted(Subinterface s, GroupState state) {
        if (!state.hasServer() || !state.isActive() || state.virtualMac().isZero()) {
            return Optional.empty();
        }
        Optional<NetInterface> iface = s.network().find(s.interfaceName());
        if (iface.isEmpty() || !iface.get().lineProtocolUp()) {
            return Optional.empty();
        }
        NetInterface i = iface.get();
        Optional<InterfaceAddress> primary = i.primaryAddress(AddressFamily.IPV4)
                .or(() -> i.primaryAddress(AddressFamily.IPV6));
        String physical = i.parent() != null ? i.parent() : i.name();
        return primary.map(a -> new Applied(s, a.address(), state.virtualMac(),
                new FilterKey(s.network(), physical, state.virtualMac())));
    }

    private void take(Applied a) {
        Subinterface s = a.subinterface;
        Network network = s.network();
        network.addVirtualAddress(s.interfaceName(), a.ip, a.mac);
        int count = activeCounts.merge(a.filter, 1, Integer::sum);
        if (count == 1) {
            network.addMacFilter(a.filter.physical(), a.mac);
            DEBUG.debug("VRRS-P(mac): {} Add {} to MAC filter, using (afilter_add)", s.where(), a.mac);
        }
        DEBUG.debug("VRRS-P(mac): Active count increase to ({}) for MAC : {}", count, a.mac);
        applied.put(s.where(), a);
        announce(a);
    }

    private void withdraw(Applied a) {
        Subinterface s = a.subinterface;
        applied.remove(s.where());
        if (a.timer != null) {
            a.timer.cancel();
        }
        s.network().removeVirtualAddress(s.interfaceName(), a.ip);
        int count = activeCounts.merge(a.filter, -1, Integer::sum);
        DEBUG.debug("VRRS-P(mac): Active count decrease to ({}) for MAC : {}", count, a.mac);
        if (count <= 0) {
            activeCounts.remove(a.filter);
            s.network().removeMacFilter(a.filter.physical(), a.mac);
            DEBUG.debug("VRRS-P(mac): {} Remove {} from MAC filter, using (afilter_remove)", s.where(), a.mac);
        }
        DEBUG.debug("VRRS-P(mac): {} {} back to its burned-in MAC", s.where(), IpAddresses.format(a.ip));
    }

    /** Sends one unsolicited ARP now and, with {@code arp}, schedules the next while within the duration. */
    private void announce(Applied a) {
        if (applied.get(a.subinterface.where()) != a) {
            return; // withdrawn meanwhile
        }
        Subinterface s = a.subinterface;
        if (a.ip instanceof Inet4Address) {
            s.network().sendGratuitousArp(s.interfaceName(), a.ip, a.mac);
        } else {
            s.network().sendUnsolicitedNeighborAdvert(s.interfaceName(), a.ip, a.mac);
        }
        a.sent++;
        DEBUG_ARP.debug("VRRS-P(arp-packet): sent rep src {} {}, dst {} ffff.ffff.ffff {}", IpAddresses.format(a.ip),
                a.mac, IpAddresses.format(a.ip), s.where());
        long next = (long) a.sent * s.arpIntervalSeconds();
        if (s.arp() && next < s.arpDurationSeconds()) {
            a.timer = s.network().scheduler().schedule(Duration.ofSeconds(s.arpIntervalSeconds()), () -> tick(a));
        } else {
            a.timer = null;
        }
    }

    private synchronized void tick(Applied a) {
        announce(a);
    }

    @Override
    public synchronized void release(Subinterface s) {
        Applied a = applied.get(s.where());
        if (a != null) {
            withdraw(a);
        }
    }

    @Override
    public synchronized Optional<MacAddress> arpMac(Subinterface s) {
        return Optional.ofNullable(applied.get(s.where())).map(a -> a.mac);
    }

    /** Subinterfaces using a virtual MAC now, and timers pending: what a leak check looks at. */
    synchronized int appliedCount() {
        return applied.size();
    }

    synchronized int pendingTimers() {
        return (int) applied.values().stream().filter(a -> a.timer != null && !a.timer.isCancelled()).count();
    }

    /** Uninstalled or stopped: burned-in MACs back, filter entries removed, timers cancelled. */
    @Deactivate
    synchronized void deactivate() {
        for (Applied a : List.copyOf(applied.values())) {
            try {
                withdraw(a);
            } catch (RuntimeException e) {
                DEBUG.debug("VRRS-P(mac): {} could not be released: {}", a.subinterface.where(), e.toString());
            }
        }
        applied.clear();
        activeCounts.clear();
    }
}
