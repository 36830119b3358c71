package org.openvrrs.net.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openvrrs.net.sim.SimTestLan.MAC1;
import static org.openvrrs.net.sim.SimTestLan.MAC2;
import static org.openvrrs.net.sim.SimTestLan.VMAC;
import static org.openvrrs.net.sim.SimTestLan.record;
import static org.openvrrs.net.sim.SimTestLan.vrrp;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openvrrs.net.api.FrameKind;
import org.openvrrs.net.api.InterfaceAddress;
import org.openvrrs.net.api.NetInterface;
import org.openvrrs.net.api.Registration;
import org.openvrrs.vrrs.api.AddressFamily;

class SimRouterTest {
    private final SimTestLan net = new SimTestLan();

    /** What one interface listener call reported. */
    private record Change(NetInterface before, NetInterface after) {
    }

    private List<Change> watch(SimRouter router) {
        List<Change> changes = new ArrayList<>();
        router.addInterfaceListener((before, after) -> changes.add(new Change(before, after)));
        return changes;
    }

    @Test
    void stoppedRouterIsSilentWithLineProtocolDownAndKeepsItsListeners() {
        List<String> at1 = record(net.r1, "eth0", FrameKind.VRRP);
        List<String> at2 = record(net.r2, "eth0", FrameKind.VRRP);

        net.r2.stop();
        net.r1.send("eth0", vrrp(MAC1));
        net.r2.send("eth0", vrrp(MAC2));
        net.clock.runUntilIdle();
        assertThat(at1).isEmpty();
        assertThat(at2).isEmpty();
        assertThat(net.r2.isRunning()).isFalse();
        assertThat(net.r2.find("eth0").orElseThrow().lineProtocolUp()).as("powered off").isFalse();
        assertThat(net.r2.find("eth0").orElseThrow().adminUp()).as("configuration kept").isTrue();

        net.r2.start();
        assertThat(net.r2.find("eth0").orElseThrow().lineProtocolUp()).as("powered on").isTrue();
        net.r1.send("eth0", vrrp(MAC1));
        net.r2.send("eth0", vrrp(MAC2));
        net.clock.runUntilIdle();
        assertThat(at1).containsExactly("eth0 VRRP from " + MAC2);
        assertThat(at2).containsExactly("eth0 VRRP from " + MAC1);
    }

    @Test
    void subinterfaceLineProtocolFollowsItsParent() {
        net.r1.addSubinterface("eth0", 10, InterfaceAddress.parse("198.51.100.1/24"));
        List<Change> changes = watch(net.r1);

        net.r1.setLink("eth0", false);
        assertThat(net.r1.find("eth0.10").orElseThrow().lineProtocolUp()).isFalse();
        net.clock.runUntilIdle();
        assertThat(changes).extracting(c -> c.after().name() + " " + c.after().lineProtocolUp())
                .containsExactly("eth0 false", "eth0.10 false");

        net.r1.setLink("eth0", true);
        net.r1.setAdminState("eth0.10", false);
        assertThat(net.r1.find("eth0").orElseThrow().lineProtocolUp()).isTrue();
        assertThat(net.r1.find("eth0.10").orElseThrow().lineProtocolUp()).isFalse();
        net.r1.setAdminState("eth0.10", true);
        net.r1.setLineProtocol("eth0", false);
        assertThat(net.r1.find("eth0.10").orElseThrow().lineProtocolUp()).isFalse();
    }

    @Test
    void subinterfacesTalkOnlyWithinTheirVlanAndUntagged() {
        NetInterface sub = net.r1.addSubinterface("eth0", 10);
        net.r2.addSubinterface("eth0", 10);
        net.r2.addSubinterface("eth0", 20);
        List<byte[]> frames = new ArrayList<>();
        net.r2.receive("eth0.10", FrameKind.VRRP, (name, frame, nanos) -> frames.add(frame));
        List<String> untagged = record(net.r2, "eth0", FrameKind.VRRP);
        List<String> otherVlan = record(net.r2, "eth0.20", FrameKind.VRRP);

        net.r1.send("eth0.10", vrrp(MAC1));
        net.clock.runUntilIdle();

        assertThat(frames).singleElement().isEqualTo(vrrp(MAC1));
        assertThat(untagged).isEmpty();
        assertThat(otherVlan).isEmpty();
        assertThat(sub.name()).isEqualTo("eth0.10");
        assertThat(sub.parent()).isEqualTo("eth0");
        assertThat(sub.vlanId()).isEqualTo(10);
        assertThat(sub.burnedInMac()).isEqualTo(MAC1);
    }

