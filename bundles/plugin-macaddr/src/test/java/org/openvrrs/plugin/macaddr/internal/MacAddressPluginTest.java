package org.openvrrs.plugin.macaddr.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvrrs.plugin.common.test.PluginTestBed.BIA;
import static org.openvrrs.plugin.common.test.PluginTestBed.NAME_1;
import static org.openvrrs.plugin.common.test.PluginTestBed.NAME_2;
import static org.openvrrs.plugin.common.test.PluginTestBed.VMAC;
import static org.openvrrs.plugin.common.test.PluginTestBed.follow;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openvrrs.net.api.ArpPacket;
import org.openvrrs.net.api.Frames;
import org.openvrrs.plugin.common.api.Subinterface;
import org.openvrrs.plugin.common.api.SubinterfacePlugin;
import org.openvrrs.plugin.common.internal.ShowFormat;
import org.openvrrs.plugin.common.test.PluginTestBed;
import org.openvrrs.plugin.ifstate.internal.InterfaceStatePlugin;
import org.openvrrs.vrrs.api.GroupState;
import org.openvrrs.vrrs.api.IpAddresses;
import org.openvrrs.vrrs.api.MacAddress;
import org.openvrrs.vrrs.api.VrrsState;

class MacAddressPluginTest {
    static final InetAddress SUB2 = IpAddresses.parse("a", "198.51.100.1");
    static final InetAddress SUB3 = IpAddresses.parse("a", "198.51.100.65");
    final PluginTestBed bed = new PluginTestBed();
    final MacAddressPlugin plugin = new MacAddressPlugin();

    private void configureGuideExample(boolean ifState) {
        bed.infra.put("2", follow("eth0.2", NAME_1, ifState, true, true, 5, 360));
        bed.infra.put("3", follow("eth0.3", NAME_1, ifState, true, true, 5, 360));
        bed.infra.put("4", follow("eth0.4", NAME_2, ifState, true, true, 5, 360));
        bed.clock.runUntilIdle();
    }

    private List<ArpPacket> unsolicitedArps(InetAddress ip) {
        return bed.h2.received().stream().map(Frames::parseArp).flatMap(java.util.Optional::stream)
                .filter(a -> a.isGratuitous() && a.senderIp().equals(ip)).collect(Collectors.toList());
    }

    private long arps3() {
        return bed.h3.received().stream().map(Frames::parseArp).flatMap(java.util.Optional::stream)
                .filter(a -> a.isGratuitous() && a.senderIp().equals(SUB3)).count();
    }

    private MacAddress resolve(InetAddress ip) {
        bed.h2.forget(ip);
        bed.h2.arp(ip);
        bed.clock.runUntilIdle();
        return bed.h2.macFor(ip).orElse(null);
    }

    @Test
    void activeGivesThePrimaryAddressTheVirtualMacAndTheFilterEntry() {
        bed.infra.addPlugin(plugin);
        configureGuideExample(false);
        bed.publish(VrrsState.BACKUP);
        assertThat(resolve(SUB2)).as("backup: burned-in MAC").isEqualTo(BIA);
        bed.publish(VrrsState.ACTIVE);
        assertThat(resolve(SUB2)).isEqualTo(VMAC);
        assertThat(bed.r1.find("eth0").orElseThrow().macFilter()).containsExactly(VMAC);
        assertThat(bed.infra.arpMac("r1", "eth0.2")).contains(VMAC);
        assertThat(bed.infra.arpMac("r1", "eth0.4")).as("unknown name: BIA").isEmpty();
        // frames to the virtual MAC are accepted: a unicast ARP request to it is answered
        java.util.List<String> seen = new java.util.ArrayList<>();
        bed.r1.receive("eth0.2", org.openvrrs.net.api.FrameKind.ARP, (i, f, t) -> seen.add(i));
        bed.h2.forget(SUB2);
        bed.h2.send(Frames.arp(VMAC, new ArpPacket(ArpPacket.REQUEST, bed.h2.mac(),
                (Inet4Address) bed.h2.address().address(), MacAddress.ZERO, (Inet4Address) SUB2)));
        bed.clock.runUntilIdle();
        assertThat(seen).as("unicast to the virtual MAC accepted").containsExactly("eth0.2");

        bed.publish(VrrsState.BACKUP);
        assertThat(resolve(SUB2)).isEqualTo(BIA);
        assertThat(bed.r1.find("eth0").orElseThrow().macFilter()).isEmpty();
        assertThat(plugin.appliedCount()).isZero();
        assertThat(plugin.pendingTimers()).isZero();
    }

    @Test
    void filterEntryStaysUntilTheLastSubinterfaceUsingTheMacLetsGo() {
        bed.infra.addPlugin(plugin);
        configureGuideExample(false);
        bed.publish(VrrsState.ACTIVE);
        bed.infra.remove("2");
        assertThat(bed.r1.find("eth0").orElseThrow().macFilter()).as("eth0.3 still uses it").containsExactly(VMAC);
        assertThat(resolve(SUB2)).isEqualTo(BIA);
        bed.infra.remove("3");
        assertThat(bed.r1.find("eth0").orElseThrow().macFilter()).isEmpty();
    }

