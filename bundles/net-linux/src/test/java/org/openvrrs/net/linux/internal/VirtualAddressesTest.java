package org.openvrrs.net.linux.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openvrrs.net.api.InterfaceAddress;
import org.openvrrs.vrrs.api.AddressFamily;
import org.openvrrs.vrrs.api.MacAddress;

/** The ip batch lines each virtual-address change needs, from the bookkeeping alone (no root, no kernel). */
class VirtualAddressesTest {
    private static final MacAddress BURNED_IN = MacAddress.parse("02:00:00:00:00:02");
    private static final MacAddress VRID_7 = MacAddress.vrrp(AddressFamily.IPV4, 7);
    private static final MacAddress VRID_8 = MacAddress.vrrp(AddressFamily.IPV4, 8);

    private final VirtualAddresses bookkeeping = new VirtualAddresses();
    private final Device eth0 = new Device("Gi0/0/0", "eth0");
    private final IpLink eth0Link = link("eth0", 9, null, "192.0.2.3/24");
    private final Device vlan = new Device("Gi0/0/0.10", "eth0.10");
    private final IpLink vlanLink = link("eth0.10", 12, "eth0", "198.51.100.2/24", "198.51.100.3/24");

    private static IpLink link(String name, int index, String parent, String... addresses) {
        List<InterfaceAddress> configured = Arrays.stream(addresses).map(InterfaceAddress::parse).toList();
        return new IpLink(name, index, BURNED_IN, null, Set.of("UP", "LOWER_UP"), parent == null ? "" : "vlan",
                parent, parent == null ? 0 : 10, configured, false);
    }

    private static InetAddress ip(String literal) {
        return InterfaceAddress.parseLiteral(literal);
    }

    private List<String> add(String address, MacAddress mac) {
        return bookkeeping.add(eth0, eth0Link, BURNED_IN, ip(address), mac);
    }

    @Test
    void theFirstAddressCreatesTheMacvlanUpAndPutsTheAddressOnIt() {
        assertThat(add("192.0.2.1", VRID_7)).containsExactly(
                "link add link eth0 name vrrp.9.7 address 00:00:5e:00:01:07 type macvlan mode private",
                "link set dev vrrp.9.7 addrgenmode none",
                "link set dev vrrp.9.7 up",
                "addr replace 192.0.2.1/32 dev vrrp.9.7");
        assertThat(bookkeeping.macOf(eth0, ip("192.0.2.1"))).isEqualTo(VRID_7);
    }

    @Test
    void anIpv6MacvlanGetsARandomLinkLocalAndItsAddressesNoDad() {
        MacAddress mac = MacAddress.vrrp(AddressFamily.IPV6, 7);
        assertThat(add("fe80::1", mac)).containsExactly(
                "link add link eth0 name vrrp6.9.7 address 00:00:5e:00:02:07 type macvlan mode private",
                "link set dev vrrp6.9.7 addrgenmode random",
                "link set dev vrrp6.9.7 up",
                "addr replace fe80::1/64 dev vrrp6.9.7 nodad");
        assertThat(add("2001:db8::1", mac)).containsExactly("addr replace 2001:db8::1/128 dev vrrp6.9.7 nodad");
    }

    @Test
    void aSecondAddressOfTheSameVridReusesItsMacvlan() {
        add("192.0.2.1", VRID_7);
        assertThat(add("192.0.2.2", VRID_7)).containsExactly("addr replace 192.0.2.2/32 dev vrrp.9.7");
    }

    @Test
    void anotherVridGetsAMacvlanOfItsOwn() {
        add("192.0.2.1", VRID_7);
        assertThat(add("192.0.2.9", VRID_8)).startsWith(
                "link add link eth0 name vrrp.9.8 address 00:00:5e:00:01:08 type macvlan mode private")
                .endsWith("addr replace 192.0.2.9/32 dev vrrp.9.8");
    }

