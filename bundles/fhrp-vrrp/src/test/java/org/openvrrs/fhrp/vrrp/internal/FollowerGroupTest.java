package org.openvrrs.fhrp.vrrp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openvrrs.net.api.FrameKind;
import org.openvrrs.net.api.InterfaceAddress;
import org.openvrrs.net.sim.SimLan;
import org.openvrrs.net.sim.SimRouter;
import org.openvrrs.net.sim.VirtualScheduler;
import org.openvrrs.vrrs.api.AddressFamily;
import org.openvrrs.vrrs.api.ClientPriority;
import org.openvrrs.vrrs.api.MacAddress;
import org.openvrrs.vrrs.api.ServerRegistration;
import org.openvrrs.vrrs.api.ServerUpdate;
import org.openvrrs.vrrs.api.StateReason;
import org.openvrrs.vrrs.api.VrrsState;
import org.openvrrs.vrrs.core.internal.StandaloneRegistry;

/**
 * Follower groups (the VRRS "pathway"): VRRP groups that mirror a VRRS name's state without adverts of their own,
 * on the simulated LAN and a virtual clock, with the leader published by hand so its every state is the test's.
 */
class FollowerGroupTest {
    static final long SECOND = 1_000_000_000L;
    static final int FOLLOWERS = 4;

    final VirtualScheduler clock = new VirtualScheduler();
    final SimLan lan = new SimLan("lan0", clock);
    final SimRouter r1 = new SimRouter("r1", clock);
    final StandaloneRegistry vrrs = new StandaloneRegistry();
    final VrrpRuntime vrrp = new VrrpRuntime(vrrs.whiteboard());
    final Map<String, String> states = new ConcurrentHashMap<>();
    final List<byte[]> wire = new CopyOnWriteArrayList<>();
    ServerRegistration leader;

    FollowerGroupTest() {
        r1.addInterface("eth0", lan, MacAddress.parse("0200.0000.0101"), InterfaceAddress.parse("192.0.2.2/24"));
        vrrp.addNetwork("r1", r1);
        lan.dropMatching(frame -> wire.add(frame) && false); // a tap: nothing is lost
        leader = vrrs.publishByHand("VRRP", "LEADER");
    }

    @AfterEach
    void close() {
        vrrs.close();
    }

    static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** Group {@code vrid} on r1 for 192.0.2.(100+vrid), following {@code follow}, published as F{vrid}. */
    AutoCloseable follower(int vrid, String follow) {
        Map<String, Object> props = new HashMap<>(Map.of("network", "r1", "interfaceName", "eth0", "vrid", vrid,
                "addresses", "192.0.2." + (100 + vrid), "name", "F" + vrid, "follow", follow));
        return vrrp.addGroup(props, (group, state, master, p) -> states.put("F" + vrid, state));
    }

    void leaderIs(VrrsState state) {
        leader.update(new ServerUpdate(state, StateReason.PROTOCOL, AddressFamily.IPV4, ip("192.0.2.1"),
                MacAddress.vrrp(AddressFamily.IPV4, 1), state == VrrsState.INIT ? ip("0.0.0.0") : ip("192.0.2.9"),
                ip("0.0.0.0")));
    }

    /** Runs what the registry's round handed the network thread; the virtual clock does not move. */
    void awaitFollowers(String state) {
        await().until(() -> {
            clock.runUntilIdle();
            return states.size() == FOLLOWERS && states.values().stream().allMatch(state::equals);
        });
    }

    @Test
    void followersMirrorTheLeaderInItsRoundWithoutAdvertsAndTakeTheAddressesOver() {
        for (int vrid = 1; vrid <= FOLLOWERS; vrid++) {
            follower(vrid, "LEADER");
        }
        clock.advance(5 * SECOND); // far beyond a master down interval: a follower never elects itself
        assertThat(states).as("no follower left Init on its own").isEmpty();
        assertThat(vrrs.clients()).as("one client for all followers of a name, served before Normal and Low ones")
                .filteredOn(c -> c.name().startsWith("VRRP followers of "))
                .singleElement().matches(c -> c.name().equals("VRRP followers of LEADER")
                        && c.priority() == ClientPriority.HIGH && c.following().equals(java.util.Set.of("LEADER")));

        long before = clock.nanoTime();
        leaderIs(VrrsState.ACTIVE);
        awaitFollowers("MASTER");
        assertThat(clock.nanoTime()).as("no timer was needed: the leader's round moved them").isEqualTo(before);
        for (int vrid = 1; vrid <= FOLLOWERS; vrid++) {
            assertThat(r1.virtualAddresses("eth0")).containsKey(ip("192.0.2." + (100 + vrid)));
            assertThat(vrrs.group("F" + vrid).orElseThrow().state()).as("its own name").isEqualTo(VrrsState.ACTIVE);
        }
        assertThat(wire).as("gratuitous ARPs for every follower's address")
                .filteredOn(f -> FrameKind.classify(f) == FrameKind.ARP).hasSizeGreaterThanOrEqualTo(FOLLOWERS);

        clock.advance(10 * SECOND);
        assertThat(wire).as("no follower ever sends an advert").noneMatch(f -> FrameKind.classify(f) == FrameKind.VRRP);

        leaderIs(VrrsState.BACKUP);
        awaitFollowers("BACKUP");
        assertThat(r1.virtualAddresses("eth0")).isEmpty();
        assertThat(vrrs.group("F1").orElseThrow().state()).isEqualTo(VrrsState.BACKUP);

        leaderIs(VrrsState.INIT);
        awaitFollowers("INITIALIZE");
        assertThat(wire).noneMatch(f -> FrameKind.classify(f) == FrameKind.VRRP);
    }

