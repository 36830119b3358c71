package org.openvrrs.fhrp.vrrp.internal.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openvrrs.fhrp.vrrp.internal.packet.TestPackets.ip;
import static org.openvrrs.fhrp.vrrp.internal.packet.TestPackets.ips;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openvrrs.vrrs.api.AddressFamily;

class VrrpAdvertTest {
    private static final InetAddress SOURCE = ip("192.0.2.2");
    private static final List<InetAddress> VIPS = ips("192.0.2.1");

    private static VrrpAdvert v3(int vrid, int priority, int interval) {
        return VrrpAdvert.v3(vrid, priority, SOURCE, VIPS, interval);
    }

    @Test
    void refusesOutOfRangeFieldsWithClearMessages() {
        assertThatThrownBy(() -> v3(0, 100, 100)).hasMessage("VRID 0 is outside 1-255");
        assertThatThrownBy(() -> v3(256, 100, 100)).hasMessage("VRID 256 is outside 1-255");
        assertThatThrownBy(() -> v3(1, -1, 100)).hasMessage("priority -1 is outside 0-255");
        assertThatThrownBy(() -> v3(1, 256, 100)).hasMessage("priority 256 is outside 0-255");
        assertThatThrownBy(() -> v3(1, 100, 0)).hasMessage("VRRPv3 advertisement interval 0 cs is outside 1-4095 cs");
        assertThatThrownBy(() -> v3(1, 100, 4096))
                .hasMessage("VRRPv3 advertisement interval 4096 cs is outside 1-4095 cs");
        assertThatThrownBy(() -> VrrpAdvert.v2(1, 100, (Inet4Address) SOURCE, VIPS, 0))
                .hasMessage("VRRPv2 advertisement interval 0 s is outside 1-255 s");
    }

    @Test
    void refusesMixedFamiliesAndBadLists() {
        assertThatThrownBy(() -> VrrpAdvert.v3(1, 100, SOURCE, ips("2001:db8::1"), 100))
                .hasMessage("virtual address 2001:db8::1 is not IPv4");
        assertThatThrownBy(() -> VrrpAdvert.v3(1, 100, ip("fe80::2"), VIPS, 100))
                .hasMessage("virtual address 192.0.2.1 is not IPv6");
        assertThatThrownBy(() -> new VrrpAdvert(VrrpVersion.V3, 1, 100, AddressFamily.IPV6, SOURCE, VIPS, 100, 0, 0,
                ChecksumKind.PSEUDO_HEADER)).hasMessage("source address 192.0.2.2 is not IPv6");
        assertThatThrownBy(() -> VrrpAdvert.v3(1, 100, SOURCE, List.of(), 100))
                .hasMessage("an advert carries 1-255 addresses, not 0");
        assertThatThrownBy(() -> VrrpAdvert.v3(1, 100, SOURCE, Collections.nCopies(256, ip("192.0.2.1")), 100))
                .hasMessage("an advert carries 1-255 addresses, not 256");
        assertThatThrownBy(() -> VrrpAdvert.v3(1, 100, SOURCE, Arrays.asList(ip("192.0.2.1"), null), 100))
                .hasMessage("the address list contains null");
        assertThatThrownBy(() -> VrrpAdvert.v3(1, 100, null, VIPS, 100)).hasMessage("source address is required");
    }

    @Test
    void enforcesVersionRules() {
        assertThatThrownBy(() -> new VrrpAdvert(VrrpVersion.V2, 1, 100, AddressFamily.IPV6, ip("fe80::2"),
                ips("fe80::1"), 100, 0, 0, ChecksumKind.VRRP_ONLY))
                .hasMessage("VRRPv2 is IPv4 only; use VRRPv3 for IPv6");
        assertThatThrownBy(() -> new VrrpAdvert(VrrpVersion.V2, 1, 100, AddressFamily.IPV4, SOURCE, VIPS, 150, 0, 0,
                ChecksumKind.VRRP_ONLY))
                .hasMessage("VRRPv2 advertisement interval 150 cs is not a whole number of seconds in 1-255 s");
        assertThatThrownBy(() -> new VrrpAdvert(VrrpVersion.V2, 1, 100, AddressFamily.IPV4, SOURCE, VIPS, 100, 0, 0,
                ChecksumKind.PSEUDO_HEADER)).hasMessage("VRRPv2 never uses a pseudo-header checksum");
        assertThatThrownBy(() -> new VrrpAdvert(VrrpVersion.V3, 1, 100, AddressFamily.IPV4, SOURCE, VIPS, 100, 1, 0,
                ChecksumKind.PSEUDO_HEADER)).hasMessage("VRRPv3 has no authentication (auth type 1)");
        assertThatThrownBy(() -> VrrpAdvert.v3(1, 100, ip("fe80::2"), ips("fe80::1"), 100)
                .withChecksumKind(ChecksumKind.VRRP_ONLY))
                .hasMessage("VRRPv3 over IPv6 always uses the pseudo-header checksum");
        assertThatThrownBy(() -> v3(1, 100, 100).withSimpleTextPassword("x"))
                .hasMessage("VRRPv3 has no authentication (auth type 1)");
    }

    @Test
    void copiesTheAddressList() {
        List<InetAddress> list = new ArrayList<>(VIPS);
        VrrpAdvert advert = VrrpAdvert.v3(1, 100, SOURCE, list, 100);
        list.clear();

        assertThat(advert.addresses()).containsExactly(ip("192.0.2.1"));
        assertThatThrownBy(() -> advert.addresses().add(SOURCE)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void simpleTextPasswordsPackIntoEightBytes() {
        assertThat(VrrpAdvert.simpleTextAuthData("secret")).isEqualTo(0x7365637265740000L);
        assertThat(VrrpAdvert.simpleTextAuthData("12345678")).isEqualTo(0x3132333435363738L);
        assertThatThrownBy(() -> VrrpAdvert.simpleTextAuthData("123456789"))
                .hasMessage("a simple text password has 1-8 characters, not 9");
        assertThatThrownBy(() -> VrrpAdvert.simpleTextAuthData("")).hasMessage(
                "a simple text password has 1-8 characters, not 0");
        assertThatThrownBy(() -> VrrpAdvert.simpleTextAuthData("caf\u00e9"))
                .hasMessage("a simple text password is printable ASCII");

        VrrpAdvert advert = VrrpAdvert.v2(1, 100, (Inet4Address) SOURCE, VIPS, 1).withSimpleTextPassword("12345678");
        assertThat(advert.authDataText()).isEqualTo("12345678");
        assertThat(VrrpAdvert.v2(1, 100, (Inet4Address) SOURCE, VIPS, 1).authDataText()).isEmpty();
    }

    @Test
    void toStringNeverShowsTheAuthenticationData() {
        VrrpAdvert advert = VrrpAdvert.v2(7, 100, (Inet4Address) SOURCE, VIPS, 3).withSimpleTextPassword("hunter2");

        assertThat(advert.toString()).doesNotContain("hunter2").doesNotContain(Long.toString(advert.authData()))
                .contains("V2", "vrid=7", "192.0.2.1", "interval=300cs", "authType=1");
        assertThat(advert.advertIntervalSeconds()).isEqualTo(3);
    }

    @Test
    void withPriorityKeepsEverythingElse() {
        VrrpAdvert advert = v3(9, 120, 25);

        assertThat(advert.withPriority(0)).isEqualTo(new VrrpAdvert(VrrpVersion.V3, 9, 0, AddressFamily.IPV4, SOURCE,
                VIPS, 25, 0, 0, ChecksumKind.PSEUDO_HEADER));
    }
}
