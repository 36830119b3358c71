package org.openvrrs.net.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvrrs.net.sim.SimTestLan.VIP;
import static org.openvrrs.net.sim.SimTestLan.VMAC;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.openvrrs.net.api.Frames;
import org.openvrrs.net.api.InterfaceAddress;
import org.openvrrs.vrrs.api.MacAddress;

/** Network.setAcceptMode on the simulated router: IP traffic to the address refused, ARP still answered. */
class AcceptModeTest {
    private static final MacAddress HOST_MAC = MacAddress.parse("0200.0000.00aa");
    private static final InetAddress HOST_IP = InterfaceAddress.parseLiteral("192.0.2.100");

    private final SimTestLan net = new SimTestLan();
    private final SimHost host = new SimHost("pc", net.lan, HOST_MAC, InterfaceAddress.parse("192.0.2.100/24"));

    @Test
    void withoutAcceptModeIpTrafficToTheVirtualAddressIsDroppedButArpAnswered() {
        net.r1.addVirtualAddress("eth0", VIP, VMAC);
        net.r1.setAcceptMode("eth0", VIP, false);

        assertThat(deliveredToR1(ipv4To(VIP))).isFalse();
        host.arp(VIP);
        net.clock.runUntilIdle();
        assertThat(host.macFor(VIP)).contains(VMAC);

        net.r1.setAcceptMode("eth0", VIP, true);
        assertThat(deliveredToR1(ipv4To(VIP))).isTrue();
    }

    @Test
    void acceptModeIsPerAddress() {
        InetAddress other = InterfaceAddress.parseLiteral("192.0.2.253");
        net.r1.addVirtualAddress("eth0", VIP, VMAC);
        net.r1.addVirtualAddress("eth0", other, VMAC);
        net.r1.setAcceptMode("eth0", other, false);

        assertThat(deliveredToR1(ipv4To(VIP))).isTrue();
        assertThat(deliveredToR1(ipv4To(other))).isFalse();
    }

    /** Sends {@code frame} from the host and tells whether a router port took it. */
    private boolean deliveredToR1(byte[] frame) {
        long before = net.lan.delivered();
        host.send(frame);
        net.clock.runUntilIdle();
        return net.lan.delivered() > before;
    }

    /** A minimal IPv4 packet (an ICMP echo's header) from the host to {@code destination}'s virtual MAC. */
    private static byte[] ipv4To(InetAddress destination) {
        byte[] ip = new byte[28];
        ip[0] = 0x45;
        ip[3] = 28;
        ip[8] = 64;
        ip[9] = 1;
        System.arraycopy(HOST_IP.getAddress(), 0, ip, 12, 4);
        System.arraycopy(destination.getAddress(), 0, ip, 16, 4);
        ip[20] = 8; // echo request
        return Frames.ethernet(VMAC, HOST_MAC, Frames.ETHERTYPE_IPV4, ip);
    }
}
