package org.openvrrs.net.linux.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openvrrs.vrrs.api.AddressFamily;
import org.openvrrs.vrrs.api.MacAddress;

/** The iproute2 lines and names the bundle produces, monitor lines it reads, and its host checks. */
class IpCommandsTest {

    @Test
    void monitorLinesNameTheirDevice() {
        assertThat(IpMonitor.deviceOf("9: ovt-tmp0@ovt-tmp1: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500"))
                .isEqualTo("ovt-tmp0");
        assertThat(IpMonitor.deviceOf("9: eth0    inet 192.0.2.9/24 scope global eth0\\       valid_lft forever"))
                .isEqualTo("eth0");
        assertThat(IpMonitor.deviceOf("Deleted 10: vrrp.9.1@eth0: <BROADCAST,MULTICAST> mtu 1500"))
                .isEqualTo("vrrp.9.1");
        assertThat(IpMonitor.deviceOf("[LINK]10: eth0.10@eth0: <BROADCAST> mtu 1500")).isEqualTo("eth0.10");
        assertThat(IpMonitor.deviceOf("   link/ether 00:00:5e:00:01:07 brd ff:ff:ff:ff:ff:ff")).isNull();
    }

    /** Lines as iproute2 6.1 prints them (one line each with -o; "\\" joins what would be continuation lines). */
    @Test
    void linkLinesCarryTheWholeLinkState() {
        IpMonitor.LinkLine down = IpMonitor.linkLine("4: s1@t1: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc "
                + "noqueue state DOWN group default \\    link/ether 00:00:5E:00:01:07 brd ff:ff:ff:ff:ff:ff "
                + "protodown on ");
        assertThat(down.index()).isEqualTo(4);
        assertThat(down.name()).isEqualTo("s1");
        assertThat(down.flags()).containsExactlyInAnyOrder("NO-CARRIER", "BROADCAST", "MULTICAST", "UP");
        assertThat(down.mac()).isEqualTo(MacAddress.vrrp(AddressFamily.IPV4, 7));
        assertThat(down.protoDown()).isTrue();

        IpMonitor.LinkLine promisc = IpMonitor.linkLine("[LINK]3: t1@if2: <BROADCAST,MULTICAST,PROMISC,UP,LOWER_UP>"
                + " mtu 1500 qdisc noqueue state UP group default \\    link/ether 9e:8a:e8:03:47:69 brd "
                + "ff:ff:ff:ff:ff:ff link-netns ovt-r1");
        assertThat(promisc.name()).isEqualTo("t1");
        assertThat(promisc.flags()).contains("PROMISC", "UP", "LOWER_UP");
        assertThat(promisc.mac().toColons()).isEqualTo("9e:8a:e8:03:47:69");
        assertThat(promisc.protoDown()).isFalse();

        assertThat(IpMonitor.linkLine("4: s1    inet 192.0.2.9/24 scope global s1\\       valid_lft forever"))
                .as("an address line").isNull();
        assertThat(IpMonitor.linkLine("Deleted 10: vrrp.9.1@eth0: <BROADCAST,MULTICAST> mtu 1500"))
                .as("a deletion is re-read, not taken as a state").isNull();
        assertThat(IpMonitor.linkLine("5: tun0: <POINTOPOINT,NOARP,UP,LOWER_UP> mtu 1500 \\    link/none ").mac())
                .as("no MAC").isEqualTo(MacAddress.ZERO);
    }

    @Test
    void adjacentLinkSetsOfOneDeviceBecomeOneRequest() {
        assertThat(IpBatch.merge(List.of(
                "link set dev s1 protodown off", "link set dev s1 address 00:00:5e:00:01:07", "link set dev t1 promisc on",
                "link set dev s2 protodown off", "link set dev s2 address 00:00:5e:00:01:07", "link set dev t2 promisc on")))
                .containsExactly("link set dev s1 protodown off address 00:00:5e:00:01:07", "link set dev t1 promisc on",
                        "link set dev s2 protodown off address 00:00:5e:00:01:07", "link set dev t2 promisc on");
    }

    @Test
    void linesThatCannotBeJoinedStayAsTheyCame() {
        List<String> lines = List.of(
                "link set dev s1 protodown on", "link set dev s1 protodown off", // the same attribute twice
                "addr add 192.0.2.1/32 dev s1", // not a link set
                "link set dev s1 down", "link set dev s1 up", // up and down are one attribute
                "link set dev s1 name other", "link set dev s1 address 00:00:5e:00:01:07", // not a mergeable attribute
                "link set dev s2 address", "link set dev s2 promisc off"); // malformed
        assertThat(IpBatch.merge(lines)).isEqualTo(lines);
    }

    @Test
    void macvlanNamesAreUniquePerParentAndMacAndFitIfnamsiz() {
        assertThat(VirtualMacs.deviceName(9, MacAddress.vrrp(AddressFamily.IPV4, 1))).isEqualTo("vrrp.9.1");
        assertThat(VirtualMacs.deviceName(12345, MacAddress.vrrp(AddressFamily.IPV6, 255)))
                .isEqualTo("vrrp6.12345.255");
        assertThat(VirtualMacs.deviceName(3, MacAddress.parse("0000.0c07.ac0a"))).isEqualTo("vmac.3.ac0a");
        assertThat(VirtualMacs.OURS.matcher("vrrp6.12345.255").matches()).isTrue();
        assertThat(VirtualMacs.OURS.matcher("vrrp.1").matches()).as("keepalived's vmac name").isFalse();
        assertThatThrownBy(() -> VirtualMacs.deviceName(1234567, MacAddress.vrrp(AddressFamily.IPV6, 255)))
                .hasMessageContaining("too large");
    }