    @Test
    void unsolicitedArpsEveryIntervalForTheDuration() {
        bed.infra.addPlugin(plugin);
        configureGuideExample(false);
        bed.h2.clearReceived();
        bed.publish(VrrsState.ACTIVE); // t = 0
        assertThat(unsolicitedArps(SUB2)).hasSize(1).allSatisfy(a -> assertThat(a.senderMac()).isEqualTo(VMAC));
        bed.clock.advance(Duration.ofMillis(4_999));
        assertThat(unsolicitedArps(SUB2)).hasSize(1);
        bed.clock.advance(Duration.ofMillis(1));
        assertThat(unsolicitedArps(SUB2)).hasSize(2);
        bed.clock.advance(Duration.ofSeconds(350)); // t = 355: the 72nd
        assertThat(unsolicitedArps(SUB2)).hasSize(72);
        bed.clock.advance(Duration.ofSeconds(3600));
        assertThat(unsolicitedArps(SUB2)).as("none after the duration").hasSize(72);
        assertThat(bed.h3.received().stream().map(Frames::parseArp).flatMap(java.util.Optional::stream)
                .filter(a -> a.isGratuitous() && a.senderIp().equals(SUB3)).count()).isEqualTo(72);
        assertThat(plugin.pendingTimers()).isZero();
        assertThat(bed.clock.pendingTasks()).isZero();
    }

    @Test
    void withoutArpOneAnnouncementAndLeavingActiveStopsTheTimer() {
        bed.infra.addPlugin(plugin);
        bed.infra.put("2", follow("eth0.2", NAME_1, false, true, false, 5, 360));
        bed.infra.put("3", follow("eth0.3", NAME_1, false, true, true, 5, 360));
        bed.h2.clearReceived();
        bed.publish(VrrsState.ACTIVE);
        bed.clock.advance(Duration.ofSeconds(12));
        assertThat(unsolicitedArps(SUB2)).hasSize(1);
        assertThat(arps3()).isEqualTo(3);
        bed.publish(VrrsState.BACKUP);
        bed.clock.advance(Duration.ofSeconds(60));
        assertThat(arps3()).isEqualTo(3);
        assertThat(bed.clock.pendingTasks()).isZero();
    }

    @Test
    void withInterfaceStateTheMacIsTakenOnlyOnceTheLineProtocolIsUp() {
        var ifState = new InterfaceStatePlugin();
        bed.infra.addPlugin(plugin);
        bed.infra.addPlugin(ifState);
        configureGuideExample(true);
        bed.publish(VrrsState.ACTIVE);
        assertThat(bed.lineUp("eth0.2")).isTrue();
        assertThat(resolve(SUB2)).isEqualTo(VMAC);
        assertThat(bed.lineUp("eth0.4")).isFalse();
        bed.r1.setAdminState("eth0.3", false); // criteria no longer met: line protocol down
        bed.clock.runUntilIdle();
        assertThat(bed.infra.arpMac("r1", "eth0.3")).isEmpty();
        bed.r1.setAdminState("eth0.3", true);
        bed.clock.runUntilIdle();
        assertThat(bed.infra.arpMac("r1", "eth0.3")).contains(VMAC);
        String brief = ShowFormat.interfaceBrief("r1", bed.r1.interfaces(), bed.infra.subinterfaces());
        // the guide's columns: 26, 16, 4, 7, 16
        assertThat(brief).contains("eth0.4                    198.51.100.129  YES manual up              down\n"
                + "! \"interface-state\" DOWN due to no VRRS server\n");
        assertThat(brief).contains("eth0.2                    198.51.100.1    YES manual up              up\n");
    }

    @Test
    void unplugGivesBackBurnedInMacsFilterAndTimers() {
        bed.infra.addPlugin(plugin);
        configureGuideExample(false);
        bed.publish(VrrsState.ACTIVE);
        bed.infra.removePlugin(plugin);
        plugin.deactivate();
        assertThat(resolve(SUB2)).isEqualTo(BIA);
        assertThat(bed.r1.find("eth0").orElseThrow().macFilter()).isEmpty();
        assertThat(bed.clock.pendingTasks()).isZero();
        assertThat(bed.registry.clients()).isEmpty();
        // plugged in again: takes control at once
        MacAddressPlugin again = new MacAddressPlugin();
        bed.infra.addPlugin(again);
        bed.settle(); // the client is declared again: the registry pushes ACTIVE from its own thread
        assertThat(resolve(SUB2)).isEqualTo(VMAC);
    }

    /** Counts the calls each plug-in gets per subinterface, then lets the real plug-in act. */
    static final class Counting implements SubinterfacePlugin {
        final SubinterfacePlugin plugin;
        final Map<String, Integer> calls = new ConcurrentHashMap<>();

