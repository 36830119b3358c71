package org.openvrrs.vrrs.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiValuesTest {
    @Test
    void vrrpVirtualMacsFollowRfc5798() {
        assertThat(MacAddress.vrrp(AddressFamily.IPV4, 1).toDotted()).isEqualTo("0000.5e00.0101");
        assertThat(MacAddress.vrrp(AddressFamily.IPV6, 255).toColons()).isEqualTo("00:00:5e:00:02:ff");
        assertThatThrownBy(() -> MacAddress.vrrp(AddressFamily.IPV4, 0)).hasMessage("VRID 0 is outside 1-255");
    }

    @Test
    void macAddressesParseInEveryUsualSpelling() {
        MacAddress m = MacAddress.parse("0000.5e00.0101");
        assertThat(MacAddress.parse("00:00:5E:00:01:01")).isEqualTo(m);
        assertThat(MacAddress.parse("00-00-5e-00-01-01")).isEqualTo(m);
        assertThat(MacAddress.ZERO.isZero()).isTrue();
        assertThatThrownBy(() -> MacAddress.parse("00:00:5e")).hasMessageContaining("is not a MAC address");
    }

    @Test
    void addressLiteralsAreParsedWithoutDnsAndPrintedShort() {
        assertThat(IpAddresses.parse("x", "192.0.2.1").getHostAddress()).isEqualTo("192.0.2.1");
        assertThat(IpAddresses.format(IpAddresses.parse("x", "2001:db8:0:0:0:0:0:1"))).isEqualTo("2001:db8::1");
        assertThat(IpAddresses.format(IpAddresses.parse("x", "fe80::5:0:0:1"))).isEqualTo("fe80::5:0:0:1");
        assertThat(IpAddresses.format(IpAddresses.parse("x", "2001:db8:0:1::"))).isEqualTo("2001:db8:0:1::");
        assertThat(IpAddresses.format(IpAddresses.parse("x", "::"))).isEqualTo("::");
        assertThat(IpAddresses.format(IpAddresses.parse("x", "2001:db8:1:0:1:1:1:1")))
                .isEqualTo("2001:db8:1:0:1:1:1:1");
        for (String bad : new String[] {"example.org", "192.0.2.300", "192.0.2", "1:2:3", "", "192.0.2.1.5"}) {
            assertThatThrownBy(() -> IpAddresses.parse("virtual address", bad))
                    .hasMessage("virtual address '" + bad + "' is not an IPv4 or IPv6 address");
        }
    }

    @Test
    void clientPrioritiesParseAndPrintAsTheGuideDoes() {
        assertThat(ClientPriority.parse("HIGH").label()).isEqualTo("High");
        assertThatThrownBy(() -> ClientPriority.parse("urgent"))
                .hasMessage("unknown client priority 'urgent': expected high, normal or low");
    }

    @Test
    void specsWriteTheServicePropertiesTheRegistryReads() {
        assertThat(ClientSpec.following("PLUGINS", ClientPriority.HIGH, java.util.Set.of("b", "a")).toProperties())
                .containsEntry(VrrsClient.NAME, "PLUGINS")
                .containsEntry(VrrsClient.PRIORITY, "high")
                .containsEntry(VrrsClient.ALL_GROUPS, false)
                .hasEntrySatisfying(VrrsClient.GROUPS, g -> assertThat((String[]) g).containsExactly("a", "b"));
        assertThat(new ServerSpec("VRRP", "name1", "local", "GigabitEthernet0/0/0").toProperties())
                .containsEntry(VrrsServer.PROTOCOL, "VRRP").containsEntry(VrrsServer.GROUP, "name1")
                .containsEntry(VrrsServer.NETWORK, "local")
                .containsEntry(VrrsServer.INTERFACE, "GigabitEthernet0/0/0");
    }
}
