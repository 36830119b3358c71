package org.openvrrs.plugin.accounting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvrrs.plugin.accounting.internal.Fixtures.factories;
import static org.openvrrs.plugin.accounting.internal.Fixtures.map;
import static org.openvrrs.plugin.accounting.internal.Fixtures.state;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openvrrs.net.sim.VirtualScheduler;
import org.openvrrs.plugin.accounting.internal.queue.DurableQueue;
import org.openvrrs.plugin.accounting.internal.radius.RadiusAttribute;
import org.openvrrs.vrrs.api.VrrsState;

/**
 * The plug-in's timers on a virtual clock: retransmission spacing, failover, the retry interval and the accounting
 * delay, each at the exact virtual millisecond. The transport is scripted; nothing reaches a network.
 */
class AccountingTimersTest {
    private static final long EPOCH = 1_796_000_000_000L;
    private static final String SECRET = "s3cret";
    private final VirtualScheduler scheduler = new VirtualScheduler();
    @TempDir
    Path dir;
    private ScriptedTransport transport;
    private AccountingEngine engine;

    @AfterEach
    void tearDown() {
        if (engine != null) {
            engine.close();
        }
        assertThat(scheduler.failures()).isEmpty();
    }

    private static Map<String, Object> server(String name, String address, int timeout, int retransmit) {
        return map("name", name, "address", address, "secret", SECRET, "timeout", timeout, "retransmit",
                retransmit);
    }

    private void start(Object... pidAndMap) throws Exception {
        AccountingModel model = ConfigParser.parse(map("retryInterval", 10), factories(pidAndMap));
        engine = new AccountingEngine(new DurableQueue(dir), model, Fixtures.wallClock(scheduler, EPOCH), scheduler,
                r -> transport = new ScriptedTransport(scheduler, r));
        scheduler.runUntilIdle();
    }

    private void advanceTo(long millis) {
        scheduler.advance(Duration.ofMillis(millis).toNanos() - scheduler.nanoTime());
    }

    private AccountingStatus status() {
        CompletableFuture<AccountingStatus> f = engine.statusLater();
        scheduler.runUntilIdle();
        return f.join();
    }

    private AccountingStatus.Server counters(String server) {
        return status().servers().stream().filter(s -> s.name().equals(server)).findFirst().orElseThrow();
    }

