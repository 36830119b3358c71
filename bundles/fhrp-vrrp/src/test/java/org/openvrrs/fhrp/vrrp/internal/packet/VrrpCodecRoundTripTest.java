package org.openvrrs.fhrp.vrrp.internal.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.openvrrs.net.api.Frames;
import org.openvrrs.vrrs.api.AddressFamily;
import org.openvrrs.vrrs.api.MacAddress;

/**
 * Seeded random round trips: 10,000 valid adverts per version, family and checksum mode encode and decode back to an
 * equal advert, through {@link VrrpCodec#encodeFrame} and through a reused, dirty {@link VrrpCodec#encodeInto}
 * buffer. Addresses come from the documentation prefixes and fe80::/64 only.
 */
class VrrpCodecRoundTripTest {
    private static final int ROUNDS = 10_000;
    private static final byte[][] IPV4_PREFIXES = {{(byte) 192, 0, 2}, {(byte) 198, 51, 100}, {(byte) 203, 0, 113}};

    private final Random random = new Random(0x5eed_5798L);
    private final byte[] buffer = new byte[Frames.ETHERNET_HEADER_LENGTH + 40 + 8 + 16 * 255];

    @Test
    void v3Ipv4WithPseudoHeader() {
        roundTrips(VrrpVersion.V3, AddressFamily.IPV4, Ipv4ChecksumMode.PSEUDO_HEADER);
    }

    @Test
    void v3Ipv4WithoutPseudoHeader() {
        roundTrips(VrrpVersion.V3, AddressFamily.IPV4, Ipv4ChecksumMode.VRRP_ONLY);
    }

    @Test
    void v3Ipv6() {
        roundTrips(VrrpVersion.V3, AddressFamily.IPV6, Ipv4ChecksumMode.PSEUDO_HEADER);
    }

    @Test
    void v2Ipv4() {
        roundTrips(VrrpVersion.V2, AddressFamily.IPV4, Ipv4ChecksumMode.PSEUDO_HEADER);
    }

    @Test
    void v2UnknownAuthTypesAreEncodedButRefusedOnReceipt() {
        for (int type = VrrpAdvert.AUTH_IP_AH + 1; type < 256; type++) {
            VrrpAdvert v2 = randomAdvert(VrrpVersion.V2, AddressFamily.IPV4);
            VrrpAdvert advert = new VrrpAdvert(VrrpVersion.V2, v2.vrid(), v2.priority(), v2.family(), v2.source(),
                    v2.addresses(), v2.advertIntervalCentis(), type, random.nextLong(), ChecksumKind.VRRP_ONLY);

            DecodeResult result = VrrpCodec.decodeFrame(VrrpCodec.encodeFrame(advert, randomMac(),
                    Ipv4ChecksumMode.PSEUDO_HEADER));

            assertThat(result.dropReason()).as("auth type %d", type).isEqualTo(DropReason.AUTHENTICATION);
            assertThat(result.vrid()).isEqualTo(advert.vrid());
        }
    }

    @Test
    void randomAdvertsAlsoSurviveAVlanTag() {
        for (int i = 0; i < 1_000; i++) {
            VrrpAdvert advert = randomAdvert(VrrpVersion.V3, i % 2 == 0 ? AddressFamily.IPV4 : AddressFamily.IPV6);
            byte[] frame = Frames.addVlanTag(VrrpCodec.encodeFrame(advert, randomMac(),
                    Ipv4ChecksumMode.PSEUDO_HEADER), 1 + random.nextInt(4094));

            assertThat(VrrpCodec.decodeFrame(frame).advert()).isEqualTo(advert);
        }
    }

    private void roundTrips(VrrpVersion version, AddressFamily family, Ipv4ChecksumMode mode) {
        ChecksumKind expectedKind = version == VrrpVersion.V2 ? ChecksumKind.VRRP_ONLY
                : family == AddressFamily.IPV6 ? ChecksumKind.PSEUDO_HEADER : mode.kind();
        for (int i = 0; i < ROUNDS; i++) {
            VrrpAdvert advert = randomAdvert(version, family);
            MacAddress mac = randomMac();
            byte[] frame = VrrpCodec.encodeFrame(advert, mac, mode);
            Arrays.fill(buffer, (byte) random.nextInt(256));
            int length = VrrpCodec.encodeInto(buffer, advert, mac, mode);

            DecodeResult result = VrrpCodec.decodeFrame(frame);

            assertThat(result.isAccepted()).as("%s -> %s", advert, result).isTrue();
            assertThat(result.advert()).isEqualTo(advert.withChecksumKind(expectedKind));
            assertThat(Arrays.copyOf(buffer, length)).isEqualTo(frame);
            assertThat(Frames.source(frame)).isEqualTo(mac);
            assertThat(Frames.destination(frame)).isEqualTo(family == AddressFamily.IPV4
                    ? VrrpCodec.IPV4_GROUP_MAC : VrrpCodec.IPV6_GROUP_MAC);
            assertThat(VrrpCodec.decodeFrame(buffer, length).advert()).isEqualTo(result.advert());
        }
    }

    private VrrpAdvert randomAdvert(VrrpVersion version, AddressFamily family) {
        int vrid = 1 + random.nextInt(255);
        int priority = random.nextInt(256);
        int count = random.nextInt(50) == 0 ? 255 : 1 + random.nextInt(16);
        List<InetAddress> addresses = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            addresses.add(randomAddress(family));
        }
        InetAddress source = family == AddressFamily.IPV6 ? randomLinkLocal() : randomAddress(family);
        if (version == VrrpVersion.V3) {
            return VrrpAdvert.v3(vrid, priority, source, addresses, 1 + random.nextInt(4095));
        }
        VrrpAdvert v2 = VrrpAdvert.v2(vrid, priority, (Inet4Address) source, addresses, 1 + random.nextInt(255));
        return switch (random.nextInt(3)) {
            case 0 -> v2;
            case 1 -> v2.withSimpleTextPassword(randomPassword());
            default -> new VrrpAdvert(VrrpVersion.V2, vrid, priority, family, source, addresses,
                    v2.advertIntervalCentis(), random.nextInt(VrrpAdvert.AUTH_IP_AH + 1), random.nextLong(),
                    ChecksumKind.VRRP_ONLY); // the known types; the others are refused (test below)
        };
    }

    private InetAddress randomAddress(AddressFamily family) {
        if (family == AddressFamily.IPV4) {
            byte[] prefix = IPV4_PREFIXES[random.nextInt(IPV4_PREFIXES.length)];
            return address(new byte[] {prefix[0], prefix[1], prefix[2], (byte) random.nextInt(256)});
        }
        if (random.nextInt(4) == 0) {
            return randomLinkLocal();
        }
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        bytes[0] = 0x20;
        bytes[1] = 0x01;
        bytes[2] = 0x0d;
        bytes[3] = (byte) 0xb8;
        return address(bytes);
    }

    private InetAddress randomLinkLocal() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        bytes[0] = (byte) 0xfe;
        bytes[1] = (byte) 0x80;
        Arrays.fill(bytes, 2, 8, (byte) 0);
        return address(bytes);
    }

    private String randomPassword() {
        char[] chars = new char[1 + random.nextInt(8)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) (0x21 + random.nextInt(0x7e - 0x21));
        }
        return new String(chars);
    }

    private MacAddress randomMac() {
        byte[] mac = new byte[6];
        random.nextBytes(mac);
        mac[0] &= (byte) 0xfe; // unicast
        return MacAddress.of(mac);
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return bytes.length == 16 ? Inet6Address.getByAddress(null, bytes, -1) : InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
