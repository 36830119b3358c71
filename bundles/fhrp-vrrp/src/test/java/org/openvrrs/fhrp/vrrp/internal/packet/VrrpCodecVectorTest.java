package org.openvrrs.fhrp.vrrp.internal.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvrrs.fhrp.vrrp.internal.packet.TestPackets.hex;
import static org.openvrrs.fhrp.vrrp.internal.packet.TestPackets.ip;
import static org.openvrrs.fhrp.vrrp.internal.packet.TestPackets.ips;

import java.net.Inet4Address;
import org.junit.jupiter.api.Test;
import org.openvrrs.net.api.FrameKind;
import org.openvrrs.net.api.Frames;
import org.openvrrs.vrrs.api.AddressFamily;
import org.openvrrs.vrrs.api.MacAddress;

/**
 * Whole frames checked byte by byte against vectors whose checksums were summed by hand below (RFC 1071: add the
 * 16-bit words, fold the carries back in, complement), then cross-checked with an independent few-line Python
 * script (struct.unpack of the words, same fold). tshark was not installed, so no dissector cross-check was run.
 */
class VrrpCodecVectorTest {

    /*
     * VRRPv3 IPv4, VRID 1, priority 100, Max Adver Int 100 cs, from 192.0.2.2, virtual address 192.0.2.1, sent
     * by the Master from the virtual MAC 0000.5e00.0101.
     *
     * IPv4 header words: 45c0 0020 0000 4000 ff70 [0000] c000 0202 e000 0012
     *   sum = 0x32764 -> fold 0x2764 + 0x3 = 0x2767 -> checksum ~0x2767 = 0xd898
     * VRRP words: 3101 6401 0064 [0000] c000 0201
     *   sum = 0x15767 -> fold 0x5768 -> VRRP-only checksum ~0x5768 = 0xa897
     * pseudo-header words: c000 0202 (source) e000 0012 (224.0.0.18) 0070 (protocol 112) 000c (length 12)
     *   sum = 0x1a290; with the VRRP words 0x1a290 + 0x15767 = 0x2f9f7 -> fold 0xf9f9 -> checksum 0x0606
     */
    static final String V3_IPV4_ETHERNET = "01005e000012 00005e000101 0800";
    static final String V3_IPV4_IP = "45c00020 00004000 ff70d898 c0000202 e0000012";
    static final String V3_IPV4_PSEUDO = V3_IPV4_ETHERNET + V3_IPV4_IP + "31016401 00640606 c0000201";
    static final String V3_IPV4_VRRP_ONLY = V3_IPV4_ETHERNET + V3_IPV4_IP + "31016401 0064a897 c0000201";

    /*
     * VRRPv3 IPv6, VRID 1, priority 100, Max Adver Int 100 cs, from fe80::2, virtual addresses fe80::1 (the
     * link-local one first, RFC 5798 5.2.9) and 2001:db8::1, from the virtual MAC 0000.5e00.0201.
     * IPv6 header: 6c000000 = version 6, traffic class 0xc0 (CS6), flow 0; payload 0x0028 = 8 + 2 * 16;
     * next header 0x70; hop limit 0xff.
     * VRRP words: 3101 6402 0064 [0000] fe80 0 0 0 0 0 0 0001 2001 0db8 0 0 0 0 0 0001
     *   sum = 0x1c1a2
     * pseudo-header: fe80 0002 (source) ff02 0012 (ff02::12) 0028 (length) 0070 (next header)
     *   sum = 0x1fe2e; total 0x3bfd0 -> fold 0xbfd3 -> checksum ~0xbfd3 = 0x402c
     */
    static final String V3_IPV6 = "333300000012 00005e000201 86dd"
            + "6c000000 002870ff"
            + "fe800000000000000000000000000002"
            + "ff020000000000000000000000000012"
            + "31016402 0064402c"
            + "fe800000000000000000000000000001"
            + "20010db8000000000000000000000001";

