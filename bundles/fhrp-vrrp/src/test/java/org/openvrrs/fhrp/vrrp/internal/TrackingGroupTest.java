package org.openvrrs.fhrp.vrrp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvrrs.fhrp.vrrp.internal.SimulatedLanTest.SECOND;
import static org.openvrrs.fhrp.vrrp.internal.SimulatedLanTest.ip;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openvrrs.fhrp.vrrp.internal.VirtualRouter.State;
import org.openvrrs.fhrp.vrrp.internal.packet.Ipv4ChecksumMode;
import org.openvrrs.fhrp.vrrp.internal.packet.VrrpVersion;
import org.openvrrs.fhrp.vrrp.internal.track.GroupTracking;
import org.openvrrs.fhrp.vrrp.internal.track.SyncGroups;
import org.openvrrs.fhrp.vrrp.internal.track.TrackBinding;
import org.openvrrs.fhrp.vrrp.internal.track.TrackConfig;
import org.openvrrs.fhrp.vrrp.internal.track.TrackInputs;
import org.openvrrs.fhrp.vrrp.internal.track.TrackType;
import org.openvrrs.fhrp.vrrp.internal.track.Tracker;
import org.openvrrs.net.api.InterfaceAddress;
import org.openvrrs.net.sim.SimLan;
import org.openvrrs.net.sim.SimRouter;
import org.openvrrs.net.sim.VirtualScheduler;
import org.openvrrs.vrrs.api.AddressFamily;
import org.openvrrs.vrrs.api.MacAddress;
import org.openvrrs.vrrs.api.ServerUpdate;
import org.openvrrs.vrrs.api.StateReason;
import org.openvrrs.vrrs.api.VrrsState;

/**
 * Tracking and sync groups on a simulated LAN and the virtual clock: r1 (150, tracking its uplink) against r2 (120),
 * one engine and one tracker as on the appliance.
 */
class TrackingGroupTest {
    final VirtualScheduler clock = new VirtualScheduler();
    /** Route checks answer within the virtual clock's step (a real thread would race the check's timeout). */
    final Tracker tracker = new Tracker(clock, Runnable::run);
    final SyncGroups syncGroups = new SyncGroups();
    final VrrpEngine engine = new VrrpEngine(Map.of(), true);
    final List<SimLan> lans = new ArrayList<>();
    final SimRouter r1 = new SimRouter("r1", clock);
    final SimRouter r2 = new SimRouter("r2", clock);
    final List<ServerUpdate> r1Updates = new ArrayList<>();

    TrackingGroupTest() {
        for (int i = 0; i < 3; i++) {
            SimLan lan = new SimLan("lan" + i, clock);
            lans.add(lan);
            r1.addInterface("eth" + i, lan, MacAddress.parse("0200.0000.01" + i + "1"),
                    InterfaceAddress.parse("192.0.2." + (2 + 10 * i) + "/24"));
            r2.addInterface("eth" + i, lan, MacAddress.parse("0200.0000.01" + i + "2"),
                    InterfaceAddress.parse("192.0.2." + (3 + 10 * i) + "/24"));
        }
        SimLan uplink = new SimLan("uplink", clock);
        r1.addInterface("up0", uplink, MacAddress.parse("0200.0000.0199"),
                InterfaceAddress.parse("198.51.100.2/24"));
        engine.addNetwork("r1", r1);
        engine.addNetwork("r2", r2);
        tracker.addNetwork("r1", r1);
        tracker.configure(new TrackConfig(1, TrackType.INTERFACE, "r1", "up0", null, List.of(), null, 1, 2, 1, 1,
                0));
        tracker.configure(new TrackConfig(2, TrackType.ROUTE, "r1", "", InterfaceAddress.parse("198.51.100.0/24"),
                List.of(), null, 1, 2, 1, 1, 0));
    }

    static VrrpGroupConfig config(String network, int i, int priority, String vip) {
        return new VrrpGroupConfig(network, "eth" + i, 10 + i, AddressFamily.IPV4, VrrpVersion.V3, List.of(ip(vip)),
                priority, 1000, true, 0, true, false, "", "", Ipv4ChecksumMode.PSEUDO_HEADER);
    }

