package org.openvrrs.net.api;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.openvrrs.vrrs.api.AddressFamily;
import org.openvrrs.vrrs.api.MacAddress;

/**
 * An immutable snapshot of one interface, as {@link Network#interfaces()} lists it and
 * {@link InterfaceListener}s receive it; compare two snapshots to see what changed.
 *
 * @param name           interface name, e.g. {@code eth0} or {@code eth0.10}
 * @param index          interface index, unique within the network
 * @param burnedInMac    the MAC the interface came with
 * @param mac            the MAC it currently uses as source and accepts as destination
 * @param addresses      configured addresses, primary first per family
 * @param adminUp        whether it is administratively enabled
 * @param lineProtocolUp whether it can send and receive now
 * @param parent         the parent interface of a VLAN subinterface (or macvlan), {@code null} when none
 * @param vlanId         802.1Q VLAN id 1-4094 of a subinterface, 0 when untagged
 * @param macFilter      extra unicast MACs accepted as destination (e.g. a VRRP virtual MAC)
 */
public record NetInterface(String name, int index, MacAddress burnedInMac, MacAddress mac,
        List<InterfaceAddress> addresses, boolean adminUp, boolean lineProtocolUp, String parent, int vlanId,
        Set<MacAddress> macFilter) {

    public NetInterface {
        Objects.requireNonNull(name, "name is required");
        if (name.isBlank()) {
            throw new IllegalArgumentException("an interface name must not be blank");
        }
        if (index < 0) {
            throw new IllegalArgumentException("interface index " + index + " of " + name + " is negative");
        }
        Objects.requireNonNull(burnedInMac, "burned-in MAC is required");
        Objects.requireNonNull(mac, "MAC is required");
        addresses = List.copyOf(addresses);
        macFilter = Set.copyOf(macFilter);
        if (vlanId < 0 || vlanId > 4094) {
            throw new IllegalArgumentException("VLAN id " + vlanId + " of " + name + " is outside 0-4094");
        }
        if (vlanId != 0 && parent == null) {
            throw new IllegalArgumentException("VLAN subinterface " + name + " needs a parent interface");
        }
    }

    /** The first configured address of {@code family}, the one protocol code uses as its own. */
    public Optional<InterfaceAddress> primaryAddress(AddressFamily family) {
        return addresses.stream().filter(a -> a.family() == family).findFirst();
    }

    /** Whether {@code address} is configured here, whatever its prefix length. */
    public boolean hasAddress(InetAddress address) {
        return addresses.stream().anyMatch(a -> a.address().equals(address));
    }

    public Optional<String> parentName() {
        return Optional.ofNullable(parent);
    }

    public boolean isSubinterface() {
        return vlanId != 0;
    }

    /** Whether a frame to {@code destination} is for this interface: broadcast, multicast, its MAC or filter. */
    public boolean accepts(MacAddress destination) {
        return Frames.isGroupAddress(destination) || destination.equals(mac) || macFilter.contains(destination);
    }
}
