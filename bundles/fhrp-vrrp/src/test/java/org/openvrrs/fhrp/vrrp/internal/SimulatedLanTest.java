package org.openvrrs.fhrp.vrrp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openvrrs.fhrp.vrrp.internal.VirtualRouter.State;
import org.openvrrs.fhrp.vrrp.internal.packet.Ipv4ChecksumMode;
import org.openvrrs.fhrp.vrrp.internal.packet.VrrpVersion;
import org.openvrrs.net.api.InterfaceAddress;
import org.openvrrs.net.sim.SimHost;
import org.openvrrs.net.sim.SimLan;
import org.openvrrs.net.sim.SimRouter;
import org.openvrrs.net.sim.VirtualScheduler;
import org.openvrrs.vrrs.api.AddressFamily;
import org.openvrrs.vrrs.api.MacAddress;

/** Two and three VRRP routers on one simulated LAN, on a virtual clock: election, failover, preemption. */
class SimulatedLanTest {
    static final long MS = 1_000_000L;
    static final long SECOND = 1000 * MS;

    final VirtualScheduler clock = new VirtualScheduler();
    final SimLan lan = new SimLan("lan0", clock);
    VrrpEngine engine = new VrrpEngine(java.util.Map.of(), true);
    final List<SimRouter> routers = new ArrayList<>();
    final List<VrrpEngine.Handle> handles = new ArrayList<>();
    final SimHost host = new SimHost("host1", lan, MacAddress.parse("0200.0000.0110"),
            InterfaceAddress.parse("192.0.2.10/24"));
    static final InetAddress VIP = ip("192.0.2.1");

    static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    static VrrpGroupConfig config(String network, int priority, int version, AddressFamily family,
            List<InetAddress> vips) {
        return new VrrpGroupConfig(network, "eth0", 7, family, version == 2 ? VrrpVersion.V2 : VrrpVersion.V3, vips,
                priority, 1000, true, 0, false, false, "", "", Ipv4ChecksumMode.PSEUDO_HEADER);
    }

    /** Router rN at 192.0.2.(1+N) running group 7 with {@code priority}. */
    VrrpGroup router(int n, int priority) {
        return router(n, priority, 3, AddressFamily.IPV4, List.of(VIP));
    }

    VrrpGroup router(int n, int priority, int version, AddressFamily family, List<InetAddress> vips) {
        SimRouter r = new SimRouter("r" + n, clock);
        r.addInterface("eth0", lan, MacAddress.parse("0200.0000.010" + n),
                InterfaceAddress.parse("192.0.2." + (1 + n) + "/24"), InterfaceAddress.parse("fe80::" + n + "/64"),
                InterfaceAddress.parse("2001:db8::" + (1 + n) + "/64"));
        routers.add(r);
        engine.addNetwork(r.name(), r);
        VrrpEngine.Handle h = engine.add(config(r.name(), priority, version, family, vips), (t, update) -> { });
        handles.add(h);
        clock.runUntilIdle();
        return h.group();
    }

    State state(VrrpGroup g) {
        return g.status().state();
    }

    @Test
    void theHighestPriorityWinsAndHostsLearnTheVirtualMac() {
        VrrpGroup low = router(1, 100);
        VrrpGroup high = router(2, 200);
        clock.advance(5 * SECOND);
        assertThat(state(high)).isEqualTo(State.MASTER);
        assertThat(state(low)).isEqualTo(State.BACKUP);
        assertThat(low.status().masterAddress()).isEqualTo(ip("192.0.2.3"));

        host.arp(VIP);
        clock.advance(MS);
        assertThat(host.macFor(VIP)).contains(MacAddress.parse("0000.5e00.0107"));
        assertThat(routers.get(0).virtualAddresses("eth0")).isEmpty();
    }

