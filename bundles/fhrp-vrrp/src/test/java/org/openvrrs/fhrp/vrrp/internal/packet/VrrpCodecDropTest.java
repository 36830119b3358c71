package org.openvrrs.fhrp.vrrp.internal.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.openvrrs.fhrp.vrrp.internal.packet.TestPackets.fixIpv4HeaderChecksum;
import static org.openvrrs.fhrp.vrrp.internal.packet.TestPackets.fixVrrpChecksum;
import static org.openvrrs.fhrp.vrrp.internal.packet.TestPackets.hex;
import static org.openvrrs.fhrp.vrrp.internal.packet.TestPackets.ip;
import static org.openvrrs.fhrp.vrrp.internal.packet.TestPackets.put16;
import static org.openvrrs.fhrp.vrrp.internal.packet.VrrpCodecVectorTest.V2_IPV4;
import static org.openvrrs.fhrp.vrrp.internal.packet.VrrpCodecVectorTest.V3_IPV4_PSEUDO;
import static org.openvrrs.fhrp.vrrp.internal.packet.VrrpCodecVectorTest.V3_IPV4_VRRP_ONLY;
import static org.openvrrs.fhrp.vrrp.internal.packet.VrrpCodecVectorTest.V3_IPV6;

import java.net.Inet4Address;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.openvrrs.net.api.Frames;
import org.openvrrs.vrrs.api.AddressFamily;
import org.openvrrs.vrrs.api.MacAddress;

/**
 * Every {@link DropReason} from at least one malformed frame, truncation at every length, and random corruption:
 * the decoder never throws and {@link VrrpStatistics} counts what it drops.
 */
class VrrpCodecDropTest {
    /** Start of the VRRP message in the untagged IPv4 and IPv6 vectors. */
    private static final int V4 = 14 + 20;
    private static final int V6 = 14 + 40;

    private static byte[] v3v4() {
        return hex(V3_IPV4_PSEUDO);
    }

    private static byte[] v3v6() {
        return hex(V3_IPV6);
    }

    private static byte[] v2v4() {
        return hex(V2_IPV4);
    }