    @Test
    void macvlanCarriesTheVirtualMacInPrivateModeWithoutEui64LinkLocal() throws Exception {
        MacAddress mac = MacAddress.vrrp(AddressFamily.IPV4, 7);
        assertThat(VirtualMacs.create("eth0", "vrrp.9.7", mac, false)).containsExactly(
                "link add link eth0 name vrrp.9.7 address 00:00:5e:00:01:07 type macvlan mode private",
                "link set dev vrrp.9.7 addrgenmode none",
                "link set dev vrrp.9.7 up");
        assertThat(VirtualMacs.create("eth0", "vrrp6.9.7", mac, true)).contains(
                "link set dev vrrp6.9.7 addrgenmode random");
        assertThat(VirtualMacs.addAddress("vrrp.9.7", InetAddress.getByName("192.0.2.1")))
                .isEqualTo("addr replace 192.0.2.1/32 dev vrrp.9.7");
        assertThat(VirtualMacs.addAddress("vrrp6.9.7", InetAddress.getByName("fe80::1")))
                .isEqualTo("addr replace fe80::1/64 dev vrrp6.9.7 nodad");
        assertThat(VirtualMacs.removeAddress("vrrp6.9.7", InetAddress.getByName("2001:db8::1")))
                .isEqualTo("addr del 2001:db8::1/128 dev vrrp6.9.7");
    }

    @Test
    void lineProtocolForcedDownIsProtodownNotAdminDown() {
        assertThat(VirtualMacs.protoDown("eth0.10", true)).isEqualTo("link set dev eth0.10 protodown on");
        assertThat(VirtualMacs.protoDown("eth0.10", false)).isEqualTo("link set dev eth0.10 protodown off");
    }

    @Test
    void aSubinterfacesOwnAddressTakesTheVirtualMacOnTheDeviceItself() throws Exception {
        List<IpLink> links = IpLink.parseAll("""
                [{"ifindex":2,"ifname":"eth0","flags":["UP","LOWER_UP"],"address":"02:00:00:00:00:02",
                  "addr_info":[{"family":"inet","local":"192.0.2.3","prefixlen":24}]},
                 {"ifindex":7,"link":"eth0","ifname":"eth0.10","flags":["UP"],"address":"02:00:00:00:00:02",
                  "proto_down":true,"linkinfo":{"info_kind":"vlan","info_data":{"id":10}},
                  "addr_info":[{"family":"inet","local":"198.51.100.2","prefixlen":24}]}]""");
        IpLink eth0 = links.get(0);
        IpLink vlan = links.get(1);
        assertThat(vlan.protoDown()).isTrue();
        assertThat(eth0.protoDown()).isFalse();
        InetAddress own = InetAddress.getByName("198.51.100.2");
        assertThat(VirtualMacs.onDeviceItself(vlan, own)).as("the subinterface's own primary").isTrue();
        assertThat(VirtualMacs.onDeviceItself(vlan, InetAddress.getByName("198.51.100.1")))
                .as("another address: a macvlan as for VRRP").isFalse();
        assertThat(VirtualMacs.onDeviceItself(eth0, InetAddress.getByName("192.0.2.3")))
                .as("a physical device never changes its own MAC (VRRP address owner)").isFalse();
        assertThat(VirtualMacs.setMac("eth0.10", MacAddress.vrrp(AddressFamily.IPV4, 1)))
                .isEqualTo("link set dev eth0.10 address 00:00:5e:00:01:01");
    }

    @Test
    void capabilitiesAreReadFromProcStatus() {
        long root = Platform.effectiveCapabilities("Name:\tjava\nCapEff:\t000001ffffffffff\n");
        long user = Platform.effectiveCapabilities("Name:\tjava\nCapEff:\t0000000000000000\n");

        assertThat(Platform.has(root, Platform.CAP_NET_ADMIN) && Platform.has(root, Platform.CAP_NET_RAW)).isTrue();
        assertThat(Platform.has(user, Platform.CAP_NET_RAW)).isFalse();
    }

    @Test
    void libpcapIsFoundUnderItsDebianNameOrRefusedClearly(@TempDir Path dir) throws Exception {
        Files.createFile(dir.resolve("libpcap.so.0.8"));
        Files.createFile(dir.resolve("libpcapng.so.1"));

        assertThat(Platform.findLibpcap("", List.of("/nonexistent", dir.toString())))
                .contains(dir.resolve("libpcap.so.0.8"));
        assertThat(Platform.findLibpcap("/nonexistent/libpcap.so", List.of(dir.toString()))).isEmpty();
        assertThatThrownBy(() -> Platform.configureLibpcap("/nonexistent/libpcap.so"))
                .hasMessageContaining("pcapLibrary").hasMessageContaining("not readable");
    }

    @Test
    void badInterfaceNamesAreRefusedBeforeAnythingRuns() {
        assertThatThrownBy(() -> new LinuxNetwork(List.of("eth0; reboot"), null, ""))
                .hasMessage("'eth0; reboot' is not a Linux interface name");
        assertThatThrownBy(() -> new LinuxNetwork(List.of(), null, "")).hasMessageContaining("no interfaces");
    }
}