    /*
     * VRRPv2 IPv4, VRID 10, priority 200, Adver Int 1 s, auth type 1 (simple text) "secret", from 198.51.100.2,
     * virtual address 198.51.100.1, from the virtual MAC 0000.5e00.010a. Length 8 + 4 + 8 = 20, IP total 40.
     * IPv4 header words: 45c0 0028 0000 4000 ff70 [0000] c633 6402 e000 0012
     *   sum = 0x38f9f -> fold 0x8fa2 -> checksum 0x705d
     * VRRP words (no pseudo-header in v2): 210a c801 0101 [0000] c633 6401 7365 6372 6574 0000
     *   sum = 0x3508b -> fold 0x508e -> checksum 0xaf71
     */
    static final String V2_IPV4 = "01005e000012 00005e00010a 0800"
            + "45c00028 00004000 ff70705d c6336402 e0000012"
            + "210ac801 0101af71 c6336401 73656372 65740000";

    static VrrpAdvert v3Ipv4() {
        return VrrpAdvert.v3(1, 100, ip("192.0.2.2"), ips("192.0.2.1"), 100);
    }

    static VrrpAdvert v3Ipv6() {
        return VrrpAdvert.v3(1, 100, ip("fe80::2"), ips("fe80::1", "2001:db8::1"), 100);
    }

    static VrrpAdvert v2Ipv4() {
        return VrrpAdvert.v2(10, 200, (Inet4Address) ip("198.51.100.2"), ips("198.51.100.1"), 1)
                .withSimpleTextPassword("secret");
    }

    @Test
    void encodesVrrpv3Ipv4WithPseudoHeader() {
        byte[] frame = VrrpCodec.encodeFrame(v3Ipv4(), MacAddress.vrrp(AddressFamily.IPV4, 1),
                Ipv4ChecksumMode.PSEUDO_HEADER);

        assertThat(hex(frame)).isEqualTo(hex(hex(V3_IPV4_PSEUDO)));
        assertThat(FrameKind.classify(frame)).isEqualTo(FrameKind.VRRP);
    }

    @Test
    void encodesVrrpv3Ipv4WithoutPseudoHeader() {
        byte[] frame = VrrpCodec.encodeFrame(v3Ipv4(), MacAddress.vrrp(AddressFamily.IPV4, 1),
                Ipv4ChecksumMode.VRRP_ONLY);

        assertThat(hex(frame)).isEqualTo(hex(hex(V3_IPV4_VRRP_ONLY)));
    }

    @Test
    void encodesVrrpv3Ipv6() {
        byte[] frame = VrrpCodec.encodeFrame(v3Ipv6(), MacAddress.vrrp(AddressFamily.IPV6, 1),
                Ipv4ChecksumMode.VRRP_ONLY); // the mode never applies to IPv6

        assertThat(hex(frame)).isEqualTo(hex(hex(V3_IPV6)));
        assertThat(FrameKind.classify(frame)).isEqualTo(FrameKind.VRRP);
    }

    @Test
    void encodesVrrpv2WithSimpleTextPassword() {
        byte[] frame = VrrpCodec.encodeFrame(v2Ipv4(), MacAddress.vrrp(AddressFamily.IPV4, 10),
                Ipv4ChecksumMode.PSEUDO_HEADER); // the mode never applies to v2

        assertThat(hex(frame)).isEqualTo(hex(hex(V2_IPV4)));
    }

    @Test
    void vectorsAgreeWithTheIndependentTestChecksum() {
        for (String vector : new String[] {V3_IPV4_PSEUDO, V3_IPV4_VRRP_ONLY, V3_IPV6, V2_IPV4}) {
            byte[] frame = hex(vector);
            byte[] repaired = frame.clone();
            boolean ipv6 = (frame[14] & 0xf0) == 0x60;
            if (!ipv6) {
                TestPackets.fixIpv4HeaderChecksum(repaired);
            }
            TestPackets.fixVrrpChecksum(repaired, vector != V3_IPV4_VRRP_ONLY && vector != V2_IPV4);
            assertThat(hex(repaired)).as(vector).isEqualTo(hex(frame));
        }
    }

