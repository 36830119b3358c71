package org.openvrrs.fhrp.vrrp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openvrrs.net.api.InterfaceAddress;
import org.openvrrs.net.sim.SimLan;
import org.openvrrs.net.sim.SimRouter;
import org.openvrrs.net.sim.VirtualScheduler;
import org.openvrrs.vrrs.api.ClientPriority;
import org.openvrrs.vrrs.api.ClientSpec;
import org.openvrrs.vrrs.api.GroupState;
import org.openvrrs.vrrs.api.MacAddress;
import org.openvrrs.vrrs.api.StateReason;
import org.openvrrs.vrrs.api.VrrsState;
import org.openvrrs.vrrs.core.internal.StandaloneRegistry;

/**
 * Named VRRP groups as VRRS servers, through the same whiteboard the appliance uses: what the registry and a follower
 * see of election, failover, renaming and removal, on a virtual clock.
 */
class VrrsLinkTest {
    static final long SECOND = 1_000_000_000L;

    final VirtualScheduler clock = new VirtualScheduler();
    final SimLan lan = new SimLan("lan0", clock);
    final StandaloneRegistry vrrs = new StandaloneRegistry();
    final VrrpRuntime vrrp = new VrrpRuntime(vrrs.whiteboard());
    final List<GroupState> seen = new CopyOnWriteArrayList<>();

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

    /** Router rN at 192.0.2.(1+N) running group 7 for 192.0.2.1, published to VRRS as {@code name}. */
    AutoCloseable router(int n, int priority, String name) throws Exception {
        SimRouter r = new SimRouter("r" + n, clock);
        r.addInterface("eth0", lan, MacAddress.parse("0200.0000.010" + n),
                InterfaceAddress.parse("192.0.2." + (1 + n) + "/24"));
        vrrp.addNetwork(r.name(), r);
        routers.add(r);
        return vrrp.addGroup(Map.of("network", r.name(), "interfaceName", "eth0", "vrid", 7,
                "addresses", "192.0.2.1", "priority", priority, "name", name), (g, s, m, p) -> { });
    }

    final List<SimRouter> routers = new CopyOnWriteArrayList<>();

    GroupState group(String name) {
        return vrrs.group(name).orElseThrow();
    }

    @Test
    void electionFailoverAndRemovalReachTheRegistryAndFollowersInOrder() throws Exception {
        vrrs.whiteboard().client(seen::add, ClientSpec.following("T", ClientPriority.NORMAL, Set.of("G1", "G2")));
        AutoCloseable g1 = router(1, 200, "G1");
        router(2, 100, "G2");
        clock.advance(5 * SECOND);

        assertThat(group("G1").state()).isEqualTo(VrrsState.ACTIVE);
        assertThat(group("G1").server()).isEqualTo("VRRP");
        // the Master's standby is the last peer it heard: none yet, Backups are silent
        assertThat(List.of(group("G1").activeAddress(), group("G1").standbyAddress()))
                .containsExactly(ip("192.0.2.2"), ip("0.0.0.0"));
        assertThat(group("G2").state()).isEqualTo(VrrsState.BACKUP);
        assertThat(List.of(group("G2").activeAddress(), group("G2").standbyAddress()))
                .containsExactly(ip("192.0.2.2"), ip("192.0.2.3"));
        assertThat(group("G2").virtualMac()).isEqualTo(MacAddress.parse("0000.5e00.0107"));

        await().until(() -> lastSeen("G2") == VrrsState.BACKUP);

        routers.get(0).stop(); // r1 dies: r2 takes over within the master down interval
        clock.advance(4 * SECOND);
        assertThat(group("G1").state()).isEqualTo(VrrsState.INIT);
        assertThat(group("G1").reason()).isEqualTo(StateReason.INTERFACE);
        assertThat(group("G2").state()).isEqualTo(VrrsState.ACTIVE);
        assertThat(group("G2").oldState()).isEqualTo(VrrsState.BACKUP);

        g1.close(); // the group is removed: its server goes, the follower keeps the name
        assertThat(group("G1").hasServer()).isFalse();
        assertThat(group("G1").reason()).isEqualTo(StateReason.SERVER_REMOVED);

        // the follower is pushed the latest of each: G2 ACTIVE after the BACKUP it saw, G1 without a server
        await().until(() -> lastSeen("G2") == VrrsState.ACTIVE);
        await().until(() -> seen.stream().anyMatch(s -> s.group().equals("G1") && !s.hasServer()));
    }

    VrrsState lastSeen(String group) {
        List<GroupState> of = seen.stream().filter(s -> s.group().equals(group)).toList();
        return of.isEmpty() ? null : of.get(of.size() - 1).state();
    }

    @Test
    void aSecondServerForANameWaitsAndTakesOverWhenTheFirstGoes() throws Exception {
        AutoCloseable first = router(1, 200, "SAME");
        router(2, 100, "SAME");
        clock.advance(5 * SECOND);
        assertThat(group("SAME").state()).as("r1's group, the first declared").isEqualTo(VrrsState.ACTIVE);

        first.close();
        clock.advance(4 * SECOND); // r2 takes over as Master and now publishes the name
        assertThat(group("SAME").hasServer()).isTrue();
        assertThat(group("SAME").state()).isEqualTo(VrrsState.ACTIVE);
        assertThat(group("SAME").activeAddress()).isEqualTo(ip("192.0.2.3"));
    }
}