    /** One or more malformed frames per reason; each supplier builds a fresh frame. */
    static Map<String, Case> cases() {
        Map<String, Case> cases = new LinkedHashMap<>();
        add(cases, "null frame", DropReason.MALFORMED, () -> null);
        add(cases, "shorter than an Ethernet header", DropReason.MALFORMED, () -> Arrays.copyOf(v3v4(), 13));
        add(cases, "ARP", DropReason.MALFORMED, () -> Frames.gratuitousArp((Inet4Address) ip("192.0.2.1"),
                MacAddress.vrrp(AddressFamily.IPV4, 1)));
        add(cases, "other EtherType", DropReason.MALFORMED, () -> {
            byte[] f = v3v4();
            put16(f, 12, 0x88cc);
            return f;
        });
        add(cases, "tag without payload", DropReason.MALFORMED, () -> Arrays.copyOf(
                Frames.addVlanTag(v3v4(), 5), 18));
        add(cases, "UDP, not VRRP", DropReason.MALFORMED, () -> {
            byte[] f = v3v4();
            f[14 + 9] = 17;
            return fixIpv4HeaderChecksum(f);
        });
        add(cases, "IPv4 EtherType, IP version 6", DropReason.MALFORMED, () -> {
            byte[] f = v3v4();
            f[14] = 0x65;
            return f;
        });
        add(cases, "IHL 4", DropReason.MALFORMED, () -> {
            byte[] f = v3v4();
            f[14] = 0x44;
            return fixIpv4HeaderChecksum(f);
        });
        add(cases, "bad IPv4 header checksum", DropReason.MALFORMED, () -> {
            byte[] f = v3v4();
            f[14 + 11] ^= 0x10;
            return f;
        });
        add(cases, "fragment", DropReason.MALFORMED, () -> {
            byte[] f = v3v4();
            put16(f, 14 + 6, 0x2000); // more fragments
            return fixIpv4HeaderChecksum(f);
        });
        add(cases, "IPv4 total length beyond the frame", DropReason.MALFORMED, () -> {
            byte[] f = v3v4();
            put16(f, 14 + 2, 0x40);
            return fixIpv4HeaderChecksum(f);
        });
        add(cases, "IPv4 total length below the header", DropReason.MALFORMED, () -> {
            byte[] f = v3v4();
            put16(f, 14 + 2, 19);
            return fixIpv4HeaderChecksum(f);
        });
        add(cases, "ICMPv6, not VRRP", DropReason.MALFORMED, () -> {
            byte[] f = v3v6();
            f[14 + 6] = 58;
            return f;
        });
        add(cases, "IPv6 payload length beyond the frame", DropReason.MALFORMED, () -> {
            byte[] f = v3v6();
            put16(f, 14 + 4, 0x29);
            return f;
        });
        add(cases, "IPv4 TTL 254", DropReason.TTL, () -> {
            byte[] f = v3v4();
            f[14 + 8] = (byte) 254;
            return fixIpv4HeaderChecksum(f);
        });
        add(cases, "IPv6 hop limit 1", DropReason.TTL, () -> {
            byte[] f = v3v6();
            f[14 + 7] = 1;
            return f;
        });
        add(cases, "VRRP version 4", DropReason.VERSION, () -> {
            byte[] f = v3v4();
            f[V4] = 0x41;
            return f;
        });
        add(cases, "VRRPv2 over IPv6", DropReason.VERSION, () -> {
            byte[] f = v3v6();
            f[V6] = 0x21;
            return fixVrrpChecksum(f, false);
        });
        add(cases, "VRRP message of 6 bytes", DropReason.LENGTH, () -> {
            byte[] f = v3v4();
            put16(f, 14 + 2, 26); // the 6 bytes left over in the frame read as Ethernet padding
            return fixIpv4HeaderChecksum(f);
        });
        add(cases, "count 2 with one address", DropReason.LENGTH, () -> {
            byte[] f = v3v4();
            f[V4 + 3] = 2;
            return fixVrrpChecksum(f, true);
        });
        add(cases, "VRRPv2 without auth data", DropReason.LENGTH, () -> {
            byte[] f = Arrays.copyOf(v2v4(), 14 + 20 + 12);
            put16(f, 14 + 2, 32);
            return fixVrrpChecksum(fixIpv4HeaderChecksum(f), false);
        });
        add(cases, "address byte flipped", DropReason.CHECKSUM, () -> {
            byte[] f = v3v6();
            f[V6 + 8 + 15] ^= 0x02;
            return f;
        });
        add(cases, "checksum of another mode's frame flipped", DropReason.CHECKSUM, () -> {
            byte[] f = hex(V3_IPV4_VRRP_ONLY);
            f[V4 + 6] ^= (byte) 0x80;
            return f;
        });
        add(cases, "VRRPv2 checksum with pseudo-header", DropReason.CHECKSUM, () -> fixVrrpChecksum(v2v4(), true));
        add(cases, "type 2", DropReason.INVALID_TYPE, () -> {
            byte[] f = v3v4();
            f[V4] = 0x32;
            return fixVrrpChecksum(f, true);
        });
        add(cases, "VRID 0", DropReason.VRID, () -> {
            byte[] f = v3v6();
            f[V6 + 1] = 0;
            return fixVrrpChecksum(f, true);
        });
        add(cases, "no address", DropReason.ADDRESS_COUNT, () -> {
            byte[] f = Arrays.copyOf(v3v4(), V4 + 8);
            f[V4 + 3] = 0;
            put16(f, 14 + 2, 28);
            return fixVrrpChecksum(fixIpv4HeaderChecksum(f), true);
        });
        add(cases, "IPv6 packet listing IPv4-sized addresses", DropReason.ADDRESS_FAMILY, () -> {
            byte[] f = Arrays.copyOf(v3v6(), V6 + 8 + 2 * 4);
            put16(f, 14 + 4, 16);
            return fixVrrpChecksum(f, true);
        });
        add(cases, "IPv4 packet listing an IPv6-sized address", DropReason.ADDRESS_FAMILY, () -> {
            byte[] f = Arrays.copyOf(v3v4(), V4 + 8 + 16);
            put16(f, 14 + 2, 20 + 24);
            return fixVrrpChecksum(fixIpv4HeaderChecksum(f), true);
        });
        add(cases, "VRRPv3 interval 0", DropReason.ADVERT_INTERVAL, () -> {
            byte[] f = v3v4();
            put16(f, V4 + 4, 0xf000); // reserved bits set (ignored), interval 0
            return fixVrrpChecksum(f, true);
        });
        add(cases, "VRRPv2 interval 0", DropReason.ADVERT_INTERVAL, () -> {
            byte[] f = v2v4();
            f[V4 + 5] = 0;
            return fixVrrpChecksum(f, false);
        });
        add(cases, "VRRPv2 unknown auth type 3", DropReason.AUTHENTICATION, () -> {
            byte[] f = v2v4();
            f[V4 + 4] = 3;
            return fixVrrpChecksum(f, false);
        });
        return cases;
    }