    @Test
    void theBackupTakesOverWithinTheMasterDownIntervalAndThePreemptorComesBack() {
        VrrpGroup backup = router(1, 100);
        VrrpGroup master = router(2, 200);
        clock.advance(5 * SECOND);
        assertThat(state(master)).isEqualTo(State.MASTER);

        routers.get(1).stop();
        long mdi = 3 * SECOND + (256L - 100) * SECOND / 256;
        clock.advance(mdi); // the last advert was at most one interval ago, so mdi is enough
        assertThat(state(master)).isEqualTo(State.INITIALIZE);
        assertThat(state(backup)).isEqualTo(State.MASTER);
        assertThat(backup.statistics().masterTransitions()).isEqualTo(1);
        host.arp(VIP);
        clock.advance(MS);
        assertThat(host.macFor(VIP)).contains(MacAddress.parse("0000.5e00.0107"));

        routers.get(1).start();
        clock.advance(5 * SECOND); // back as Backup, it preempts after its master down interval
        assertThat(state(master)).isEqualTo(State.MASTER);
        assertThat(state(backup)).isEqualTo(State.BACKUP);
        assertThat(routers.get(0).virtualAddresses("eth0")).isEmpty();
    }

    @Test
    void removingTheMasterHandsOverAfterSkewTimeThanksToPriorityZero() {
        VrrpGroup backup = router(1, 100);
        VrrpGroup master = router(2, 200);
        clock.advance(5 * SECOND);
        engine.remove(handles.get(1));
        clock.runUntilIdle();
        long skew = (256L - 100) * SECOND / 256;
        clock.advance(skew);
        assertThat(state(backup)).isEqualTo(State.MASTER);
        assertThat(master.statistics().sentPriZeroPackets()).isEqualTo(1);
        assertThat(backup.statistics().rcvdPriZeroPackets()).isEqualTo(1);
    }

    @Test
    void threeRoutersElectOneMasterAndFailInPriorityOrder() {
        VrrpGroup a = router(1, 100);
        VrrpGroup b = router(2, 150);
        VrrpGroup c = router(3, 200);
        clock.advance(5 * SECOND);
        assertThat(List.of(state(a), state(b), state(c))).containsExactly(State.BACKUP, State.BACKUP, State.MASTER);

        routers.get(2).stop();
        clock.advance(4 * SECOND);
        assertThat(List.of(state(a), state(b))).containsExactly(State.BACKUP, State.MASTER);

        routers.get(1).stop();
        clock.advance(4 * SECOND);
        assertThat(state(a)).isEqualTo(State.MASTER);
    }

    @Test
    void equalPrioritiesElectTheHigherAddress() {
        VrrpGroup a = router(1, 100);
        VrrpGroup b = router(2, 100);
        clock.advance(10 * SECOND);
        assertThat(state(b)).isEqualTo(State.MASTER); // 192.0.2.3 > 192.0.2.2
        assertThat(state(a)).isEqualTo(State.BACKUP);
    }

    @Test
    void theAddressOwnerIsMasterAtOnceWithPriority255() {
        VrrpGroup other = router(1, 200, 3, AddressFamily.IPV4, List.of(ip("192.0.2.4")));
        VrrpGroup owner = router(3, 100, 3, AddressFamily.IPV4, List.of(ip("192.0.2.4"))); // owns 192.0.2.4
        assertThat(state(owner)).isEqualTo(State.MASTER);
        assertThat(owner.status().priority()).isEqualTo(255);
        clock.advance(5 * SECOND);
        assertThat(state(other)).isEqualTo(State.BACKUP);
    }

    @Test
    void version2AndIpv6GroupsElectToo() {
        VrrpGroup v2low = router(1, 100, 2, AddressFamily.IPV4, List.of(VIP));
        VrrpGroup v2high = router(2, 200, 2, AddressFamily.IPV4, List.of(VIP));
        clock.advance(5 * SECOND);
        assertThat(List.of(state(v2low), state(v2high))).containsExactly(State.BACKUP, State.MASTER);

        List<InetAddress> v6 = List.of(ip("fe80::100"), ip("2001:db8::1"));
        SimulatedLanTest other = new SimulatedLanTest();
        VrrpGroup v6low = other.router(1, 100, 3, AddressFamily.IPV6, v6);
        VrrpGroup v6high = other.router(2, 200, 3, AddressFamily.IPV6, v6);
        other.clock.advance(5 * SECOND);
        assertThat(List.of(other.state(v6low), other.state(v6high))).containsExactly(State.BACKUP, State.MASTER);
        assertThat(v6low.status().masterAddress()).isEqualTo(ip("fe80::2"));
        assertThat(other.routers.get(1).virtualAddresses("eth0")).containsKeys(v6.get(0), v6.get(1));
    }