        Counting(SubinterfacePlugin plugin) {
            this.plugin = plugin;
        }

        @Override
        public String name() {
            return plugin.name();
        }

        @Override
        public int order() {
            return plugin.order();
        }

        @Override
        public boolean configuredOn(Subinterface s) {
            return plugin.configuredOn(s);
        }

        @Override
        public void update(Subinterface s, GroupState state) {
            calls.merge(s.interfaceName(), 1, Integer::sum);
            plugin.update(s, state);
        }

        @Override
        public void release(Subinterface s) {
            calls.merge(s.interfaceName(), 1, Integer::sum);
            plugin.release(s);
        }
    }

    @Test
    void eachPluginIsCalledOncePerSubinterfacePerVrrsChange() {
        Counting ifState = new Counting(new InterfaceStatePlugin());
        Counting mac = new Counting(plugin);
        bed.infra.addPlugin(ifState);
        bed.infra.addPlugin(mac);
        configureGuideExample(true);
        bed.publish(VrrsState.BACKUP);
        for (VrrsState state : List.of(VrrsState.ACTIVE, VrrsState.BACKUP, VrrsState.ACTIVE)) {
            ifState.calls.clear();
            mac.calls.clear();
            bed.publish(state); // Interface-State's line protocol changes come back as interface events
            assertThat(ifState.calls).as("Interface-State on " + state).isEqualTo(Map.of("eth0.2", 1, "eth0.3", 1));
            assertThat(mac.calls).as("MAC-Address on " + state).isEqualTo(Map.of("eth0.2", 1, "eth0.3", 1));
        }
        assertThat(resolve(SUB2)).isEqualTo(VMAC);
    }

    @Test
    void pluginDatabaseMatchesTheGuide() {
        bed.infra.addPlugin(plugin);
        configureGuideExample(false);
        bed.publish(VrrsState.ACTIVE);
        assertThat(ShowFormat.database(bed.infra.database())).isEqualTo("""
                VRRS Plugin Database
                -----
                Name = VRRS_NAME_1
                Server connection = Live
                State = Active
                MAC addr = 0000.5e00.0101
                Test Control = False
                Client Handle = 3741319169
                Interface list =
                                r1/eth0.2
                                r1/eth0.3
                -----
                Name = VRRS_NAME_2
                Server connection = Disconnected
                State = Disabled
                MAC addr = 0000.0000.0000
                Test Control = False
                Client Handle = 3741319170
                Interface list =
                                r1/eth0.4
                """);
    }

    @Test
    void anIpv6OnlySubinterfaceIsAnnouncedWithUnsolicitedNeighborAdverts() {
        bed.r1.addSubinterface("eth0", 7, org.openvrrs.net.api.InterfaceAddress.parse("2001:db8:7::1/64"));
        var h7 = new org.openvrrs.net.sim.SimHost("h7", bed.lan, MacAddress.parse("0200.0000.0170"),
                org.openvrrs.net.api.InterfaceAddress.parse("2001:db8:7::10/64"), 7);
        bed.infra.addPlugin(plugin);
        bed.infra.put("7", follow("eth0.7", NAME_1, false, true, true, 5, 20));
        bed.publish(VrrsState.ACTIVE);
        bed.clock.advance(Duration.ofSeconds(60));
        assertThat(h7.received().stream().filter(f -> org.openvrrs.net.api.FrameKind.classify(f)
                == org.openvrrs.net.api.FrameKind.NEIGHBOR_DISCOVERY && Frames.source(f).equals(VMAC)).count())
                .as("at 0, 5, 10, 15 s").isEqualTo(4);
        assertThat(bed.r1.virtualAddresses("eth0.7")).containsEntry(IpAddresses.parse("a", "2001:db8:7::1"), VMAC);
    }

    @Test
    void debugLinesReadLikeTheGuides() {
        bed.infra.addPlugin(plugin);
        configureGuideExample(false);
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            bed.publish(VrrsState.ACTIVE);
            bed.publish(VrrsState.BACKUP);
        } finally {
            System.setErr(err);
        }
        assertThat(log.toString(java.nio.charset.StandardCharsets.UTF_8)).contains(
                "VRRS-P(mac): r1/eth0.2 Add 0000.5e00.0101 to MAC filter, using (afilter_add)",
                "VRRS-P(mac): Active count increase to (1) for MAC : 0000.5e00.0101",
                "VRRS-P(mac): Active count increase to (2) for MAC : 0000.5e00.0101",
                "VRRS-P(arp-packet): sent rep src 198.51.100.1 0000.5e00.0101, dst 198.51.100.1 ffff.ffff.ffff "
                        + "r1/eth0.2",
                "VRRS-P(mac): Active count decrease to (0) for MAC : 0000.5e00.0101",
                "VRRS-P(mac): r1/eth0.3 Remove 0000.5e00.0101 from MAC filter, using (afilter_remove)");
    }
}
