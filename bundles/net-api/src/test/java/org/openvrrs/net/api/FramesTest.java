package org.openvrrs.net.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.openvrrs.vrrs.api.MacAddress;

class FramesTest {
    private static final MacAddress VMAC = MacAddress.parse("0000.5e00.0101");
    private static final Inet4Address IP = (Inet4Address) InterfaceAddress.parseLiteral("192.0.2.1");

    @Test
    void gratuitousArpBytes() {
        int[] expected = {
            0xff, 0xff, 0xff, 0xff, 0xff, 0xff,     // destination: broadcast
            0x00, 0x00, 0x5e, 0x00, 0x01, 0x01,     // source: the announced MAC
            0x08, 0x06,                             // EtherType ARP
            0x00, 0x01,                             // hardware type Ethernet
            0x08, 0x00,                             // protocol type IPv4
            0x06, 0x04,                             // address lengths
            0x00, 0x01,                             // operation: request
            0x00, 0x00, 0x5e, 0x00, 0x01, 0x01,     // sender MAC
            0xc0, 0x00, 0x02, 0x01,                 // sender IP 192.0.2.1
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00,     // target MAC: zero (RFC 5227)
            0xc0, 0x00, 0x02, 0x01,                 // target IP = sender IP
        };
        byte[] frame = Frames.gratuitousArp(IP, VMAC);
        assertThat(frame).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(frame[i] & 0xff).as("byte %d", i).isEqualTo(expected[i]);
        }
    }

    @Test
    void arpReplyRoundTrips() {
        MacAddress asker = MacAddress.parse("0200.0000.0009");
        Inet4Address askerIp = (Inet4Address) InterfaceAddress.parseLiteral("192.0.2.9");
        byte[] frame = Frames.arpReply(VMAC, IP, asker, askerIp);
        assertThat(Frames.destination(frame)).isEqualTo(asker);
        assertThat(Frames.source(frame)).isEqualTo(VMAC);
        assertThat(Frames.parseArp(frame)).contains(new ArpPacket(ArpPacket.REPLY, VMAC, IP, asker, askerIp));
        assertThat(Frames.parseArp(Frames.addVlanTag(frame, 10)).orElseThrow().isReply()).isTrue();
        assertThat(Frames.parseArp(Frames.gratuitousArp(IP, VMAC)).orElseThrow().isGratuitous()).isTrue();
        assertThat(Frames.parseArp(TestFrames.ipv4(112))).isEmpty();
        assertThat(Frames.parseArp(Arrays.copyOf(frame, 30))).isEmpty();
    }

    @Test
    void vlanTagIsAddedAndRemoved() {
        byte[] frame = TestFrames.ipv4(112);
        byte[] tagged = Frames.addVlanTag(frame, 100);
        assertThat(tagged).hasSize(frame.length + 4);
        assertThat(Arrays.copyOfRange(tagged, 12, 16)).containsExactly(0x81, 0x00, 0x00, 100);
        assertThat(Frames.vlanId(tagged)).isEqualTo(100);
        assertThat(Frames.etherType(tagged)).isEqualTo(Frames.ETHERTYPE_IPV4);
        assertThat(Frames.payloadOffset(tagged)).isEqualTo(18);
        assertThat(Frames.removeVlanTag(tagged)).isEqualTo(frame);
        assertThat(Frames.vlanId(frame)).isZero();
        assertThat(Frames.removeVlanTag(frame)).isSameAs(frame);
        assertThatThrownBy(() -> Frames.addVlanTag(tagged, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Frames.addVlanTag(frame, 4095)).hasMessageContaining("outside 1-4094");
    }

    @Test
    void unsolicitedNeighborAdvertHasFlagsTargetAndValidChecksum() {
        Inet6Address ip = (Inet6Address) InterfaceAddress.parseLiteral("2001:db8::1");
        MacAddress mac = MacAddress.parse("0000.5e00.0201");
        byte[] frame = Frames.unsolicitedNeighborAdvert(ip, mac);
        assertThat(Frames.destination(frame)).isEqualTo(Frames.IPV6_ALL_NODES_MAC);
        assertThat(frame).hasSize(14 + 40 + 32);
        assertThat(frame[14 + 7] & 0xff).as("hop limit").isEqualTo(255);
        byte[] icmp = Arrays.copyOfRange(frame, 54, frame.length);
        assertThat(icmp[0] & 0xff).as("type").isEqualTo(136);
        assertThat(icmp[4] & 0xff).as("flags R and O").isEqualTo(0xa0);
        assertThat(Arrays.copyOfRange(icmp, 8, 24)).isEqualTo(ip.getAddress());
        assertThat(Arrays.copyOfRange(icmp, 26, 32)).isEqualTo(mac.toBytes());
        byte[] source = Arrays.copyOfRange(frame, 22, 38);
        byte[] destination = Arrays.copyOfRange(frame, 38, 54);
        assertThat(Frames.icmpv6Checksum(source, destination, icmp)).as("checksum over a valid packet").isZero();
    }

    @Test
    void groupAddresses() {
        assertThat(Frames.isGroupAddress(Frames.BROADCAST)).isTrue();
        assertThat(Frames.isGroupAddress(MacAddress.parse("0100.5e00.0012"))).isTrue();
        assertThat(Frames.isGroupAddress(VMAC)).isFalse();
    }
}