    @Test
    void removingAnAddressLeavesTheMacvlanUntilItsLastAddressGoes() {
        add("192.0.2.1", VRID_7);
        add("192.0.2.2", VRID_7);
        assertThat(bookkeeping.remove(eth0, BURNED_IN, ip("192.0.2.1")))
                .containsExactly("addr del 192.0.2.1/32 dev vrrp.9.7");
        assertThat(bookkeeping.remove(eth0, BURNED_IN, ip("192.0.2.2"))).containsExactly("link del dev vrrp.9.7");
        assertThat(bookkeeping.macOf(eth0, ip("192.0.2.2"))).isNull();
        assertThat(add("192.0.2.2", VRID_7)).as("created again after it went").hasSize(4);
    }

    @Test
    void addingTwiceAndRemovingTwiceOrWhatIsNotThereChangeNothing() {
        add("192.0.2.1", VRID_7);
        assertThat(add("192.0.2.1", VRID_7)).isEmpty();
        assertThat(bookkeeping.remove(eth0, BURNED_IN, ip("192.0.2.1"))).containsExactly("link del dev vrrp.9.7");
        assertThat(bookkeeping.remove(eth0, BURNED_IN, ip("192.0.2.1"))).isEmpty();
        assertThat(bookkeeping.remove(vlan, BURNED_IN, ip("192.0.2.1"))).as("another device").isEmpty();
    }

    @Test
    void anAddressGivenAnotherMacMovesToThatMacsMacvlan() {
        add("192.0.2.1", VRID_7);
        assertThat(add("192.0.2.1", VRID_8)).containsExactly(
                "link del dev vrrp.9.7",
                "link add link eth0 name vrrp.9.8 address 00:00:5e:00:01:08 type macvlan mode private",
                "link set dev vrrp.9.8 addrgenmode none",
                "link set dev vrrp.9.8 up",
                "addr replace 192.0.2.1/32 dev vrrp.9.8");
        assertThat(bookkeeping.macOf(eth0, ip("192.0.2.1"))).isEqualTo(VRID_8);
    }

    @Test
    void theSameVridOnTwoParentsIsTwoMacvlans() {
        Device eth1 = new Device("eth1", "eth1");
        add("192.0.2.1", VRID_7);
        assertThat(bookkeeping.add(eth1, link("eth1", 10, null), BURNED_IN, ip("203.0.113.1"), VRID_7))
                .contains("link set dev vrrp.10.7 up", "addr replace 203.0.113.1/32 dev vrrp.10.7");
        assertThat(bookkeeping.remove(eth0, BURNED_IN, ip("192.0.2.1"))).containsExactly("link del dev vrrp.9.7");
    }

    @Test
    void aSubinterfacesOwnAddressTakesTheVirtualMacOnTheSubinterfaceAndGivesItBack() {
        assertThat(bookkeeping.add(vlan, vlanLink, BURNED_IN, ip("198.51.100.2"), VRID_7))
                .containsExactly("link set dev eth0.10 address 00:00:5e:00:01:07");
        assertThat(bookkeeping.add(vlan, vlanLink, BURNED_IN, ip("198.51.100.3"), VRID_8))
                .containsExactly("link set dev eth0.10 address 00:00:5e:00:01:08");
        assertThat(bookkeeping.remove(vlan, BURNED_IN, ip("198.51.100.3")))
                .as("the other own address keeps its MAC").containsExactly(
                        "link set dev eth0.10 address 00:00:5e:00:01:07");
        assertThat(bookkeeping.remove(vlan, BURNED_IN, ip("198.51.100.2")))
                .containsExactly("link set dev eth0.10 address 02:00:00:00:00:02");
    }

    @Test
    void anOwnAddressWithdrawnWhileTheDeviceIsGoneRestoresNothing() {
        bookkeeping.add(vlan, vlanLink, BURNED_IN, ip("198.51.100.2"), VRID_7);
        assertThat(bookkeeping.remove(vlan, null, ip("198.51.100.2"))).isEmpty();
        assertThat(bookkeeping.macOf(vlan, ip("198.51.100.2"))).isNull();
    }

    @Test
    void anotherAddressOnASubinterfaceGetsAMacvlanAsForVrrp() {
        assertThat(bookkeeping.add(vlan, vlanLink, BURNED_IN, ip("198.51.100.1"), VRID_7))
                .contains("link set dev vrrp.12.7 up", "addr replace 198.51.100.1/32 dev vrrp.12.7");
    }

