package org.openvrrs.cli.ios.internal;

import java.util.List;
import java.util.Optional;

import org.openvrrs.cli.ios.internal.parse.InterfaceNames;
import org.openvrrs.net.api.InterfaceAddress;
import org.openvrrs.net.api.NetInterface;
import org.openvrrs.net.api.Network;
import org.openvrrs.vrrs.api.AddressFamily;

/**
 * Makes an interface of a {@link Network} what its {@link InterfaceSettings} say: creates a VLAN subinterface
 * (again when its VLAN changed), sets its IPv4 addresses in order (the primary first) and its global IPv6
 * addresses, and its admin state. Idempotent: the command applies at once, the component again on every change.
 */
final class InterfaceApplier {
    /** Held by the command while it applies and stores a change, and by the component while it re-applies. */
    static final Object LOCK = new Object();

    private InterfaceApplier() {
    }

    static void apply(Network network, InterfaceSettings s) {
        String name = s.interfaceName();
        Optional<NetInterface> found = network.find(name);
        Optional<Integer> vlan = s.effectiveVlan();
        if (vlan.isPresent()) {
            if (found.isPresent() && found.get().vlanId() != vlan.get()) {
                network.removeVlanSubinterface(name);
                found = Optional.empty();
            }
            if (found.isEmpty()) {
                network.addVlanSubinterface(name, InterfaceNames.parent(name).orElseThrow(), vlan.get());
                found = network.find(name);
            }
        }
        NetInterface now = found.orElseThrow(() -> new IllegalArgumentException("no interface named " + name));
        set(network, name, now, AddressFamily.IPV4, s.addresses().stream().map(InterfaceAddress::parse).toList());
        set(network, name, now, AddressFamily.IPV6, s.ipv6Addresses().stream().map(InterfaceAddress::parse).toList());
        if (now.adminUp() == s.shutdown()) {
            network.setAdminState(name, !s.shutdown());
        }
    }

    /** Puts the wanted addresses of a family in order; IPv6 link-local addresses not configured are left alone. */
    private static void set(Network network, String name, NetInterface now, AddressFamily family,
            List<InterfaceAddress> wanted) {
        List<InterfaceAddress> have = now.addresses().stream().filter(a -> a.family() == family)
                .filter(a -> family == AddressFamily.IPV4 || !a.address().isLinkLocalAddress()
                        || wanted.contains(a)).toList();
        if (have.equals(wanted)) {
            // again, idempotent: a network's view may lag a removal just made (configure replace deletes the
            // entry, undoing its addresses, and makes it anew), so "already there" may be stale
            wanted.forEach(a -> network.addAddress(name, a));
            return;
        }
        have.forEach(a -> network.removeAddress(name, a));
        wanted.forEach(a -> network.addAddress(name, a));
    }

    /** Undoes what the settings did, when they are deleted: a subinterface goes, a main interface loses them. */
    static void undo(Network network, InterfaceSettings s) {
        if (s.effectiveVlan().isPresent()) {
            network.removeVlanSubinterface(s.interfaceName());
            return;
        }
        network.find(s.interfaceName()).ifPresent(now -> {
            s.addresses().stream().map(InterfaceAddress::parse).filter(now.addresses()::contains)
                    .forEach(a -> network.removeAddress(s.interfaceName(), a));
            s.ipv6Addresses().stream().map(InterfaceAddress::parse).filter(now.addresses()::contains)
                    .forEach(a -> network.removeAddress(s.interfaceName(), a));
            if (!now.adminUp()) {
                network.setAdminState(s.interfaceName(), true);
            }
        });
    }
}
