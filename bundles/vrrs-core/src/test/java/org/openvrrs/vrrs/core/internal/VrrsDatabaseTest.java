package org.openvrrs.vrrs.core.internal;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openvrrs.vrrs.api.AddressFamily;
import org.openvrrs.vrrs.api.ClientInfo;
import org.openvrrs.vrrs.api.ClientPriority;
import org.openvrrs.vrrs.api.GroupState;
import org.openvrrs.vrrs.api.MacAddress;
import org.openvrrs.vrrs.api.ServerUpdate;
import org.openvrrs.vrrs.api.StateReason;
import org.openvrrs.vrrs.api.VrrsBatchClient;
import org.openvrrs.vrrs.api.VrrsState;

class VrrsDatabaseTest {
    private final VrrsDatabase db = new VrrsDatabase(2, 50, 300);
    private final RegistryUser registry = new RegistryUser(db);

    @AfterEach
    void close() {
        db.close();
    }

    static InetAddress ip(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** An IPv4 update whose active address carries a sequence number, so tests can check order. */
    static ServerUpdate update(VrrsState state, int seq) {
        return new ServerUpdate(state, StateReason.PROTOCOL, AddressFamily.IPV4, ip("192.0.2.1"),
                MacAddress.vrrp(AddressFamily.IPV4, 1), ip("198.51.100." + (seq % 256)), ip("203.0.113." + (seq / 256)));
    }

    static int seqOf(GroupState s) {
        return (s.activeAddress().getAddress()[3] & 0xff) + 256 * (s.standbyAddress().getAddress()[3] & 0xff);
    }

    @Test
    void serverPublishesAndFollowersArePushedStateWithOldState() {
        RecordingClient client = new RecordingClient();
        ClientHandle reg = registry.registerClient("VRRS TEST CLIENT", ClientPriority.LOW, false, client);
        reg.follow("VRRP-TEST-1");
        await().until(() -> client.received.size() == 1);
        assertThat(client.last().hasServer()).isFalse();
        assertThat(client.last().state()).isEqualTo(VrrsState.INIT);

        ServerHandle server = registry.registerServer("VRRP", "VRRP-TEST-1");
        server.update(update(VrrsState.BACKUP, 1));
        server.update(update(VrrsState.ACTIVE, 2));

        await().until(() -> client.last() != null && client.last().state() == VrrsState.ACTIVE);
        GroupState active = client.last();
        assertThat(active.server()).isEqualTo("VRRP");
        assertThat(active.oldState()).isEqualTo(VrrsState.BACKUP);
        assertThat(active.virtualAddress()).isEqualTo(ip("192.0.2.1"));
        assertThat(active.virtualMac()).isEqualTo(MacAddress.parse("0000.5e00.0101"));
        assertThat(registry.group("VRRP-TEST-1")).contains(active);
        assertThat(registry.groups()).extracting(GroupState::group).containsExactly("VRRP-TEST-1");
    }

    @Test
    void followingAnUnknownGroupCreatesItUnservedAndLeavingRemovesIt() {
        ClientHandle reg = registry.registerClient("c", ClientPriority.NORMAL, false, s -> { });
        reg.follow("DT-CLUSTER-3");
        GroupState g = registry.group("DT-CLUSTER-3").orElseThrow();
        assertThat(g.hasServer()).isFalse();
        assertThat(g.state()).isEqualTo(VrrsState.INIT);
        assertThat(g.virtualAddress()).isEqualTo(ip("0.0.0.0"));
        assertThat(reg.following()).containsExactly("DT-CLUSTER-3");

        reg.unfollow("DT-CLUSTER-3");
        assertThat(registry.group("DT-CLUSTER-3")).isEmpty();
    }

    @Test
    void removingTheServerLeavesTheGroupInitWithoutServerForItsFollowers() {
        RecordingClient client = new RecordingClient();
        registry.registerClient("c", ClientPriority.HIGH, false, client).follow("G");
        ServerHandle server = registry.registerServer("VRRP", "G");
        server.update(update(VrrsState.ACTIVE, 1));
        await().until(() -> client.last() != null && client.last().isActive());

        server.close();
        await().until(() -> !client.last().hasServer());
        GroupState last = client.last();
        assertThat(last.state()).isEqualTo(VrrsState.INIT);
        assertThat(last.oldState()).isEqualTo(VrrsState.ACTIVE);
        assertThat(last.reason()).isEqualTo(StateReason.SERVER_REMOVED);
        assertThat(last.virtualMac()).isEqualTo(MacAddress.ZERO);
        assertThat(server.update(update(VrrsState.ACTIVE, 2))).as("an update through a closed handle").isFalse();
        assertThat(registry.group("G").orElseThrow().state()).isEqualTo(VrrsState.INIT);
        server.close(); // idempotent
    }

    @Test
    void highClientsFinishBeforeNormalStartAndNormalBeforeLow() throws Exception {
        VrrsDatabase slowTiers = new VrrsDatabase(2, 50, 60_000);
        try {
            RegistryUser r = new RegistryUser(slowTiers);
            List<String> events = new CopyOnWriteArrayList<>();
            CountDownLatch releaseHigh = new CountDownLatch(1);
            ServerHandle server = r.registerServer("VRRP", "G");
            // registered in reverse priority order, so id order cannot explain the result
            r.registerClient("low", ClientPriority.LOW, false, s -> events.add("low " + s.state())).follow("G");
            r.registerClient("normal", ClientPriority.NORMAL, false, s -> events.add("normal " + s.state()))
                    .follow("G");
            r.registerClient("high", ClientPriority.HIGH, false, s -> {
                if (s.isActive()) {
                    events.add("high start");
                    await().atMost(ofSeconds(10)).until(() -> releaseHigh.getCount() == 0);
                    events.add("high end");
                }
            }).follow("G");
            await().until(() -> events.size() == 2); // the follow pushes (INIT) to low and normal
            events.clear();

            server.update(update(VrrsState.ACTIVE, 1));
            await().until(() -> events.contains("high start"));
            // while High works on the update, no lower level may start it
            await().during(ofMillis(200)).atMost(ofSeconds(2)).until(() -> events.size() == 1);
            releaseHigh.countDown();
            await().until(() -> events.size() == 4);
            assertThat(events).containsExactly("high start", "high end", "normal ACTIVE", "low ACTIVE");
        } finally {
            slowTiers.close();
        }
    }

    @Test
    void aClientIsNeverCalledTwiceAtOnceAndSeesEachGroupInOrderEndingWithTheLatest() throws Exception {
        RecordingClient client = new RecordingClient() {
            @Override
            void onState(GroupState state) {
                Thread.onSpinWait(); // a little work, to let states pile up
            }
        };
        ClientHandle reg = registry.registerClient("c", ClientPriority.NORMAL, false, client);
        List<ServerHandle> servers = new ArrayList<>();
        for (int g = 0; g < 8; g++) {
            reg.follow("G" + g);
            servers.add(registry.registerServer("VRRP", "G" + g));
        }
        ExecutorService pushers = Executors.newFixedThreadPool(4);
        int updates = 2000;
        for (ServerHandle s : servers) {
            pushers.execute(() -> {
                for (int i = 1; i <= updates; i++) {
                    s.update(update(i % 2 == 0 ? VrrsState.ACTIVE : VrrsState.BACKUP, i));
                }
            });
        }
        pushers.shutdown();
        assertThat(pushers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        for (int g = 0; g < 8; g++) {
            String name = "G" + g;
            await().atMost(ofSeconds(10)).until(() -> {
                List<GroupState> got = client.of(name);
                return !got.isEmpty() && got.get(got.size() - 1).hasServer() && seqOf(got.get(got.size() - 1)) == updates;
            });
            List<Integer> seqs = client.of(name).stream().filter(GroupState::hasServer)
                    .filter(s -> s.state() != VrrsState.INIT).map(VrrsDatabaseTest::seqOf).toList();
            assertThat(seqs).isSorted().doesNotHaveDuplicates();
        }
        assertThat(client.maxRunning.get()).isEqualTo(1);
    }

    @Test
    void aBatchClientTakesWhatWaitsInOneCallEachGroupOnceInOrderEndingWithTheLatest() throws Exception {
        CountDownLatch firstCallHeld = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<List<GroupState>> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        VrrsBatchClient batch = states -> {
            calls.add(List.copyOf(states));
            if (calls.size() == 1) {
                firstCallHeld.countDown();
                await().atMost(ofSeconds(20)).until(() -> release.getCount() == 0);
            }
        };
        ClientHandle reg = registry.registerClient("accounting-like", ClientPriority.LOW, true, batch);
        ServerHandle first = registry.registerServer("VRRP", "G0");
        first.update(update(VrrsState.ACTIVE, 1));
        assertThat(firstCallHeld.await(10, TimeUnit.SECONDS)).isTrue(); // the client is busy with G0

        List<ServerHandle> servers = new ArrayList<>();
        for (int g = 1; g <= 40; g++) {
            ServerHandle s = registry.registerServer("VRRP", "G" + g);
            servers.add(s);
            s.update(update(VrrsState.BACKUP, 1));
            s.update(update(VrrsState.ACTIVE, 2));
        }
        // every group's first state waits in the mailbox and was replaced there by its latest
        await().atMost(ofSeconds(10)).until(() -> registry.clients().stream().filter(c -> c.id() == reg.id())
                .findFirst().orElseThrow().coalesced() >= 40);
        release.countDown();

        await().until(() -> calls.stream().mapToLong(c -> c.stream().filter(s -> s.hasServer() && seqOf(s) == 2)
                .count()).sum() == 40);
        // what waited while the client was busy came in one call
        assertThat(calls.get(1)).extracting(GroupState::group).containsAll(
                java.util.stream.IntStream.rangeClosed(1, 40).mapToObj(g -> "G" + g).toList());
        assertThat(calls.get(1)).extracting(GroupState::state).containsOnly(VrrsState.ACTIVE);
        for (List<GroupState> call : calls) {
            assertThat(call).extracting(GroupState::group).doesNotHaveDuplicates();
        }
        for (int g = 1; g <= 40; g++) {
            String name = "G" + g;
            List<Integer> seqs = calls.stream().flatMap(List::stream).filter(s -> s.group().equals(name))
                    .filter(GroupState::hasServer).map(VrrsDatabaseTest::seqOf).toList();
            assertThat(seqs).isSorted().doesNotHaveDuplicates().endsWith(2);
        }
        ClientInfo info = registry.clients().stream().filter(c -> c.id() == reg.id()).findFirst().orElseThrow();
        assertThat(info.delivered()).isEqualTo(calls.stream().mapToLong(List::size).sum());
    }

    @Test
    void aThrowingClientIsCountedAndHoldsBackNobody() {
        RecordingClient good = new RecordingClient();
        RecordingClient lower = new RecordingClient();
        ClientHandle bad = registry.registerClient("bad", ClientPriority.HIGH, false, s -> {
            throw new IllegalStateException("boom (expected by the test)");
        });
        bad.follow("G");
        registry.registerClient("good", ClientPriority.HIGH, false, good).follow("G");
        registry.registerClient("lower", ClientPriority.LOW, false, lower).follow("G");
        ServerHandle server = registry.registerServer("VRRP", "G");
        server.update(update(VrrsState.ACTIVE, 1));

        await().until(() -> lower.last() != null && lower.last().isActive());
        assertThat(good.last().isActive()).isTrue();
        ClientInfo info = registry.clients().stream().filter(c -> c.id() == bad.id()).findFirst().orElseThrow();
        assertThat(info.failed()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aStalledClientHoldsBackNeitherItsNeighboursNorLowerPrioritiesAndGetsTheLatestStateLater() {
        CountDownLatch unblock = new CountDownLatch(1);
        RecordingClient stalled = new RecordingClient() {
            @Override
            void onState(GroupState state) {
                if (state.isActive()) {
                    await().atMost(ofSeconds(20)).until(() -> unblock.getCount() == 0);
                }
            }
        };
        registry.registerClient("stalled", ClientPriority.HIGH, false, stalled).follow("G");
        List<RecordingClient> neighbours = new ArrayList<>();
        for (int i = 0; i < 100; i++) { // more than a dispatch chunk, same priority, after the stalled one
            RecordingClient c = new RecordingClient();
            neighbours.add(c);
            registry.registerClient("n" + i, ClientPriority.HIGH, false, c).follow("G");
        }
        RecordingClient lower = new RecordingClient();
        registry.registerClient("lower", ClientPriority.LOW, false, lower).follow("G");
        ServerHandle server = registry.registerServer("VRRP", "G");

        server.update(update(VrrsState.ACTIVE, 1));
        await().atMost(ofSeconds(5)).until(() -> neighbours.stream().allMatch(c -> c.last().isActive()));
        await().atMost(ofSeconds(5)).until(() -> lower.last().isActive());

        server.update(update(VrrsState.BACKUP, 2));
        server.update(update(VrrsState.INIT, 3));
        await().atMost(ofSeconds(5)).until(() -> lower.last().state() == VrrsState.INIT);
        assertThat(stalled.received).noneMatch(GroupState::isActive); // still inside the ACTIVE callback

        unblock.countDown();
        await().atMost(ofSeconds(5)).until(() -> stalled.last() != null && stalled.last().state() == VrrsState.INIT
                && seqOf(stalled.last()) == 3);
        assertThat(db.dispatcher().stalls()).isPositive();
        // BACKUP (2) waited in the mailbox and was replaced by INIT (3): coalesced, never delivered (the set-up's
        // pushes may have been coalesced too, when the machine is busy: hence at least one)
        assertThat(stalled.received).noneMatch(s -> s.hasServer() && seqOf(s) == 2);
        assertThat(registry.clients().stream().filter(c -> c.name().equals("stalled")).findFirst().orElseThrow()
                .coalesced()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void anAllGroupsClientGetsEveryGroupNowAndLater() {
        registry.registerServer("VRRP", "A").update(update(VrrsState.ACTIVE, 1));
        registry.registerServer("VRRP", "B").update(update(VrrsState.BACKUP, 1));
        RecordingClient all = new RecordingClient();
        registry.registerClient("VRRS-Accounting", ClientPriority.LOW, true, all);
        await().until(() -> all.of("A").size() == 1 && all.of("B").size() == 1);
        registry.registerServer("VRRP", "C").update(update(VrrsState.ACTIVE, 1));
        await().until(() -> !all.of("C").isEmpty() && all.of("C").get(all.of("C").size() - 1).isActive());
        assertThat(db.recipients("C")).extracting(ClientInfo::name).containsExactly("VRRS-Accounting");
    }

    @Test
    void releasingABundleRemovesEverythingItRegistered() {
        RegistryUser plugin = new RegistryUser(db);
        RecordingClient other = new RecordingClient();
        registry.registerClient("other", ClientPriority.LOW, false, other).follow("SRV");
        plugin.registerClient("VRRS-Plugins", ClientPriority.HIGH, false, s -> { }).follow("ONLY-PLUGIN");
        plugin.registerServer("VRRP", "SRV").update(update(VrrsState.ACTIVE, 1));
        await().until(() -> other.last() != null && other.last().isActive());

        plugin.release();

        assertThat(registry.clients()).extracting(ClientInfo::name).containsExactly("other");
        assertThat(registry.group("ONLY-PLUGIN")).isEmpty();
        await().until(() -> !other.last().hasServer());
        assertThat(registry.group("SRV").orElseThrow().state()).isEqualTo(VrrsState.INIT);
    }

    @Test
    void aClosedClientIsNotCalledAgainAndItsHandleRefusesWork() {
        RecordingClient client = new RecordingClient();
        ClientHandle reg = registry.registerClient("c", ClientPriority.LOW, false, client);
        reg.follow("G");
        ServerHandle server = registry.registerServer("VRRP", "G");
        await().until(() -> client.received.size() >= 1);
        reg.close();
        int seen = client.received.size();
        server.update(update(VrrsState.ACTIVE, 1));
        RecordingClient witness = new RecordingClient();
        registry.registerClient("w", ClientPriority.LOW, false, witness).follow("G");
        await().until(() -> witness.last() != null && witness.last().isActive());
        assertThat(client.received).hasSize(seen);
        assertThatThrownBy(() -> reg.follow("H")).isInstanceOf(IllegalStateException.class)
                .hasMessage("client " + reg.id() + " is not registered");
        reg.close(); // idempotent
    }

    @Test
    void badInputIsRefusedWithASpecificMessage() {
        assertThatThrownBy(() -> registry.registerServer("VRRP", "")).hasMessage("group name is empty");
        assertThatThrownBy(() -> registry.registerServer("VRRP", "has space"))
                .hasMessageContaining("no spaces");
        assertThatThrownBy(() -> registry.registerServer("VRRP", "x".repeat(65)))
                .hasMessage("group name is 65 characters long; the limit is 64");
        assertThatThrownBy(() -> registry.registerServer(null, "G")).hasMessage("server protocol name is empty");
        assertThatThrownBy(() -> registry.registerClient("", ClientPriority.LOW, false, s -> { }))
                .hasMessage("client name is empty");
        assertThatThrownBy(() -> registry.registerClient("c", null, false, s -> { }))
                .hasMessageContaining("priority is required");
        assertThatThrownBy(() -> registry.registerClient("c", ClientPriority.LOW, false, null))
                .hasMessageContaining("callback is required");

        registry.registerServer("VRRP", "G");
        assertThatThrownBy(() -> registry.registerServer("HSRP", "G"))
                .isInstanceOf(IllegalStateException.class).hasMessage("group G already has server VRRP");

        ClientHandle reg = registry.registerClient("c", ClientPriority.LOW, false, s -> { });
        reg.follow("G");
        assertThatThrownBy(() -> reg.follow("G")).hasMessage("client " + reg.id() + " already follows group G");
        assertThatThrownBy(() -> reg.unfollow("H")).hasMessage("client " + reg.id() + " does not follow group H");

        assertThatThrownBy(() -> new ServerUpdate(null, StateReason.PROTOCOL, AddressFamily.IPV4, ip("192.0.2.1"),
                MacAddress.ZERO, ip("192.0.2.2"), ip("192.0.2.3"))).hasMessage("state is required");
        assertThatThrownBy(() -> new ServerUpdate(VrrsState.ACTIVE, StateReason.PROTOCOL, AddressFamily.IPV4,
                ip("2001:db8::1"), MacAddress.ZERO, ip("192.0.2.2"), ip("192.0.2.3")))
                .hasMessage("virtual address 2001:db8:0:0:0:0:0:1 is not an IPv4 address");
        assertThatThrownBy(() -> registry.registerServer("VRRP", "G2").update(null))
                .hasMessage("server update is null");
        // nothing of the refused calls was kept
        assertThat(registry.clients()).hasSize(1);
        assertThat(registry.groups()).extracting(GroupState::group).containsExactly("G", "G2");
    }

    @Test
    void fanoutLatencyTimesEachRoundUntilItsSlowestClientReturned() throws Exception {
        List<VrrsState> seen = new CopyOnWriteArrayList<>();
        registry.registerClient("slow", ClientPriority.LOW, true, s -> {
            try {
                Thread.sleep(120); // longer than the 0.1 s bucket, shorter than the 300 ms tier timeout
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            seen.add(s.state());
        });
        var before = db.fanoutLatency();
        int atTenthOfSecond = before.upperBoundsSeconds().indexOf(0.1);
        registry.registerServer("VRRP", "LATENCY").update(update(VrrsState.ACTIVE, 1)); // two rounds: INIT, ACTIVE
        await().until(() -> seen.contains(VrrsState.ACTIVE) && db.fanoutLatency().count() == before.count() + 2);

        var after = db.fanoutLatency();
        assertThat(after.sumSeconds() - before.sumSeconds()).isGreaterThanOrEqualTo(0.24);
        assertThat(after.cumulativeCounts().get(atTenthOfSecond)).isEqualTo(before.cumulativeCounts()
                .get(atTenthOfSecond));
        assertThat(after.upperBoundsSeconds()).isSorted().hasSameSizeAs(after.cumulativeCounts());
        assertThat(after.cumulativeCounts()).isSorted();
        assertThat(after.cumulativeCounts().get(after.cumulativeCounts().size() - 1)).isLessThanOrEqualTo(
                after.count());
    }
}