    @Test
    void listenersSeeEveryChangeOnTheScheduler() {
        List<Change> changes = watch(net.r1);
        InterfaceAddress secondary = InterfaceAddress.parse("192.0.2.11/24");

        net.r1.setMac("eth0", VMAC);
        net.r1.addAddress("eth0", secondary);
        net.r1.addAddress("eth0", secondary); // no change, no event
        net.r1.addMacFilter("eth0", MAC2);
        net.r1.removeAddress("eth0", secondary);
        net.r1.setMac("eth0", null);
        assertThat(changes).as("called on the scheduler").isEmpty();
        net.clock.runUntilIdle();

        assertThat(changes).hasSize(5);
        assertThat(changes.get(0).before().mac()).isEqualTo(MAC1);
        assertThat(changes.get(0).after().mac()).isEqualTo(VMAC);
        assertThat(changes.get(1).after().addresses()).endsWith(secondary);
        assertThat(changes.get(2).after().macFilter()).containsExactly(MAC2);
        assertThat(changes.get(3).after().addresses()).doesNotContain(secondary);
        assertThat(changes.get(4).after().mac()).isEqualTo(MAC1);
        assertThat(changes.get(4).after().primaryAddress(AddressFamily.IPV4).orElseThrow())
                .isEqualTo(InterfaceAddress.parse("192.0.2.1/24"));
    }

    @Test
    void addedInterfacesAreAnnouncedAndClosedListenersHearNothing() {
        List<Change> changes = watch(net.r1);
        List<Change> closed = new ArrayList<>();
        Registration registration = net.r1.addInterfaceListener((b, a) -> closed.add(new Change(b, a)));
        registration.close();

        net.r1.addSubinterface("eth0", 30);
        net.clock.runUntilIdle();

        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.before()).isNull();
            assertThat(c.after().name()).isEqualTo("eth0.30");
        });
        assertThat(closed).isEmpty();
        assertThat(net.r1.interfaces()).extracting(NetInterface::name).containsExactly("eth0", "eth0.30");
        assertThat(net.r1.interfaces()).extracting(NetInterface::index).containsExactly(1, 2);
    }

    @Test
    void refusesUnknownInterfacesAndBadRequests() {
        assertThatThrownBy(() -> net.r1.setAdminState("eth9", false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no interface named eth9");
        assertThatThrownBy(() -> net.r1.receive("eth9", FrameKind.ARP, (n, f, t) -> { }))
                .hasMessage("no interface named eth9");
        assertThatThrownBy(() -> net.r1.addInterface("eth0", net.lan, MAC1))
                .hasMessageContaining("already has an interface named eth0");
        net.r1.addSubinterface("eth0", 10);
        assertThatThrownBy(() -> net.r1.setLink("eth0.10", false)).hasMessageContaining("set the link of eth0");
        assertThatThrownBy(() -> net.r1.addSubinterface("eth0", 0)).hasMessageContaining("outside 1-4094");
        assertThatThrownBy(() -> net.r1.sendGratuitousArp("eth0", InterfaceAddress.parseLiteral("2001:db8::1"),
                VMAC)).hasMessageContaining("IPv4");
        assertThatThrownBy(() -> net.r1.send("eth0", new byte[10])).hasMessageContaining("no Ethernet header");
        assertThatThrownBy(() -> net.r1.addInterface("eth1", new SimLan("other", new VirtualScheduler()), MAC2))
                .hasMessageContaining("another scheduler");
    }

    @Test
    void unsolicitedNeighborAdvertReachesNeighborDiscoveryListeners() {
        List<String> nd = record(net.r2, "eth0", FrameKind.NEIGHBOR_DISCOVERY);
        net.r1.sendUnsolicitedNeighborAdvert("eth0", InterfaceAddress.parseLiteral("fe80::1"), VMAC);
        net.clock.runUntilIdle();
        assertThat(nd).containsExactly("eth0 NEIGHBOR_DISCOVERY from " + VMAC);
    }
}
