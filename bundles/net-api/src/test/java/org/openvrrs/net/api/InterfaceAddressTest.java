package org.openvrrs.net.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openvrrs.vrrs.api.AddressFamily;

class InterfaceAddressTest {

    @Test
    void parsesIpv4AndIpv6() {
        InterfaceAddress v4 = InterfaceAddress.parse("192.0.2.1/24");
        assertThat(v4.address().getHostAddress()).isEqualTo("192.0.2.1");
        assertThat(v4.prefixLength()).isEqualTo(24);
        assertThat(v4.family()).isEqualTo(AddressFamily.IPV4);
        assertThat(v4).hasToString("192.0.2.1/24");

        InterfaceAddress v6 = InterfaceAddress.parse(" 2001:db8::1/64 ");
        assertThat(v6.family()).isEqualTo(AddressFamily.IPV6);
        assertThat(v6.prefixLength()).isEqualTo(64);
        assertThat(v6).isEqualTo(new InterfaceAddress(InterfaceAddress.parseLiteral("2001:db8:0::1"), 64));
    }

    @Test
    void refusesBadInput() {
        assertThatThrownBy(() -> InterfaceAddress.parse("192.0.2.1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no prefix length");
        assertThatThrownBy(() -> InterfaceAddress.parse("192.0.2.1/33")).hasMessageContaining("outside 0-32");
        assertThatThrownBy(() -> InterfaceAddress.parse("2001:db8::1/129")).hasMessageContaining("outside 0-128");
        assertThatThrownBy(() -> InterfaceAddress.parse("192.0.2.1/x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InterfaceAddress.parse("192.0.2.256/24")).hasMessage("address '192.0.2.256' is not an IPv4 or IPv6 address");
        assertThatThrownBy(() -> InterfaceAddress.parse("router.example/24"))
                .hasMessageContaining("is not an IPv4 or IPv6 address");
        assertThatThrownBy(() -> InterfaceAddress.parse("2001:::db8::1/64")).hasMessageContaining("is not an IPv4 or IPv6 address");
        assertThatThrownBy(() -> new InterfaceAddress(InterfaceAddress.parseLiteral("192.0.2.1"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void containsAddressesOfItsSubnet() {
        InterfaceAddress address = InterfaceAddress.parse("192.0.2.1/25");
        assertThat(address.contains(InterfaceAddress.parseLiteral("192.0.2.127"))).isTrue();
        assertThat(address.contains(InterfaceAddress.parseLiteral("192.0.2.128"))).isFalse();
        assertThat(address.contains(InterfaceAddress.parseLiteral("2001:db8::1"))).isFalse();
        assertThat(InterfaceAddress.parse("0.0.0.0/0").contains(InterfaceAddress.parseLiteral("8.8.8.8"))).isTrue();
    }
}
