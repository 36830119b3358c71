package org.openvrrs.fhrp.vrrp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openvrrs.fhrp.vrrp.internal.SimulatedLanTest.SECOND;
import static org.openvrrs.fhrp.vrrp.internal.SimulatedLanTest.ip;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openvrrs.fhrp.vrrp.internal.packet.Ipv4ChecksumMode;
import org.openvrrs.fhrp.vrrp.internal.packet.VrrpVersion;
import org.openvrrs.net.api.InterfaceAddress;
import org.openvrrs.net.sim.SimLan;
import org.openvrrs.net.sim.SimRouter;
import org.openvrrs.net.sim.VirtualScheduler;
import org.openvrrs.vrrs.api.AddressFamily;
import org.openvrrs.vrrs.api.MacAddress;

/** vrrp:show tells why a group is in Init; vrrp delay applies to any interface name, '/' included. */
class InitReasonTest {
    static final String GI = "GigabitEthernet0/0/0";

    final VirtualScheduler clock = new VirtualScheduler();
    final SimLan lan = new SimLan("lan0", clock);
    VrrpEngine engine = new VrrpEngine(Map.of(), true);

    /** The appliance's own network ("local") with {@code ifname}, holding {@code addresses}. */
    SimRouter local(String ifname, String... addresses) {
        SimRouter r = new SimRouter("local", clock);
        r.addInterface(ifname, lan, MacAddress.parse("0200.0000.0101"),
                java.util.Arrays.stream(addresses).map(InterfaceAddress::parse).toArray(InterfaceAddress[]::new));
        engine.addNetwork(r.name(), r);
        return r;
    }

    static VrrpGroupConfig group(String ifname, AddressFamily family, boolean shutdown) {
        return new VrrpGroupConfig("", ifname, 7, family, VrrpVersion.V3,
                List.of(family == AddressFamily.IPV4 ? ip("192.0.2.1") : ip("2001:db8::1")), 100, 1000, true, 0,
                false, shutdown, "", "", Ipv4ChecksumMode.PSEUDO_HEADER);
    }

    GroupStatus status(VrrpGroupConfig c) {
        VrrpEngine.Handle h = engine.add(c, (t, u) -> { });
        clock.runUntilIdle();
        return h.group() == null ? GroupStatus.waiting(c) : h.group().status();
    }

    String stateLine(GroupStatus s) {
        return ShowVrrpFormat.detail(s).lines().filter(l -> l.startsWith("  State is")).findFirst().orElseThrow();
    }

    @Test
    void eachReasonIsShownAndInTheJson() {
        GroupStatus noNetwork = status(group("eth0", AddressFamily.IPV4, false));
        assertThat(stateLine(noNetwork)).isEqualTo("  State is Init (network missing)");
        assertThat(ShowVrrpFormat.json(noNetwork)).containsEntry("initReason", "network-missing");

        engine = new VrrpEngine(Map.of(), true);
        SimRouter r = local("eth0", "192.0.2.2/24");
        GroupStatus missing = status(group("eth1", AddressFamily.IPV4, false));
        assertThat(stateLine(missing)).isEqualTo("  State is Init (interface missing)");
        assertThat(ShowVrrpFormat.json(missing)).containsEntry("initReason", "interface-missing")
                .containsEntry("initReasonText", "interface missing").containsEntry("delayLeftMs", null);

        GroupStatus noLinkLocal = status(group("eth0", AddressFamily.IPV6, false));
        assertThat(stateLine(noLinkLocal)).isEqualTo("  State is Init (interface without an IPv6 link-local address)");
        assertThat(noLinkLocal.initReason()).isEqualTo(InitReason.NO_ADDRESS);

        VrrpEngine.Handle v4 = engine.add(group("eth0", AddressFamily.IPV4, false), (t, u) -> { });
        clock.runUntilIdle();
        assertThat(v4.group().status().state()).isEqualTo(VirtualRouter.State.BACKUP);
        assertThat(v4.group().status().initReason()).isNull();
        assertThat(stateLine(v4.group().status())).isEqualTo("  State is Backup");
        assertThat(ShowVrrpFormat.json(v4.group().status())).containsEntry("initReason", null);

        r.setLink("eth0", false);
        clock.runUntilIdle();
        assertThat(stateLine(v4.group().status())).isEqualTo("  State is Init (interface down)");
        r.setLink("eth0", true);
        r.removeAddress("eth0", InterfaceAddress.parse("192.0.2.2/24"));
        clock.runUntilIdle();
        assertThat(stateLine(v4.group().status())).isEqualTo("  State is Init (interface without an IPv4 address)");

        engine.reconfigure(v4, group("eth0", AddressFamily.IPV4, true));
        clock.runUntilIdle();
        assertThat(stateLine(v4.group().status())).isEqualTo("  State is Init (shutdown)");
        assertThat(ShowVrrpFormat.json(v4.group().status())).containsEntry("initReason", "shutdown");
    }

