package org.openvrrs.fhrp.vrrp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.openvrrs.config.api.ConfigException;
import org.openvrrs.fhrp.vrrp.internal.packet.Ipv4ChecksumMode;
import org.openvrrs.fhrp.vrrp.internal.packet.VrrpAdvert;
import org.openvrrs.fhrp.vrrp.internal.packet.VrrpCodec;
import org.openvrrs.net.api.FrameKind;
import org.openvrrs.net.api.Frames;
import org.openvrrs.net.api.InterfaceAddress;
import org.openvrrs.net.sim.SimLan;
import org.openvrrs.net.sim.SimRouter;
import org.openvrrs.net.sim.VirtualScheduler;
import org.openvrrs.vrrs.api.MacAddress;

/**
 * Unicast peers (keepalived {@code unicast_peer}) on the simulated LAN and virtual clock: adverts go to each listed
 * peer, to its MAC, never to the VRRP group; adverts from anyone else are dropped and counted; a key listing nothing
 * is refused.
 */
class UnicastPeersTest {
    static final long SECOND = 1_000_000_000L;

    final VirtualScheduler clock = new VirtualScheduler();
    final SimLan lan = new SimLan("lan0", clock);
    final VrrpRuntime vrrp = new VrrpRuntime();
    final Map<String, SimRouter> routers = new HashMap<>();
    final Map<String, String> states = new HashMap<>();
    final Map<String, String> masters = new HashMap<>();
    /** Every VRRP frame put on the LAN, as on the wire. */
    final List<byte[]> wire = new CopyOnWriteArrayList<>();

    UnicastPeersTest() {
        lan.dropMatching(frame -> {
            if (FrameKind.classify(frame) == FrameKind.VRRP) {
                wire.add(frame);
            }
            return false; // a tap: nothing is lost
        });
    }

    static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    static MacAddress mac(int n) {
        return MacAddress.parse("0200.0000.010" + n);
    }

    /** Router rN at 192.0.2.(1+N) and fe80::(1+N) with group 7 of {@code family}, configured by {@code extra}. */
    void router(int n, String family, int priority, Map<String, Object> extra) {
        SimRouter r = routers.computeIfAbsent("r" + n, name -> {
            SimRouter added = new SimRouter(name, clock);
            added.addInterface("eth0", lan, mac(n), InterfaceAddress.parse("192.0.2." + (1 + n) + "/24"),
                    InterfaceAddress.parse("fe80::" + (1 + n) + "/64"),
                    InterfaceAddress.parse("2001:db8::" + (1 + n) + "/64"));
            vrrp.addNetwork(name, added);
            return added;
        });
        Map<String, Object> props = new HashMap<>(Map.of("network", r.name(), "interfaceName", "eth0", "vrid", 7,
                "family", family, "addresses", family.equals("ipv4") ? "192.0.2.1" : "2001:db8::1",
                "priority", priority));
        props.putAll(extra);
        vrrp.addGroup(props, (group, state, master, p) -> {
            states.put(r.name() + "/" + family, state);
            masters.put(r.name() + "/" + family, master);
        });
    }

    List<byte[]> vrrpFramesFrom(int n) {
        return wire.stream().filter(f -> Frames.source(f).equals(mac(n))).toList();
    }