    @Test
    void lostAdvertsMakeTheBackupTakeOverAndTheMasterReclaimAtOnce() {
        VrrpGroup backup = router(1, 100);
        VrrpGroup master = router(2, 200);
        clock.advance(5 * SECOND);
        var rule = lan.dropMatching(SimLan.framesOf(org.openvrrs.net.api.FrameKind.VRRP,
                MacAddress.parse("0000.5e00.0107")));
        clock.advance(4 * SECOND);
        assertThat(state(backup)).isEqualTo(State.MASTER); // split brain while adverts are lost
        rule.close();
        clock.advance(2 * SECOND);
        assertThat(state(backup)).isEqualTo(State.BACKUP); // healed by the higher master's adverts
        assertThat(state(master)).isEqualTo(State.MASTER);
    }

    @Test
    void vrrpDelayReloadHoldsGroupsAfterStartAndMinimumAfterTheLinkComesBack() {
        engine = new VrrpEngine(InterfaceDelay.parse(new String[] {"r1/eth0 minimum 30 reload 60"}), true);
        VrrpGroup g = router(1, 100);
        clock.advance(59 * SECOND);
        assertThat(state(g)).isEqualTo(State.INITIALIZE);
        clock.advance(SECOND);
        assertThat(state(g)).isEqualTo(State.BACKUP);
        clock.advance(5 * SECOND);
        assertThat(state(g)).isEqualTo(State.MASTER);

        routers.get(0).setLink("eth0", false);
        clock.runUntilIdle();
        assertThat(state(g)).isEqualTo(State.INITIALIZE);
        assertThat(g.status().config().shutdown()).isFalse();
        routers.get(0).setLink("eth0", true);
        clock.advance(29 * SECOND);
        assertThat(state(g)).isEqualTo(State.INITIALIZE);
        clock.advance(SECOND);
        assertThat(state(g)).isEqualTo(State.BACKUP);
    }

    @Test
    void interfaceDelayLinesAreParsedOrRefusedClearly() {
        assertThat(InterfaceDelay.parse(new String[] {"eth0 minimum 30"}))
                .containsEntry("local/eth0", new InterfaceDelay(30, 30));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> InterfaceDelay.parse(new String[] {"eth0 maximum 3"}))
                .hasMessage("interface delay 'eth0 maximum 3': 'maximum' is not minimum or reload");
    }

    @Test
    void removingTheAddressStopsTheGroupAndShutdownResigns() {
        VrrpGroup backup = router(1, 100);
        VrrpGroup master = router(2, 200);
        clock.advance(5 * SECOND);
        routers.get(0).removeAddress("eth0", InterfaceAddress.parse("192.0.2.2/24"));
        clock.runUntilIdle();
        assertThat(state(backup)).isEqualTo(State.INITIALIZE);

        VrrpGroupConfig c = master.config();
        engine.reconfigure(handles.get(1), new VrrpGroupConfig(c.network(), c.interfaceName(), c.vrid(), c.family(),
                c.version(), c.addresses(), c.priority(), c.advertIntervalMillis(), c.preempt(),
                c.preemptDelaySeconds(), c.acceptMode(), true, c.description(), c.vrrsName(), c.checksum()));
        clock.runUntilIdle();
        assertThat(state(master)).isEqualTo(State.INITIALIZE);
        assertThat(master.statistics().sentPriZeroPackets()).isEqualTo(1);
        assertThat(routers.get(1).virtualAddresses("eth0")).isEmpty();
    }
}
