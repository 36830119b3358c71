package org.openvrrs.net.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.openvrrs.vrrs.api.MacAddress;

class FrameKindTest {
    private static final MacAddress MAC = MacAddress.parse("0000.5e00.0101");

    @Test
    void arpFrameIsArp() {
        byte[] frame = Frames.gratuitousArp((Inet4Address) InterfaceAddress.parseLiteral("192.0.2.1"), MAC);
        assertThat(FrameKind.classify(frame)).isEqualTo(FrameKind.ARP);
    }

    @Test
    void ipv4Protocol112IsVrrp() {
        assertThat(FrameKind.classify(TestFrames.ipv4(112))).isEqualTo(FrameKind.VRRP);
    }

    @Test
    void otherIpv4ProtocolIsNothing() {
        assertThat(FrameKind.classify(TestFrames.ipv4(17))).isNull();
    }

    @Test
    void ipv6NextHeader112IsVrrp() {
        assertThat(FrameKind.classify(TestFrames.ipv6(112, 0))).isEqualTo(FrameKind.VRRP);
    }

    @Test
    void icmpv6Types133To137AreNeighborDiscovery() {
        for (int type = 133; type <= 137; type++) {
            assertThat(FrameKind.classify(TestFrames.ipv6(58, type))).as("ICMPv6 type %d", type)
                    .isEqualTo(FrameKind.NEIGHBOR_DISCOVERY);
        }
        assertThat(FrameKind.classify(TestFrames.ipv6(58, 128))).as("echo request").isNull();
        assertThat(FrameKind.classify(TestFrames.ipv6(58, 138))).isNull();
    }

    @Test
    void unsolicitedNeighborAdvertIsNeighborDiscovery() {
        byte[] frame = Frames.unsolicitedNeighborAdvert((Inet6Address) InterfaceAddress.parseLiteral("fe80::1"), MAC);
        assertThat(FrameKind.classify(frame)).isEqualTo(FrameKind.NEIGHBOR_DISCOVERY);
    }

    @Test
    void taggedFramesAreClassifiedByTheirInnerEtherType() {
        assertThat(FrameKind.classify(Frames.addVlanTag(TestFrames.ipv4(112), 10))).isEqualTo(FrameKind.VRRP);
        assertThat(FrameKind.classify(Frames.addVlanTag(TestFrames.ipv6(58, 135), 4094)))
                .isEqualTo(FrameKind.NEIGHBOR_DISCOVERY);
        byte[] arp = Frames.arpRequest(MAC, (Inet4Address) InterfaceAddress.parseLiteral("192.0.2.1"),
                (Inet4Address) InterfaceAddress.parseLiteral("192.0.2.2"));
        assertThat(FrameKind.classify(Frames.addVlanTag(arp, 7))).isEqualTo(FrameKind.ARP);
    }

    @Test
    void garbageAndShortFramesAreNothing() {
        assertThat(FrameKind.classify(null)).isNull();
        assertThat(FrameKind.classify(new byte[0])).isNull();
        assertThat(FrameKind.classify(new byte[13])).isNull();
        assertThat(FrameKind.classify(new byte[64])).as("EtherType 0").isNull();
        assertThat(FrameKind.classify(Arrays.copyOf(TestFrames.ipv4(112), 30))).as("truncated IPv4").isNull();
        assertThat(FrameKind.classify(Arrays.copyOf(TestFrames.ipv6(112, 0), 50))).as("truncated IPv6").isNull();
        byte[] tagOnly = Arrays.copyOf(Frames.addVlanTag(TestFrames.ipv4(112), 10), 16);
        assertThat(FrameKind.classify(tagOnly)).as("truncated tag").isNull();
        byte[] wrongVersion = TestFrames.ipv4(112);
        wrongVersion[Frames.ETHERNET_HEADER_LENGTH] = 0x65;
        assertThat(FrameKind.classify(wrongVersion)).as("IPv4 EtherType, version 6").isNull();
    }
}
