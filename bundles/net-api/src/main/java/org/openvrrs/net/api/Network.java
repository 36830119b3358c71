package org.openvrrs.net.api;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openvrrs.vrrs.api.MacAddress;

/**
 * The appliance's network: its interfaces, a frame channel per {@link FrameKind} and link control. FHRP servers and
 * VRRS plug-ins use only this service, so they run unchanged on a simulated LAN and on Linux interfaces.
 *
 * <p>Every callback runs on {@link #scheduler()}. Methods taking an interface name throw
 * {@code IllegalArgumentException("no interface named X")} when there is none. Frames are whole Ethernet II frames;
 * on a VLAN subinterface they are sent and received untagged, the implementation adds and removes the tag.
 */
public interface Network {
    /** The service property that names a network; FHRP groups and plug-ins pick their network by it. */
    String NAME_PROPERTY = "network.name";

    /** The name of the appliance's own network (Linux interfaces, or the simulated platform in the demo). */
    String LOCAL = "local";

    /** Snapshots of all interfaces, ordered by index. */
    List<NetInterface> interfaces();

    Optional<NetInterface> find(String name);

    /** Tells {@code listener} of every later interface change, addition and removal. */
    Registration addInterfaceListener(InterfaceListener listener);

    /** Hands {@code listener} the frames of {@code kind} that {@code interfaceName} receives from now on. */
    Registration receive(String interfaceName, FrameKind kind, FrameListener listener);

    /** Sends a whole Ethernet II frame; silently dropped when the line protocol is down, as a wire would. */
    void send(String interfaceName, byte[] ethernetFrame);

    /**
     * Sends an IPv4 or IPv6 packet, IP header included, to the unicast {@code destination} on the interface's link,
     * as the host's IP stack would: the network finds the destination's MAC (ARP or neighbour discovery) and the
     * frame leaves from the interface's own MAC. For protocols that speak to listed peers instead of a multicast
     * group (VRRP unicast peers). Silently dropped, as a wire would, when the line protocol is down or the neighbour
     * does not answer; implementations that cannot send unicast IP throw {@code UnsupportedOperationException}.
     *
     * @since 1.2
     */
    default void sendIp(String interfaceName, InetAddress destination, byte[] ipPacket) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot send unicast IP packets");
    }

    /** The scheduler all callbacks run on, and protocol code should time itself with. */
    Scheduler scheduler();

    /** Forces the line protocol down ({@code false}) or lets it follow admin and link state again ({@code true}). */
    void setLineProtocol(String interfaceName, boolean up);

    /** Administratively enables or shuts the interface. */
    void setAdminState(String interfaceName, boolean up);

    /** Makes the interface use {@code mac} as source and destination; {@code null} restores the burned-in MAC. */
    void setMac(String interfaceName, MacAddress mac);

    /** Accepts frames to the unicast {@code mac} too, e.g. a VRRP virtual MAC. */
    void addMacFilter(String interfaceName, MacAddress mac);

    void removeMacFilter(String interfaceName, MacAddress mac);

    void addAddress(String interfaceName, InterfaceAddress address);

    /**
     * Creates the 802.1Q VLAN subinterface {@code name} of the physical interface {@code parent} (IOS
     * {@code interface X.N} with {@code encapsulation dot1Q VLAN}), admin up, without addresses.
     *
     * @throws UnsupportedOperationException with one line for the operator when this network cannot
     */
    default void addVlanSubinterface(String name, String parent, int vlanId) {
        throw new UnsupportedOperationException("this network cannot create VLAN subinterfaces");
    }

    /** Removes a subinterface made by {@link #addVlanSubinterface}; false when there is none of that name. */
    default boolean removeVlanSubinterface(String name) {
        return false;
    }

    void removeAddress(String interfaceName, InterfaceAddress address);

    /**
     * Makes the interface own {@code ip} with {@code mac}: ARP requests / neighbour solicitations for it are answered
     * with {@code mac} and frames to {@code mac} are accepted (a VRRP Master's virtual address). Idempotent.
     * {@code mac == null} puts {@code ip} on the interface itself with the interface's own MAC (a VRRP Master without
     * the virtual MAC, keepalived without {@code use_vmac}): ARP / NS for it are answered with that MAC.
     */
    void addVirtualAddress(String interfaceName, InetAddress ip, MacAddress mac);

    /** Withdraws a virtual address added by {@link #addVirtualAddress}. Idempotent. */
    void removeVirtualAddress(String interfaceName, InetAddress ip);

    /**
     * Accept mode of a virtual address (RFC 5798 6.1): with {@code accept} false the interface drops every packet
     * addressed to {@code ip} except ARP and IPv6 neighbour discovery (a non-owner Master without accept mode); true,
     * the default for every address, lifts it. Independent of {@link #addVirtualAddress}, so a caller can refuse the
     * traffic before the address appears; the network lifts what is left when it stops. Idempotent.
     */
    void setAcceptMode(String interfaceName, InetAddress ip, boolean accept);

    /**
     * Whether the routing table holds a usable route to exactly {@code prefix}/{@code prefixLength} (IOS {@code track
     * N ip route A/M reachability}). May block briefly (a kernel query): call it off the scheduler thread. This
     * default knows connected routes only, which is all a simulated router has: the prefix of an address on an
     * interface whose line protocol is up.
     */
    default boolean hasRoute(InetAddress prefix, int prefixLength) {
        InterfaceAddress route = new InterfaceAddress(prefix, prefixLength);
        return interfaces().stream().filter(NetInterface::lineProtocolUp).flatMap(i -> i.addresses().stream())
                .anyMatch(a -> a.prefixLength() == prefixLength && route.contains(a.address()));
    }

    /** Broadcasts a gratuitous ARP announcing that {@code mac} owns the IPv4 address {@code ip}. */
    default void sendGratuitousArp(String interfaceName, InetAddress ip, MacAddress mac) {
        if (!(ip instanceof Inet4Address ipv4)) {
            throw new IllegalArgumentException("gratuitous ARP needs an IPv4 address, not " + ip);
        }
        send(interfaceName, Frames.gratuitousArp(ipv4, Objects.requireNonNull(mac, "MAC is required")));
    }

    /** Sends an unsolicited Neighbor Advertisement to all nodes announcing that {@code mac} owns IPv6 {@code ip}. */
    default void sendUnsolicitedNeighborAdvert(String interfaceName, InetAddress ip, MacAddress mac) {
        if (!(ip instanceof Inet6Address ipv6)) {
            throw new IllegalArgumentException("a Neighbor Advertisement needs an IPv6 address, not " + ip);
        }
        send(interfaceName, Frames.unsolicitedNeighborAdvert(ipv6, Objects.requireNonNull(mac, "MAC is required")));
    }
}
