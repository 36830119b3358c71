package org.openvrrs.net.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openvrrs.net.api.ArpPacket;
import org.openvrrs.net.api.FrameKind;
import org.openvrrs.net.api.Frames;
import org.openvrrs.net.api.InterfaceAddress;
import org.openvrrs.vrrs.api.AddressFamily;
import org.openvrrs.vrrs.api.IpAddresses;
import org.openvrrs.vrrs.api.MacAddress;

/**
 * A VLAN subinterface accepts unicast frames to its parent's MAC filter (the physical port's filter, shared) and to
 * the MACs of its virtual addresses, as {@code Network.addVirtualAddress} promises; nothing else of another MAC.
 */
class SubinterfaceAcceptanceTest {
    static final MacAddress VMAC = MacAddress.vrrp(AddressFamily.IPV4, 1);
    final VirtualScheduler clock = new VirtualScheduler();
    final SimLan lan = new SimLan("lan0", clock);
    final SimRouter r1 = new SimRouter("r1", clock);
    final SimHost host;
    final List<String> received = new ArrayList<>();

    SubinterfaceAcceptanceTest() {
        r1.addInterface("eth0", lan, MacAddress.parse("0200.0000.0101"));
        r1.addSubinterface("eth0", 2, InterfaceAddress.parse("198.51.100.1/26"));
        host = new SimHost("h2", lan, MacAddress.parse("0200.0000.0120"), InterfaceAddress.parse("198.51.100.10/26"),
                2);
        r1.receive("eth0.2", FrameKind.ARP, (i, f, t) -> received.add(i));
    }

    private void sendTo(MacAddress destination) {
        host.send(Frames.arp(destination, new ArpPacket(ArpPacket.REQUEST, host.mac(),
                (Inet4Address) host.address().address(), MacAddress.ZERO,
                (Inet4Address) IpAddresses.parse("a", "198.51.100.1"))));
        clock.runUntilIdle();
    }

    @Test
    void acceptsTheParentsFilterAndItsVirtualMacsOnly() {
        sendTo(VMAC);
        assertThat(received).as("not in any filter yet").isEmpty();
        r1.addMacFilter("eth0", VMAC);
        sendTo(VMAC);
        assertThat(received).containsExactly("eth0.2");
        r1.removeMacFilter("eth0", VMAC);
        r1.addVirtualAddress("eth0.2", IpAddresses.parse("a", "198.51.100.1"), VMAC);
        sendTo(VMAC);
        assertThat(received).hasSize(2);
        assertThat(host.macFor(IpAddresses.parse("a", "198.51.100.1"))).as("answered with the virtual MAC")
                .contains(VMAC);
    }
}