    @Test
    void ipv4AdvertsGoToEachPeerAtItsMacAndNeverToTheGroup() {
        router(1, "ipv4", 200, Map.of("unicastPeers", new String[] {"192.0.2.3", "192.0.2.4"}));
        router(2, "ipv4", 100, Map.of("unicastPeers", "192.0.2.2"));
        router(3, "ipv4", 50, Map.of("unicastPeers", "192.0.2.2"));
        clock.advance(5 * SECOND);

        assertThat(states).containsEntry("r1/ipv4", "MASTER").containsEntry("r2/ipv4", "BACKUP")
                .containsEntry("r3/ipv4", "BACKUP");
        assertThat(wire).isNotEmpty().noneMatch(f -> Frames.destination(f).equals(VrrpCodec.IPV4_GROUP_MAC));
        List<byte[]> fromR1 = vrrpFramesFrom(1);
        assertThat(fromR1).isNotEmpty();
        // one advert per interval to each peer: the IP destination is the peer, the MAC the peer's
        List<String> destinations = new ArrayList<>();
        for (byte[] f : fromR1) {
            byte[] ip = Arrays.copyOfRange(f, Frames.ETHERNET_HEADER_LENGTH, f.length);
            InetAddress to = Frames.ipDestination(ip);
            destinations.add(to.getHostAddress());
            assertThat(Frames.destination(f)).isEqualTo(to.equals(ip("192.0.2.3")) ? mac(2) : mac(3));
            assertThat(VrrpCodec.decodeFrame(f).isAccepted()).as("checksum over the peer's pseudo-header").isTrue();
        }
        assertThat(destinations).contains("192.0.2.3", "192.0.2.4");
        assertThat(destinations.stream().filter("192.0.2.3"::equals).count())
                .isEqualTo(destinations.stream().filter("192.0.2.4"::equals).count());
        assertThat(vrrpFramesFrom(2)).as("Backups are silent").isEmpty();
    }

    @Test
    void ipv6AdvertsGoToEachPeerAndNeverToTheGroup() {
        router(1, "ipv6", 200, Map.of("unicastPeers", "fe80::3"));
        router(2, "ipv6", 100, Map.of("unicastPeers", "fe80::2"));
        clock.advance(5 * SECOND);

        assertThat(states).containsEntry("r1/ipv6", "MASTER").containsEntry("r2/ipv6", "BACKUP");
        assertThat(vrrpFramesFrom(1)).isNotEmpty().allMatch(f -> Frames.destination(f).equals(mac(2))
                && Frames.ipDestination(Arrays.copyOfRange(f, 14, f.length)).equals(ip("fe80::3")));
        assertThat(wire).noneMatch(f -> Frames.destination(f).equals(VrrpCodec.IPV6_GROUP_MAC));

        routers.get("r1").stop(); // r2 takes over; its adverts to the dead peer find no neighbour, none go multicast
        clock.advance(4 * SECOND);
        assertThat(states).containsEntry("r2/ipv6", "MASTER");
        routers.get("r1").start(); // r1 comes back, hears r2's unicast adverts, and preempts
        clock.advance(5 * SECOND);
        assertThat(states).containsEntry("r1/ipv6", "MASTER").containsEntry("r2/ipv6", "BACKUP");
        assertThat(vrrpFramesFrom(2)).as("r2's adverts while Master, once r1 answered").isNotEmpty()
                .allMatch(f -> Frames.destination(f).equals(mac(1)));
        assertThat(wire).noneMatch(f -> Frames.destination(f).equals(VrrpCodec.IPV6_GROUP_MAC));
    }

    @Test
    void advertsFromAnUnlistedSourceAreDroppedAndCounted() {
        router(1, "ipv4", 100, Map.of("unicastPeers", "192.0.2.3"));
        router(2, "ipv4", 50, Map.of("unicastPeers", "192.0.2.2"));
        router(3, "ipv4", 254, Map.of()); // multicast, highest priority, listed by nobody
        clock.advance(10 * SECOND);

        assertThat(states).as("r3's adverts do not move r1").containsEntry("r1/ipv4", "MASTER")
                .containsEntry("r2/ipv4", "BACKUP").containsEntry("r3/ipv4", "MASTER");
        assertThat(wire).as("r3 sent multicast adverts r1 and r2 heard")
                .filteredOn(f -> Frames.destination(f).equals(VrrpCodec.IPV4_GROUP_MAC)).hasSizeGreaterThan(3);
        // vrrp:statistics reads on the network thread, which is this test's: run the clock until it has answered
        java.util.concurrent.CompletableFuture<String> read =
                java.util.concurrent.CompletableFuture.supplyAsync(vrrp::statistics);
        while (!read.isDone()) {
            clock.runUntilIdle();
            Thread.onSpinWait();
        }
        String statistics = read.join();
        assertThat(statistics).containsPattern("Drops: .*unicast_peer [1-9]")
                .containsPattern("Adverts from sources not among its unicast peers [1-9]");
    }