    @Test
    void aSilentServerGetsItsRetransmissionsOneTimeoutApartThenTheRecordWaitsTheRetryInterval() throws Exception {
        start(ConfigParser.SERVER_PID, server("rad1", "198.51.100.10", 5, 3),
                ConfigParser.METHOD_LIST_PID, map("name", "default", "groups", "radius"));
        engine.groupChanged(state("G", VrrsState.BACKUP, VrrsState.ACTIVE));

        advanceTo(29_999);
        // 1 + retransmit 3 tries, 5 s apart; the fourth times out at 20 s, then the retry interval (10 s)
        assertThat(transport.times()).containsExactly(0L, 5_000L, 10_000L, 15_000L);
        assertThat(transport.sent).extracting(s -> s.attribute(RadiusAttribute.ACCT_DELAY_TIME))
                .containsExactly(0L, 5L, 10L, 15L);
        assertThat(transport.sent).extracting(s -> s.text(RadiusAttribute.ACCT_SESSION_ID)).containsOnly(
                transport.sent.get(0).text(RadiusAttribute.ACCT_SESSION_ID));
        assertThat(transport.sent).extracting(s -> s.datagram()[1]).doesNotHaveDuplicates(); // new Identifiers
        AccountingStatus.Server rad1 = counters("rad1");
        assertThat(List.of(rad1.sent(), rad1.retransmitted(), rad1.failed(), (long) rad1.queued()))
                .containsExactly(1L, 3L, 1L, 1L);
        assertThat(status().groups().get(0).lastResult()).isEqualTo("queued, every server failed");

        advanceTo(30_000);
        assertThat(transport.times()).containsExactly(0L, 5_000L, 10_000L, 15_000L, 30_000L);
        assertThat(transport.sent.get(4).attribute(RadiusAttribute.ACCT_DELAY_TIME)).isEqualTo(30);

        transport.answer(transport.sent.get(4), SECRET);
        advanceTo(120_000);
        assertThat(transport.sent).hasSize(5);
        assertThat(status().queued()).isZero();
        assertThat(counters("rad1").acknowledged()).isEqualTo(1);
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void afterItsRetransmissionsTheNextServerOfTheGroupGetsTheRecord() throws Exception {
        start(ConfigParser.SERVER_PID, server("rad1", "198.51.100.10", 3, 2),
                ConfigParser.SERVER_PID, server("rad2", "198.51.100.11", 4, 1),
                ConfigParser.SERVER_GROUP_PID, map("name", "RAD-GROUP", "servers", "rad1, rad2"),
                ConfigParser.METHOD_LIST_PID, map("name", "default", "groups", "group RAD-GROUP"));
        engine.groupChanged(state("G", VrrsState.INIT, VrrsState.ACTIVE));

        advanceTo(12_999);
        // rad1: 1 + 2 tries, 3 s apart; its last times out at 9 s and rad2 gets the record at once, 4 s apart
        assertThat(transport.times()).containsExactly(0L, 3_000L, 6_000L, 9_000L);
        assertThat(transport.sent).extracting(s -> s.to().getAddress().getHostAddress())
                .containsExactly("198.51.100.10", "198.51.100.10", "198.51.100.10", "198.51.100.11");
        assertThat(status().groups().get(0).lastResult()).isEqualTo("sending to rad2");

        transport.answer(transport.sent.get(3), SECRET);
        advanceTo(60_000);
        assertThat(transport.sent).hasSize(4);
        assertThat(counters("rad1").failed()).isEqualTo(1);
        assertThat(counters("rad1").acknowledged()).isZero();
        assertThat(counters("rad2").acknowledged()).isEqualTo(1);
        assertThat(status().groups().get(0).lastResult()).isEqualTo("acknowledged by rad2");
    }

    @Test
    void everyServerFailedStartsTheRouteAgainAfterTheRetryInterval() throws Exception {
        start(ConfigParser.SERVER_PID, server("rad1", "198.51.100.10", 3, 0),
                ConfigParser.SERVER_PID, server("rad2", "198.51.100.11", 4, 0),
                ConfigParser.METHOD_LIST_PID, map("name", "default", "groups", "radius"));
        engine.groupChanged(state("G", VrrsState.INIT, VrrsState.ACTIVE));

        advanceTo(60_000);
        // rad1 at 0, rad2 at 3 s; both failed at 7 s; again at 17 s and 20 s, failed at 24 s; again at 34 s ...
        assertThat(transport.times()).containsExactly(0L, 3_000L, 17_000L, 20_000L, 34_000L, 37_000L, 51_000L,
                54_000L);
    }

    @Test
    void accountingOffWaitsTheGroupsDelayAndAnOnMeanwhileWaitsBehindIt() throws Exception {
        start(ConfigParser.SERVER_PID, server("rad1", "198.51.100.10", 5, 3),
                ConfigParser.METHOD_LIST_PID, map("name", "default", "groups", "radius"),
                ConfigParser.GROUP_PID, map("name", "G", "delay", 10));
        engine.groupChanged(state("G", VrrsState.INIT, VrrsState.ACTIVE));
        scheduler.runUntilIdle();
        assertThat(transport.times()).containsExactly(0L); // an On goes at once
        transport.answer(transport.sent.get(0), SECRET);

        advanceTo(3_000);
        engine.groupChanged(state("G", VrrsState.ACTIVE, VrrsState.BACKUP));
        advanceTo(5_000);
        engine.groupChanged(state("G", VrrsState.BACKUP, VrrsState.ACTIVE));
        advanceTo(12_999);
        assertThat(transport.sent).hasSize(1);

        advanceTo(13_000); // the Off, 10 s after its transition
        assertThat(transport.times()).containsExactly(0L, 13_000L);
        ScriptedTransport.Sent off = transport.sent.get(1);
        assertThat(off.attribute(RadiusAttribute.ACCT_STATUS_TYPE)).isEqualTo(8);
        assertThat(off.attribute(RadiusAttribute.ACCT_DELAY_TIME)).isEqualTo(10);

        transport.answer(off, SECRET); // then the On made at 5 s, which waited behind it
        assertThat(transport.times()).containsExactly(0L, 13_000L, 13_000L);
        ScriptedTransport.Sent on = transport.sent.get(2);
        assertThat(on.attribute(RadiusAttribute.ACCT_STATUS_TYPE)).isEqualTo(7);
        assertThat(on.attribute(RadiusAttribute.ACCT_DELAY_TIME)).isEqualTo(8);
    }
}