    @Test
    void aGroupWhoseInterfaceAppearsLaterStartsAndHearsItsPeers() {
        SimRouter r = local("eth0", "192.0.2.2/24");
        VrrpEngine.Handle h = engine.add(group("eth1", AddressFamily.IPV4, false), (t, u) -> { });
        clock.runUntilIdle();
        assertThat(h.group().status().initReason()).isEqualTo(InitReason.INTERFACE_MISSING);

        SimRouter peer = new SimRouter("peer", clock);
        peer.addInterface("eth0", lan, MacAddress.parse("0200.0000.0109"), InterfaceAddress.parse("192.0.2.9/24"));
        VrrpEngine peerEngine = new VrrpEngine(Map.of(), true);
        peerEngine.addNetwork("peer", peer);
        peerEngine.add(new VrrpGroupConfig("peer", "eth0", 7, AddressFamily.IPV4, VrrpVersion.V3,
                List.of(ip("192.0.2.1")), 200, 1000, true, 0, false, false, "", "", Ipv4ChecksumMode.PSEUDO_HEADER),
                (t, u) -> { });
        clock.advance(5 * SECOND);

        r.addInterface("eth1", lan, MacAddress.parse("0200.0000.0102"), InterfaceAddress.parse("192.0.2.3/24"));
        clock.advance(10 * SECOND);
        GroupStatus s = h.group().status();
        assertThat(s.state()).isEqualTo(VirtualRouter.State.BACKUP); // hears the Master, so stays Backup
        assertThat(s.masterAddress()).isEqualTo(ip("192.0.2.9"));
        assertThat(s.initReason()).isNull();
    }

    @Test
    void vrrpDelayIsAReasonWithTheSecondsLeftAndAppliesToNamesWithSlashes() {
        engine = new VrrpEngine(InterfaceDelay.parse(new String[] {GI + " minimum 30 reload 60"}), true);
        local(GI, "192.0.2.2/24");
        VrrpEngine.Handle h = engine.add(group(GI, AddressFamily.IPV4, false), (t, u) -> { });
        clock.runUntilIdle();
        clock.advance(20 * SECOND);
        GroupStatus s = h.group().status();
        assertThat(stateLine(s)).isEqualTo("  State is Init (waiting for vrrp delay, 40.000 sec left)");
        assertThat(ShowVrrpFormat.json(s)).containsEntry("initReason", "delay").containsEntry("delayLeftMs", 40_000L);
        clock.advance(40 * SECOND);
        assertThat(h.group().status().state()).isEqualTo(VirtualRouter.State.BACKUP);
    }

    @Test
    void delayLinesNameTheOwnInterfaceAsWrittenOrAnotherNetworksAsNetworkSlashInterface() {
        Map<String, InterfaceDelay> d = InterfaceDelay.parse(new String[] {GI + " minimum 30",
                "eth0 minimum 30 reload 60", "r1/eth1 reload 5", "local/eth2 minimum 7"});
        assertThat(InterfaceDelay.of(d, "local", GI)).isEqualTo(new InterfaceDelay(30, 30));
        assertThat(InterfaceDelay.of(d, "local", "eth0")).isEqualTo(new InterfaceDelay(30, 60));
        assertThat(InterfaceDelay.of(d, "r1", "eth1")).isEqualTo(new InterfaceDelay(0, 5));
        assertThat(InterfaceDelay.of(d, "local", "eth2")).isEqualTo(new InterfaceDelay(7, 7));
        assertThat(InterfaceDelay.of(d, "r1", "eth0")).isEqualTo(InterfaceDelay.NONE); // eth0 is the appliance's
        assertThat(InterfaceDelay.of(d, "local", "eth1")).isEqualTo(InterfaceDelay.NONE);
    }

    @Test
    void delayLinesItCannotReadAreRefusedInOneLine() {
        assertThatThrownBy(() -> InterfaceDelay.parse(new String[] {"eth0 minimum 30", "eth0 reload 5"}))
                .hasMessage("interface delay 'eth0 reload 5': eth0 is given twice");
        assertThatThrownBy(() -> InterfaceDelay.parse(new String[] {"/eth0 minimum 30"}))
                .hasMessage("interface delay '/eth0 minimum 30': '/eth0' is not IFNAME or NETWORK/IFNAME");
        assertThatThrownBy(() -> InterfaceDelay.parse(new String[] {GI + " minimum 20000"}))
                .hasMessage("interface delay '" + GI + " minimum 20000': 20000 seconds is outside 0-10000");
        assertThatThrownBy(() -> InterfaceDelay.parse(new String[] {GI + " minimum"}))
                .hasMessage("interface delay '" + GI + " minimum' is not IFNAME [minimum S] [reload S]");
        assertThatThrownBy(() -> InterfaceDelay.parse(new String[] {GI + " minimum x"}))
                .hasMessage("interface delay '" + GI + " minimum x': 'x' is not a number");
        // as the service reads its file: one line quoting what it cannot read
        assertThatThrownBy(() -> VrrpService.READER.read(Map.of("interfaceDelays", GI + " minimum 30, " + GI
                + " reload 60"))).hasMessage("configuration: interface delay '" + GI + " reload 60': " + GI
                + " is given twice");
        assertThat(VrrpService.READER.read(Map.of("interfaceDelays", GI + " minimum 30, r1/eth0 reload 5")))
                .containsKeys(GI, "r1/eth0");
    }
}