    record Case(DropReason reason, Supplier<byte[]> frame) {
    }

    private static void add(Map<String, Case> cases, String name, DropReason reason, Supplier<byte[]> frame) {
        cases.put(name, new Case(reason, frame));
    }

    @Test
    void everyMalformedFrameIsDroppedForItsReason() {
        cases().forEach((name, c) -> assertThat(VrrpCodec.decodeFrame(c.frame().get()).dropReason()).as(name)
                .isEqualTo(c.reason()));
    }

    @Test
    void everyDropReasonIsProducedByAFrame() {
        Set<DropReason> produced = EnumSet.noneOf(DropReason.class);
        cases().values().forEach(c -> produced.add(VrrpCodec.decodeFrame(c.frame().get()).dropReason()));

        assertThat(produced).containsExactlyInAnyOrder(DropReason.values());
    }

    @Test
    void dropsTellTheVridAndFamilyWhenThePacketShowsThem() {
        byte[] ttl = v3v6();
        ttl[14 + 7] = 64;

        DecodeResult result = VrrpCodec.decodeFrame(ttl);

        assertThat(result.isAccepted()).isFalse();
        assertThat(result.advert()).isNull();
        assertThat(result.vrid()).isEqualTo(1);
        assertThat(result.family()).isEqualTo(AddressFamily.IPV6);
        assertThat(result.version()).isEqualTo(VrrpVersion.V3);
        assertThat(result.toString()).contains("TTL", "vrid=1");
        assertThat(VrrpCodec.decodeFrame(new byte[20]).vrid()).isEqualTo(-1);
    }

    @Test
    void lengthOutsideTheArrayIsMalformed() {
        assertThat(VrrpCodec.decodeFrame(v3v4(), 1000).dropReason()).isEqualTo(DropReason.MALFORMED);
        assertThat(VrrpCodec.decodeFrame(v3v4(), -1).dropReason()).isEqualTo(DropReason.MALFORMED);
        assertThat(VrrpCodec.decodeFrame(null, 60).dropReason()).isEqualTo(DropReason.MALFORMED);
    }

    @Test
    void truncationAtEveryLengthIsMalformedAndNeverThrows() {
        for (String vector : new String[] {V3_IPV4_PSEUDO, V3_IPV4_VRRP_ONLY, V3_IPV6, V2_IPV4}) {
            for (byte[] full : new byte[][] {hex(vector), Frames.addVlanTag(hex(vector), 100)}) {
                for (int length = 0; length < full.length; length++) {
                    byte[] copy = Arrays.copyOf(full, length);
                    int l = length;
                    assertThatCode(() -> {
                        assertThat(VrrpCodec.decodeFrame(full, l).dropReason()).isEqualTo(DropReason.MALFORMED);
                        assertThat(VrrpCodec.decodeFrame(copy).dropReason()).isEqualTo(DropReason.MALFORMED);
                    }).as("%s cut to %d", vector, length).doesNotThrowAnyException();
                }
                assertThat(VrrpCodec.decodeFrame(full).isAccepted()).isTrue();
            }
        }
    }