    /** A group on r1 with its track lines and sync group, bound as VrrpGroupComponent binds it. */
    VrrpEngine.Handle tracked(VrrpGroupConfig c, String syncGroup, String... track) {
        TrackInputs inputs = new TrackInputs();
        new TrackBinding(tracker, syncGroups, c.key(), GroupTracking.parse(track, syncGroup), inputs);
        VrrpEngine.Handle h = engine.add(c, GroupOptions.NONE, (t, u) -> r1Updates.add(u), inputs);
        clock.runUntilIdle();
        return h;
    }

    VrrpEngine.Handle peer(int i) {
        VrrpEngine.Handle h = engine.add(config("r2", i, 120, "192.0.2." + (1 + 10 * i)), (t, u) -> { });
        clock.runUntilIdle();
        return h;
    }

    static State state(VrrpEngine.Handle h) {
        return h.group().status().state();
    }

    @Test
    void aDownUplinkLowersThePriorityAtOnceAndThePeerPreemptsThenItPreemptsBack() {
        VrrpEngine.Handle mine = tracked(config("r1", 0, 150, "192.0.2.1"), "", "1 decrement 60");
        VrrpEngine.Handle theirs = peer(0);
        clock.advance(5 * SECOND);
        assertThat(state(mine)).isEqualTo(State.MASTER);
        long sent = mine.group().statistics().sentAdvertisements();

        r1.setLink("up0", false);
        clock.runUntilIdle(); // no time passes
        assertThat(mine.group().status().priority()).isEqualTo(90);
        assertThat(mine.group().statistics().sentAdvertisements()).as("advertised at once").isEqualTo(sent + 1);
        ServerUpdate last = r1Updates.get(r1Updates.size() - 1);
        assertThat(last.state()).isEqualTo(VrrsState.ACTIVE);
        assertThat(last.reason()).isEqualTo(StateReason.PRIORITY);
        String show = ShowVrrpFormat.detail(mine.group().status());
        assertThat(show).contains("  Priority is 90 (configured 150)\n    Track object 1 state Down since ");
        assertThat(show).contains(", decrement 60\n");

        clock.advance(4 * SECOND); // r2's master down interval: 3 + (256 - 120) / 256 s
        assertThat(state(theirs)).isEqualTo(State.MASTER);
        assertThat(state(mine)).isEqualTo(State.BACKUP);
        assertThat(r1Updates.get(r1Updates.size() - 1)).as("VRRS hears why it lost").extracting(ServerUpdate::state,
                ServerUpdate::reason).containsExactly(VrrsState.BACKUP, StateReason.PRIORITY);

        r1.setLink("up0", true);
        clock.runUntilIdle();
        assertThat(mine.group().status().priority()).isEqualTo(150);
        assertThat(r1Updates.get(r1Updates.size() - 1).reason()).isEqualTo(StateReason.PRIORITY);
        clock.advance(4 * SECOND);
        assertThat(state(mine)).isEqualTo(State.MASTER);
        assertThat(state(theirs)).isEqualTo(State.BACKUP);
        assertThat(r1Updates.get(r1Updates.size() - 1)).extracting(ServerUpdate::state, ServerUpdate::reason)
                .containsExactly(VrrsState.ACTIVE, StateReason.PRIORITY);
    }

    @Test
    void shutdownTrackingHoldsTheGroupInInitAndResignsSoThePeerTakesOverInSkewTime() {
        VrrpEngine.Handle mine = tracked(config("r1", 0, 150, "192.0.2.1"), "", "1 shutdown");
        VrrpEngine.Handle theirs = peer(0);
        clock.advance(5 * SECOND);
        assertThat(state(mine)).isEqualTo(State.MASTER);

        r1.setLink("up0", false);
        clock.runUntilIdle();
        assertThat(state(mine)).isEqualTo(State.INITIALIZE);
        assertThat(mine.group().statistics().sentPriZeroPackets()).as("resigned").isEqualTo(1);
        assertThat(r1Updates.get(r1Updates.size() - 1)).extracting(ServerUpdate::state, ServerUpdate::reason)
                .containsExactly(VrrsState.INIT, StateReason.PRIORITY);
        assertThat(ShowVrrpFormat.initReason(mine.group().status()))
                .isEqualTo("tracked object down: track 1 (interface r1/up0 line-protocol) down");
        clock.advance(SECOND); // skew time (256 - 120) / 256 s
        assertThat(state(theirs)).isEqualTo(State.MASTER);

        r1.setLink("up0", true);
        clock.runUntilIdle();
        assertThat(state(mine)).isEqualTo(State.BACKUP);
        clock.advance(4 * SECOND);
        assertThat(state(mine)).isEqualTo(State.MASTER);
    }