    @Test
    void aUnicastSourceIsTheAddressAdvertsLeaveFrom() {
        router(1, "ipv6", 200, Map.of("unicastPeers", "2001:db8::3", "unicastSource", "2001:db8::2"));
        router(2, "ipv6", 100, Map.of("unicastPeers", "2001:db8::2", "unicastSource", "2001:db8::3"));
        clock.advance(5 * SECOND);
        assertThat(states).containsEntry("r1/ipv6", "MASTER").containsEntry("r2/ipv6", "BACKUP");
        assertThat(masters).containsEntry("r1/ipv6", "2001:db8::2").containsEntry("r2/ipv6", "2001:db8::2");
    }

    /**
     * keepalived sends IPv6 unicast adverts with the kernel's default hop limit (64): a listed peer's are taken,
     * whatever the hop limit; a multicast group still requires 255 (RFC 5798 7.1).
     */
    @Test
    void aListedPeersAdvertsAreTakenWhateverTheirHopLimit() throws Exception {
        router(1, "ipv6", 100, Map.of("unicastPeers", "2001:db8::9", "unicastSource", "2001:db8::2"));
        router(2, "ipv6", 100, Map.of());
        SimRouter peer = new SimRouter("peer", clock);
        peer.addInterface("eth0", lan, mac(9), InterfaceAddress.parse("2001:db8::9/64"));
        VrrpAdvert advert = VrrpAdvert.v3(7, 200, ip("2001:db8::9"), List.of(ip("2001:db8::1")), 100);
        for (String to : List.of("2001:db8::2", "2001:db8::3")) {
            byte[] frame = new byte[VrrpCodec.frameLength(advert)];
            VrrpCodec.encodeInto(frame, advert, mac(9), Ipv4ChecksumMode.PSEUDO_HEADER, ip(to));
            byte[] packet = Arrays.copyOfRange(frame, Frames.ETHERNET_HEADER_LENGTH, frame.length);
            packet[7] = 64; // the hop limit, outside the checksum
            byte[] send = packet;
            for (int second = 0; second < 10; second++) {
                clock.schedule(second * SECOND, () -> peer.sendIp("eth0", ip(to), send));
            }
        }
        clock.advance(9 * SECOND);
        assertThat(states).as("r1 follows the listed peer").containsEntry("r1/ipv6", "BACKUP");
        assertThat(masters).containsEntry("r1/ipv6", "2001:db8::9");
        assertThat(states).as("r2, multicast, drops the hop-limit-64 adverts").containsEntry("r2/ipv6", "MASTER");
    }

    @Test
    void anEmptyListIsRefusedNeverTakenForMulticast() {
        Map<String, Object> base = Map.of("interfaceName", "eth0", "vrid", 7, "addresses", "192.0.2.1");
        Map<String, Object> empty = new HashMap<>(base);
        empty.put("unicastPeers", "");
        assertThatThrownBy(() -> VrrpGroupComponent.READER.read(empty)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("unicastPeers lists no address: list the peers, or remove the key to use "
                        + "multicast").hasMessageNotContaining("\n");
        Map<String, Object> wrongFamily = new HashMap<>(base);
        wrongFamily.put("unicastPeers", "2001:db8::3");
        assertThatThrownBy(() -> VrrpGroupComponent.READER.read(wrongFamily))
                .hasMessageContaining("unicast peer 2001:db8::3 is not IPv4");
        Map<String, Object> sourceOnly = new HashMap<>(base);
        sourceOnly.put("unicastSource", "192.0.2.2");
        assertThatThrownBy(() -> VrrpGroupComponent.READER.read(sourceOnly))
                .hasMessageContaining("unicastSource is set but unicastPeers is not");
        assertThat(VrrpGroupComponent.OPTIONS_READER.read(base).unicast()).isEqualTo(UnicastPeers.MULTICAST);
    }
}