    @Test
    void randomCorruptionNeverThrows() {
        Random random = new Random(0xbad_c0deL);
        String[] vectors = {V3_IPV4_PSEUDO, V3_IPV4_VRRP_ONLY, V3_IPV6, V2_IPV4};
        Map<DropReason, Integer> seen = new EnumMap<>(DropReason.class);
        for (int i = 0; i < 200_000; i++) {
            byte[] frame = hex(vectors[random.nextInt(vectors.length)]);
            boolean ipv6 = (frame[14] & 0xf0) == 0x60;
            int vrrp = ipv6 ? V6 : V4;
            if (random.nextBoolean()) {
                // garbage VRRP message of any length behind a valid IP header, half of them with a valid checksum
                int length = random.nextInt(80);
                frame = Arrays.copyOf(frame, vrrp + length + random.nextInt(4));
                byte[] garbage = new byte[length];
                random.nextBytes(garbage);
                System.arraycopy(garbage, 0, frame, vrrp, length);
                put16(frame, ipv6 ? 14 + 4 : 14 + 2, ipv6 ? length : 20 + length);
                if (!ipv6) {
                    fixIpv4HeaderChecksum(frame);
                }
                if (length >= 8 && random.nextBoolean()) {
                    int type = random.nextInt(4) == 0 ? random.nextInt(16) : VrrpCodec.TYPE_ADVERTISEMENT;
                    frame[vrrp] = (byte) ((random.nextBoolean() ? 0x30 : 0x20) | type);
                    fixVrrpChecksum(frame, random.nextBoolean());
                }
            } else {
                for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                    frame[random.nextInt(frame.length)] ^= (byte) (1 + random.nextInt(255));
                }
            }
            byte[] input = frame;
            int length = random.nextInt(8) == 0 ? random.nextInt(frame.length + 1) : frame.length;
            DecodeResult result = VrrpCodec.decodeFrame(input, length);
            if (!result.isAccepted()) {
                seen.merge(result.dropReason(), 1, Integer::sum);
            }
        }
        assertThat(seen.keySet()).contains(DropReason.MALFORMED, DropReason.TTL, DropReason.VERSION,
                DropReason.LENGTH, DropReason.CHECKSUM, DropReason.INVALID_TYPE);
    }

    @Test
    void statisticsCountEveryDrop() {
        VrrpStatistics stats = new VrrpStatistics();
        GroupStatistics group = new GroupStatistics();
        Map<DropReason, Integer> expected = new EnumMap<>(DropReason.class);

        cases().values().forEach(c -> {
            DecodeResult result = VrrpCodec.decodeFrame(c.frame().get());
            stats.drop(result.dropReason(), group);
            expected.merge(c.reason(), 1, Integer::sum);
        });

        for (DropReason reason : DropReason.values()) {
            assertThat(stats.drops(reason)).as(reason.name()).isEqualTo(expected.get(reason).longValue());
        }
        assertThat(stats.totalDrops()).isEqualTo(cases().size());
        assertThat(stats.checksumErrors()).isEqualTo(expected.get(DropReason.CHECKSUM).longValue());
        assertThat(stats.versionErrors()).isEqualTo(expected.get(DropReason.VERSION).longValue());
        assertThat(stats.vrIdErrors()).isEqualTo(expected.get(DropReason.VRID).longValue());
        assertThat(group.ipTtlErrors()).isEqualTo(expected.get(DropReason.TTL).longValue());
        assertThat(group.rcvdInvalidTypePackets()).isEqualTo(expected.get(DropReason.INVALID_TYPE).longValue());
        assertThat(group.packetLengthErrors()).isEqualTo(expected.get(DropReason.LENGTH).longValue());
        assertThat(group.addressListErrors()).isEqualTo(expected.get(DropReason.ADDRESS_COUNT)
                + expected.get(DropReason.ADDRESS_FAMILY).longValue());
        assertThat(group.advIntervalErrors()).isEqualTo(expected.get(DropReason.ADVERT_INTERVAL).longValue());
        assertThat(group.invalidAuthType()).isEqualTo(expected.get(DropReason.AUTHENTICATION).longValue());
        assertThat(stats.dropCounts()).hasSize(DropReason.values().length);
    }
}