    @Test
    void aRouteThatGoesAwayIsTrackedOnTheSimulatedRouterAsAConnectedRoute() {
        VrrpEngine.Handle mine = tracked(config("r1", 0, 150, "192.0.2.1"), "", "2 decrement 60");
        clock.advance(5 * SECOND);
        assertThat(mine.group().status().priority()).isEqualTo(150);
        r1.removeAddress("up0", InterfaceAddress.parse("198.51.100.2/24"));
        clock.advance(SECOND); // the next poll
        assertThat(mine.group().status().priority()).isEqualTo(90);
        r1.addAddress("up0", InterfaceAddress.parse("198.51.100.2/24"));
        clock.advance(SECOND);
        assertThat(mine.group().status().priority()).isEqualTo(150);
    }

    @Test
    void theAddressOwnerIsNotLoweredItGoesToInitAndResigns() {
        r1.addAddress("eth0", InterfaceAddress.parse("192.0.2.1/24"));
        VrrpEngine.Handle mine = tracked(config("r1", 0, 150, "192.0.2.1"), "", "1 decrement 60");
        VrrpEngine.Handle theirs = peer(0);
        clock.advance(SECOND);
        assertThat(mine.group().status().priority()).isEqualTo(255);
        assertThat(state(mine)).isEqualTo(State.MASTER);

        r1.setLink("up0", false);
        clock.runUntilIdle();
        assertThat(state(mine)).isEqualTo(State.INITIALIZE);
        assertThat(ShowVrrpFormat.initReason(mine.group().status())).endsWith("(address owner: not lowered, stopped)");
        clock.advance(SECOND);
        assertThat(state(theirs)).isEqualTo(State.MASTER);
        r1.setLink("up0", true);
        clock.runUntilIdle();
        assertThat(state(mine)).as("the owner takes over at once").isEqualTo(State.MASTER);
    }

    @Test
    void aSyncGroupOfThreeMovesTogetherWhenOneMembersInterfaceFails() {
        List<VrrpEngine.Handle> mine = new ArrayList<>();
        List<VrrpEngine.Handle> theirs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(tracked(config("r1", i, 150, "192.0.2." + (1 + 10 * i)), "G"));
            theirs.add(peer(i));
        }
        clock.advance(5 * SECOND);
        assertThat(mine).allMatch(h -> state(h) == State.MASTER);

        r1.setLink("eth1", false);
        clock.runUntilIdle();
        assertThat(mine).allMatch(h -> state(h) == State.INITIALIZE);
        assertThat(ShowVrrpFormat.initReason(mine.get(0).group().status()))
                .isEqualTo("sync group: sync group G: r1/eth1/IPv4/11 interface down");
        assertThat(mine.get(1).group().status().initReason()).isEqualTo(InitReason.INTERFACE_DOWN);
        clock.advance(4 * SECOND); // eth1's peer waits its master down interval, the others their skew time
        assertThat(theirs).allMatch(h -> state(h) == State.MASTER);

        r1.setLink("eth1", true);
        clock.runUntilIdle();
        assertThat(mine).allMatch(h -> state(h) == State.BACKUP);
        clock.advance(4 * SECOND);
        assertThat(mine).allMatch(h -> state(h) == State.MASTER);
        assertThat(theirs).allMatch(h -> state(h) == State.BACKUP);
    }

    @Test
    void aTrackObjectThatDoesNotExistChangesNothing() throws Exception {
        VrrpEngine.Handle mine = tracked(config("r1", 0, 150, "192.0.2.1"), "", "7 decrement 60");
        List<String> log = org.openvrrs.config.test.LogCapture.of(() -> clock.advance(10 * SECOND));
        assertThat(log.stream().filter(l -> l.contains(" WARN ")).map(l -> l.substring(l.indexOf(" - ") + 3)))
                .as("one line, after the other files had their chance").containsExactly(
                        "VRRP r1/eth0/IPv4/10: track 7 is not configured; ignored until it is");
        assertThat(state(mine)).isEqualTo(State.MASTER);
        assertThat(mine.group().status().priority()).isEqualTo(150);
        assertThat(ShowVrrpFormat.detail(mine.group().status())).contains("    Track object 7 not configured\n");
    }
}