    @Test
    void atStopEveryMacvlanIsDeletedAndTheBurnedInMacComesBack() {
        add("192.0.2.1", VRID_7);
        add("192.0.2.2", VRID_7);
        add("192.0.2.9", VRID_8);
        bookkeeping.add(vlan, vlanLink, BURNED_IN, ip("198.51.100.2"), VRID_7);

        assertThat(bookkeeping.release(eth0, BURNED_IN))
                .containsExactlyInAnyOrder("link del dev vrrp.9.7", "link del dev vrrp.9.8");
        assertThat(bookkeeping.release(vlan, BURNED_IN))
                .containsExactly("link set dev eth0.10 address 02:00:00:00:00:02");
        assertThat(bookkeeping.release(eth0, BURNED_IN)).as("forgotten").isEmpty();
        assertThat(bookkeeping.remove(eth0, BURNED_IN, ip("192.0.2.1"))).isEmpty();
    }

    @Test
    void atStopAnAbsentDeviceStillLosesItsMacvlansButGetsNoMacWritten() {
        add("192.0.2.1", VRID_7);
        bookkeeping.add(vlan, vlanLink, BURNED_IN, ip("198.51.100.2"), VRID_7);
        assertThat(bookkeeping.release(eth0, null)).containsExactly("link del dev vrrp.9.7");
        assertThat(bookkeeping.release(vlan, null)).isEmpty();
        assertThat(bookkeeping.release(new Device("eth9", "eth9"), BURNED_IN)).as("never used").isEmpty();
    }

    // ---- physical-MAC mode: the address on the device itself, with its own MAC

    @Test
    void aPlainAddressGoesOnTheDeviceItselfAsAHostAddressWithoutAMacvlan() {
        assertThat(bookkeeping.addPlain(eth0, BURNED_IN, ip("192.0.2.1")))
                .containsExactly("addr replace 192.0.2.1/32 dev eth0");
        assertThat(bookkeeping.addPlain(eth0, BURNED_IN, ip("2001:db8::1")))
                .containsExactly("addr replace 2001:db8::1/128 dev eth0 nodad");
        assertThat(bookkeeping.has(eth0, ip("192.0.2.1"))).isTrue();
        assertThat(bookkeeping.macOf(eth0, ip("192.0.2.1"))).isNull();
        assertThat(bookkeeping.addPlain(eth0, BURNED_IN, ip("192.0.2.1"))).isEmpty();
    }

    @Test
    void aPlainAddressIsRemovedFromTheDeviceOnLeavingMasterAndAtStop() {
        bookkeeping.addPlain(eth0, BURNED_IN, ip("192.0.2.1"));
        bookkeeping.addPlain(eth0, BURNED_IN, ip("192.0.2.2"));
        assertThat(bookkeeping.remove(eth0, BURNED_IN, ip("192.0.2.1")))
                .containsExactly("addr del 192.0.2.1/32 dev eth0");
        assertThat(bookkeeping.has(eth0, ip("192.0.2.1"))).isFalse();
        assertThat(bookkeeping.remove(eth0, BURNED_IN, ip("192.0.2.1"))).isEmpty();
        assertThat(bookkeeping.release(eth0, BURNED_IN)).containsExactly("addr del 192.0.2.2/32 dev eth0");
        assertThat(bookkeeping.has(eth0, ip("192.0.2.2"))).isFalse();
    }

    @Test
    void switchingAnAddressBetweenVirtualAndOwnMacWithdrawsTheOldPlaceFirst() {
        add("192.0.2.1", VRID_7);
        assertThat(bookkeeping.addPlain(eth0, BURNED_IN, ip("192.0.2.1")))
                .containsExactly("link del dev vrrp.9.7", "addr replace 192.0.2.1/32 dev eth0");
        assertThat(add("192.0.2.1", VRID_7)).containsExactly("addr del 192.0.2.1/32 dev eth0",
                "link add link eth0 name vrrp.9.7 address 00:00:5e:00:01:07 type macvlan mode private",
                "link set dev vrrp.9.7 addrgenmode none",
                "link set dev vrrp.9.7 up",
                "addr replace 192.0.2.1/32 dev vrrp.9.7");
    }
}