    @Test
    void aFollowerAddedWhileItsLeaderIsActiveStartsAsMaster() {
        leaderIs(VrrsState.ACTIVE);
        for (int vrid = 1; vrid <= FOLLOWERS; vrid++) {
            follower(vrid, "LEADER");
        }
        awaitFollowers("MASTER");

        follower(FOLLOWERS + 1, "LEADER"); // joins a name others follow already: told the state it is in
        await().until(() -> {
            clock.runUntilIdle();
            return "MASTER".equals(states.get("F" + (FOLLOWERS + 1)));
        });
    }

    @Test
    void loopsOfLeadersAreRefusedInOneLine() throws Exception {
        Map<String, Object> self = new HashMap<>(Map.of("network", "r1", "interfaceName", "eth0", "vrid", 9,
                "addresses", "192.0.2.109", "name", "A", "follow", "A"));
        assertThatThrownBy(() -> VrrpGroupComponent.READER.read(self))
                .hasMessageContaining("follow 'A' is the group's own name: a group cannot follow itself")
                .hasMessageNotContaining("\n");

        follower(1, "F2"); // F1 follows F2
        follower(2, "F3"); // F2 follows F3
        assertThatThrownBy(() -> follower(3, "F1")) // F3 following F1 would close the loop
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("follow 'F1' would make a loop of leaders (F3 follows F1 follows F2 follows F3): refused");
        AutoCloseable f3 = follower(3, "LEADER"); // anything else is fine: a chain LEADER -> F3 -> F2 -> F1
        leaderIs(VrrsState.ACTIVE);
        await().until(() -> {
            clock.runUntilIdle();
            return "MASTER".equals(states.get("F1")) && "MASTER".equals(states.get("F2"));
        });
        f3.close();
    }

    /** Through the components, as files configure it: the group closing the loop is one ERROR line and runs nothing. */
    @Test
    void aLoopFromFilesIsOneLineAndTheOtherGroupsRunOn() throws Exception {
        VrrpService service = new VrrpService(Map.of());
        Map<String, Object> a = new HashMap<>(Map.of("service.pid", "org.openvrrs.vrrp.group~a",
                "interfaceName", "eth0", "vrid", "1", "addresses", "192.0.2.101", "name", "A", "follow", "B"));
        Map<String, Object> b = new HashMap<>(Map.of("service.pid", "org.openvrrs.vrrp.group~b",
                "interfaceName", "eth0", "vrid", "2", "addresses", "192.0.2.102", "name", "B", "follow", "A"));
        new VrrpGroupComponent(service, a, vrrs.whiteboard());
        List<String> log = org.openvrrs.config.test.LogCapture.of(
                () -> new VrrpGroupComponent(service, b, vrrs.whiteboard()));
        assertThat(org.openvrrs.config.test.LogCapture.errors(log)).containsExactly("VRRP group eth0/IPv4/2: follow "
                + "'A' would make a loop of leaders (B follows A follows B): refused (nothing runs from it until it is "
                + "corrected)");
        assertThat(service.status()).extracting(s -> s.config().vrid()).containsExactly(1);
    }

    @Test
    void aFollowerWithUnicastPeersIsRefused() {
        Map<String, Object> both = new HashMap<>(Map.of("interfaceName", "eth0", "vrid", 9, "addresses",
                "192.0.2.109", "follow", "LEADER", "unicastPeers", "192.0.2.3"));
        assertThatThrownBy(() -> VrrpGroupComponent.READER.read(both))
                .hasMessageContaining("follow and unicastPeers exclude each other");
    }
}
