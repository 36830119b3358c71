package org.openvrrs.net.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openvrrs.net.sim.SimTestLan.MAC1;
import static org.openvrrs.net.sim.SimTestLan.MAC2;
import static org.openvrrs.net.sim.SimTestLan.R1_IP;
import static org.openvrrs.net.sim.SimTestLan.VIP;
import static org.openvrrs.net.sim.SimTestLan.VMAC;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openvrrs.net.api.ArpPacket;
import org.openvrrs.net.api.FrameKind;
import org.openvrrs.net.api.Frames;
import org.openvrrs.net.api.InterfaceAddress;
import org.openvrrs.vrrs.api.AddressFamily;
import org.openvrrs.vrrs.api.MacAddress;

class SimHostTest {
    private static final MacAddress HOST_MAC = MacAddress.parse("0200.0000.00aa");

    private final SimTestLan net = new SimTestLan();
    private final SimHost host = new SimHost("pc", net.lan, HOST_MAC, InterfaceAddress.parse("192.0.2.100/24"));

    @Test
    void learnsAGratuitousArp() {
        net.r1.sendGratuitousArp("eth0", VIP, VMAC);
        net.clock.runUntilIdle();
        assertThat(host.arpTable()).containsEntry(VIP, VMAC);
        assertThat(host.received()).singleElement()
                .satisfies(frame -> assertThat(FrameKind.classify(frame)).isEqualTo(FrameKind.ARP));
    }

    @Test
    void arpForAVirtualAddressReturnsTheVirtualMac() {
        net.r1.addVirtualAddress("eth0", VIP, VMAC);
        host.arp(VIP);
        host.arp(R1_IP);
        net.clock.runUntilIdle();
        assertThat(host.macFor(VIP)).contains(VMAC);
        assertThat(host.macFor(R1_IP)).contains(MAC1);

        net.r1.removeVirtualAddress("eth0", VIP);
        MacAddress otherVmac = MacAddress.vrrp(AddressFamily.IPV4, 2);
        net.r2.addVirtualAddress("eth0", VIP, otherVmac);
        host.arp(VIP);
        net.clock.runUntilIdle();
        assertThat(host.macFor(VIP)).contains(otherVmac);
        assertThat(net.r1.virtualAddresses("eth0")).isEmpty();
    }

    @Test
    void stoppedRouterDoesNotAnswer() {
        net.r1.addVirtualAddress("eth0", VIP, VMAC);
        net.r1.stop();
        host.arp(VIP);
        net.clock.runUntilIdle();
        assertThat(host.arpTable()).doesNotContainKey(VIP);
    }

    @Test
    void answersArpForItsOwnAddress() {
        List<ArpPacket> replies = new ArrayList<>();
        net.r2.receive("eth0", FrameKind.ARP, (name, frame, nanos) -> Frames.parseArp(frame)
                .filter(ArpPacket::isReply).ifPresent(replies::add));
        InetAddress hostIp = host.address().address();
        net.r2.send("eth0", Frames.arpRequest(MAC2, (Inet4Address) InterfaceAddress.parseLiteral("192.0.2.2"),
                (Inet4Address) hostIp));
        net.clock.runUntilIdle();
        assertThat(replies).singleElement().satisfies(reply -> {
            assertThat(reply.senderIp()).isEqualTo(hostIp);
            assertThat(reply.senderMac()).isEqualTo(HOST_MAC);
        });
        assertThat(host.macFor(InterfaceAddress.parseLiteral("192.0.2.2"))).as("learned from the request")
                .contains(MAC2);
    }

    @Test
    void hostInAVlanReachesTheRouterSubinterface() {
        net.r1.addSubinterface("eth0", 10, InterfaceAddress.parse("198.51.100.1/24"));
        InetAddress vip = InterfaceAddress.parseLiteral("198.51.100.254");
        net.r1.addVirtualAddress("eth0.10", vip, VMAC);
        SimHost vlanHost = new SimHost("pc10", net.lan, MacAddress.parse("0200.0000.00bb"),
                InterfaceAddress.parse("198.51.100.100/24"), 10);

        vlanHost.arp(vip);
        host.arp(vip);
        net.clock.runUntilIdle();

        assertThat(vlanHost.macFor(vip)).contains(VMAC);
        assertThat(host.macFor(vip)).as("untagged host is in another broadcast domain").isEmpty();
        assertThat(host.received()).isEmpty();
    }

    @Test
    void arpNeedsIpv4() {
        assertThatThrownBy(() -> host.arp(InterfaceAddress.parseLiteral("2001:db8::1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IPv4");
    }
}