    @Test
    void decodesVrrpv3Ipv4AndReportsTheChecksumKind() {
        DecodeResult pseudo = VrrpCodec.decodeFrame(hex(V3_IPV4_PSEUDO));
        DecodeResult vrrpOnly = VrrpCodec.decodeFrame(hex(V3_IPV4_VRRP_ONLY));

        assertThat(pseudo.isAccepted()).as(pseudo.toString()).isTrue();
        assertThat(pseudo.advert()).isEqualTo(v3Ipv4());
        assertThat(pseudo.advert().checksumKind()).isEqualTo(ChecksumKind.PSEUDO_HEADER);
        assertThat(vrrpOnly.advert()).isEqualTo(v3Ipv4().withChecksumKind(ChecksumKind.VRRP_ONLY));
        assertThat(pseudo.dropReason()).isNull();
    }

    @Test
    void decodesVrrpv3Ipv6() {
        DecodeResult result = VrrpCodec.decodeFrame(hex(V3_IPV6));

        assertThat(result.advert()).isEqualTo(v3Ipv6());
        assertThat(result.advert().checksumKind()).isEqualTo(ChecksumKind.PSEUDO_HEADER);
        assertThat(result.family()).isEqualTo(AddressFamily.IPV6);
    }

    @Test
    void decodesVrrpv2WithItsPassword() {
        VrrpAdvert advert = VrrpCodec.decodeFrame(hex(V2_IPV4)).advert();

        assertThat(advert).isEqualTo(v2Ipv4());
        assertThat(advert.authType()).isEqualTo(VrrpAdvert.AUTH_SIMPLE_TEXT);
        assertThat(advert.authDataText()).isEqualTo("secret");
        assertThat(advert.advertIntervalCentis()).isEqualTo(100);
        assertThat(advert.checksumKind()).isEqualTo(ChecksumKind.VRRP_ONLY);
    }

    @Test
    void decodesBehindAVlanTagAndIgnoresEthernetPadding() {
        byte[] tagged = Frames.addVlanTag(hex(V3_IPV4_PSEUDO), 10);
        byte[] padded = java.util.Arrays.copyOf(hex(V3_IPV4_PSEUDO), 60); // a 46-byte frame padded to 60
        padded[59] = (byte) 0xee;

        assertThat(VrrpCodec.decodeFrame(tagged).advert()).isEqualTo(v3Ipv4());
        assertThat(VrrpCodec.decodeFrame(padded).advert()).isEqualTo(v3Ipv4());
        assertThat(VrrpCodec.decodeFrame(padded, 46).advert()).isEqualTo(v3Ipv4());
    }

    @Test
    void corruptedChecksumIsDroppedInEveryMode() {
        for (String vector : new String[] {V3_IPV4_PSEUDO, V3_IPV4_VRRP_ONLY, V3_IPV6, V2_IPV4}) {
            byte[] frame = hex(vector);
            int checksum = (frame[14] & 0xf0) == 0x60 ? 14 + 40 + 6 : 14 + 20 + 6;
            frame[checksum + 1] ^= 0x01;

            DecodeResult result = VrrpCodec.decodeFrame(frame);

            assertThat(result.dropReason()).as(vector).isEqualTo(DropReason.CHECKSUM);
            assertThat(result.vrid()).isIn(1, 10);
        }
    }

    @Test
    void frameLengthAndEncodeIntoAgree() {
        byte[] buffer = new byte[200];
        java.util.Arrays.fill(buffer, (byte) 0xaa);

        int length = VrrpCodec.encodeInto(buffer, v3Ipv6(), MacAddress.vrrp(AddressFamily.IPV6, 1),
                Ipv4ChecksumMode.PSEUDO_HEADER);

        assertThat(length).isEqualTo(VrrpCodec.frameLength(v3Ipv6())).isEqualTo(hex(V3_IPV6).length);
        assertThat(hex(java.util.Arrays.copyOf(buffer, length))).isEqualTo(hex(hex(V3_IPV6)));
        assertThat(buffer[length]).isEqualTo((byte) 0xaa);
    }
}
