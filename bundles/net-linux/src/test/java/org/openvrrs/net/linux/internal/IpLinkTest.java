package org.openvrrs.net.linux.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openvrrs.net.api.InterfaceAddress;
import org.openvrrs.vrrs.api.MacAddress;

/** {@code ip -json -details addr show} as iproute2 6.1 prints it on Debian 12, read into links. */
class IpLinkTest {
    static final String OUTPUT = "[{\"ifindex\":1,\"ifname\":\"lo\",\"flags\":[\"LOOPBACK\",\"UP\",\"LOWER_UP\"],"
            + "\"mtu\":65536,\"operstate\":\"UNKNOWN\",\"link_type\":\"loopback\",\"address\":\"00:00:00:00:00:00\","
            + "\"addr_info\":[{\"family\":\"inet\",\"local\":\"127.0.0.1\",\"prefixlen\":8,\"scope\":\"host\"}]},"
            + "{\"ifindex\":9,\"link\":\"ovt-tmp1\",\"ifname\":\"eth0\",\"flags\":[\"BROADCAST\",\"MULTICAST\",\"UP\","
            + "\"LOWER_UP\"],\"operstate\":\"UP\",\"address\":\"92:5c:bf:38:da:cb\",\"permaddr\":\"92:5c:bf:38:da:00\","
            + "\"linkinfo\":{\"info_kind\":\"veth\"},\"addr_info\":[{\"family\":\"inet\",\"local\":\"192.0.2.2\","
            + "\"prefixlen\":24,\"broadcast\":\"192.0.2.255\",\"scope\":\"global\",\"label\":\"eth0\"},"
            + "{\"family\":\"inet6\",\"local\":\"2001:db8::2\",\"prefixlen\":64,\"scope\":\"global\",\"tentative\":true},"
            + "{\"family\":\"inet6\",\"local\":\"fe80::905c:bfff:fe38:dacb\",\"prefixlen\":64,\"scope\":\"link\"}]},"
            + "{\"ifindex\":10,\"link\":\"eth0\",\"ifname\":\"eth0.10\",\"flags\":[\"BROADCAST\",\"MULTICAST\",\"UP\"],"
            + "\"address\":\"92:5c:bf:38:da:cb\",\"linkinfo\":{\"info_kind\":\"vlan\",\"info_data\":{\"protocol\":"
            + "\"802.1Q\",\"id\":10,\"flags\":[\"REORDER_HDR\"]}},\"addr_info\":[]},"
            + "{\"ifindex\":11,\"link\":\"eth0\",\"ifname\":\"vrrp.9.1\",\"flags\":[\"BROADCAST\",\"MULTICAST\"],"
            + "\"address\":\"00:00:5e:00:01:01\",\"linkinfo\":{\"info_kind\":\"macvlan\",\"info_data\":{\"mode\":"
            + "\"private\"}},\"addr_info\":[]}]";

    @Test
    void readsNameIndexMacsFlagsAndUsableAddresses() {
        List<IpLink> links = IpLink.parseAll(OUTPUT);

        assertThat(links).extracting(IpLink::name).containsExactly("lo", "eth0", "eth0.10", "vrrp.9.1");
        IpLink eth0 = links.get(1);
        assertThat(eth0.index()).isEqualTo(9);
        assertThat(eth0.mac()).isEqualTo(MacAddress.parse("925c.bf38.dacb"));
        assertThat(eth0.permanentMac()).isEqualTo(MacAddress.parse("925c.bf38.da00"));
        assertThat(eth0.lineUp()).isTrue();
        assertThat(eth0.parent()).as("a veth peer is no parent").isNull();
        assertThat(eth0.addresses()).as("a tentative address is not usable yet").containsExactly(
                InterfaceAddress.parse("192.0.2.2/24"), InterfaceAddress.parse("fe80::905c:bfff:fe38:dacb/64"));
    }

    @Test
    void readsVlanParentAndIdAndAdminUpWithoutCarrier() {
        IpLink vlan = IpLink.parseAll(OUTPUT).get(2);

        assertThat(vlan.parent()).isEqualTo("eth0");
        assertThat(vlan.vlanId()).isEqualTo(10);
        assertThat(vlan.adminUp()).isTrue();
        assertThat(vlan.lineUp()).isFalse();
    }

    @Test
    void findsOnlyOurMacvlansAsStale() {
        String keepalivedVmac = "[{\"ifindex\":12,\"ifname\":\"vrrp.1\",\"link\":\"eth0\",\"address\":"
                + "\"00:00:5e:00:01:01\",\"linkinfo\":{\"info_kind\":\"macvlan\"}},"
                + "{\"ifindex\":13,\"ifname\":\"vrrp.9.2\",\"address\":\"02:00:00:00:00:01\",\"linkinfo\":"
                + "{\"info_kind\":\"veth\"}}]";

        assertThat(VirtualMacs.stale(IpLink.parseAll(OUTPUT))).containsExactly("vrrp.9.1");
        assertThat(VirtualMacs.stale(IpLink.parseAll(keepalivedVmac))).as("keepalived's and non-macvlans stay")
                .isEmpty();
    }

    @Test
    void emptyOutputIsNoLinks() {
        assertThat(IpLink.parseAll("")).isEmpty();
        assertThat(IpLink.parseAll("[]\n")).isEmpty();
    }

    @Test
    void jsonReaderHandlesEscapesNumbersAndRefusesGarbage() {
        assertThat(Json.parse("{\"a\":\"x\\\"y\\u0041\",\"b\":[1,-2.5e1,true,false,null]}"))
                .isEqualTo(Map.of("a", "x\"yA", "b", java.util.Arrays.asList(1L, -25.0, true, false, null)));
        assertThatThrownBy(() -> Json.parse("[1,")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> Json.parse("[1] x")).hasMessageContaining("trailing");
    }

    @Test
    void macsIpCannotReadAreZero() {
        assertThat(IpLink.mac("00:00:00:00")).isEqualTo(MacAddress.ZERO);
        assertThat(IpLink.mac(null)).isEqualTo(MacAddress.ZERO);
    }
}
