package org.openvrrs.plugin.accounting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openvrrs.plugin.accounting.internal.Fixtures.factories;
import static org.openvrrs.plugin.accounting.internal.Fixtures.map;
import static org.openvrrs.plugin.accounting.internal.Fixtures.server;
import static org.openvrrs.plugin.accounting.internal.Fixtures.state;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openvrrs.plugin.accounting.internal.queue.DurableQueue;
import org.openvrrs.plugin.accounting.internal.radius.MinaTransport;
import org.openvrrs.vrrs.api.VrrsState;

/**
 * The plug-in against a real FreeRADIUS on 127.0.0.1 (started per test with a generated configuration, stopped by
 * pid): what arrives in the detail file is what an operator's accounting server records.
 */
class FreeRadiusAccountingTest {
    private static final String SECRET = "test-secret-7";
    private Path work;
    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        FreeRadius.assumeInstalled();
        work = Files.createTempDirectory("openvrrs-acct-test");
    }

    @AfterEach
    void tearDown() throws Exception {
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            cleanup.get(i).close();
        }
        FreeRadius.deleteTree(work);
    }

    private FreeRadius radius(String name) throws IOException {
        FreeRadius r = new FreeRadius(work.resolve(name), SECRET);
        cleanup.add(r);
        return r;
    }

    private AccountingEngine engine(AccountingModel model) throws IOException {
        AccountingEngine e = new AccountingEngine(new DurableQueue(work.resolve("queue")), model,
                Clock.systemUTC(), MinaTransport::new);
        cleanup.add(e);
        return e;
    }

    private static AccountingModel model(Map<String, List<Map<String, ?>>> factories) {
        return ConfigParser.parse(map("retryInterval", 1), factories);
    }

    @Test
    void activeThenBackupGivesOnThenOffWithEveryAttribute() throws Exception {
        FreeRadius radius = radius("r1").start();
        AccountingEngine engine = engine(model(factories(
                ConfigParser.SERVER_PID, server("rad1", radius.port, SECRET, 2, 2),
                ConfigParser.METHOD_LIST_PID, map("name", "default", "groups", "group radius"),
                ConfigParser.ATTRIBUTE_LIST_PID, map("name", "vrrp-1-attr", "attributes",
                        new String[] {"nas-identifier \"edge-1\"", "class gold", "nas-port 7"}),
                ConfigParser.GROUP_PID, map("name", "DT-CLUSTER-1", "attributeList", "vrrp-1-attr", "delay", 1))));

        engine.groupChanged(state("DT-CLUSTER-1", VrrsState.INIT, VrrsState.BACKUP)); // not a transition of ours
        engine.groupChanged(state("DT-CLUSTER-1", VrrsState.BACKUP, VrrsState.ACTIVE));
        engine.groupChanged(state("DT-CLUSTER-1", VrrsState.ACTIVE, VrrsState.BACKUP));

        await().atMost(Duration.ofSeconds(15)).until(() -> radius.records().size() == 2);
        List<Map<String, String>> records = radius.records();
        Map<String, String> on = records.get(0);
        Map<String, String> off = records.get(1);
        assertThat(on).containsEntry("Acct-Status-Type", "Accounting-On")
                .containsEntry("NAS-IP-Address", "192.0.2.2")
                .containsEntry("Cisco-AVPair", "vrrs=DT-CLUSTER-1")
                .containsEntry("Acct-Delay-Time", "0")
                .containsEntry("NAS-Identifier", "edge-1")
                .containsEntry("Class", "0x676f6c64") // FreeRADIUS prints Class (octets) in hex: "gold"
                .containsEntry("NAS-Port", "7")
                .containsKey("Acct-Session-Id");
        assertThat(off).containsEntry("Acct-Status-Type", "Accounting-Off")
                .containsEntry("NAS-IP-Address", "192.0.2.2")
                .containsEntry("Cisco-AVPair", "vrrs=DT-CLUSTER-1")
                .containsEntry("NAS-Identifier", "edge-1")
                .containsKey("Acct-Session-Id");
        // the Off waited its accounting delay (1 s), and says so
        assertThat(Integer.parseInt(off.get("Acct-Delay-Time"))).isGreaterThanOrEqualTo(1);
        assertThat(on.get("Acct-Session-Id")).isNotEqualTo(off.get("Acct-Session-Id"));

        await().atMost(Duration.ofSeconds(5)).until(() -> engine.status().queued() == 0);
        AccountingStatus.Server s = engine.status().servers().get(0);
        assertThat(s.sent()).isEqualTo(2);
        assertThat(s.acknowledged()).isEqualTo(2);
        assertThat(Files.list(work.resolve("queue")).count()).isZero();
    }

    @Test
    void wrongSecretIsNotAcknowledgedAndRecordsStayQueued() throws Exception {
        FreeRadius radius = radius("r1").start();
        AccountingEngine engine = engine(model(factories(
                ConfigParser.SERVER_PID, server("rad1", radius.port, "not-the-secret", 1, 1),
                ConfigParser.METHOD_LIST_PID, map("name", "default", "groups", "radius"))));

        engine.groupChanged(state("G1", VrrsState.BACKUP, VrrsState.ACTIVE));
        engine.groupChanged(state("G1", VrrsState.ACTIVE, VrrsState.BACKUP));

        // FreeRADIUS checks our Request Authenticator, finds the key wrong and drops the request
        await().atMost(Duration.ofSeconds(15)).until(() -> engine.status().servers().get(0).failed() >= 1);
        assertThat(radius.log()).contains("Shared secret is incorrect");
        AccountingStatus st = engine.status();
        assertThat(st.servers().get(0).acknowledged()).isZero();
        assertThat(st.servers().get(0).retransmitted()).isGreaterThanOrEqualTo(1);
        assertThat(st.queued()).isEqualTo(2);
        assertThat(st.servers().get(0).queued()).isEqualTo(2);
        assertThat(radius.records()).isEmpty();
        try (var files = Files.list(work.resolve("queue"))) {
            assertThat(files.count()).isEqualTo(2);
        }
    }

    @Test
    void outageAndRestartLoseNothingAndKeepOrder() throws Exception {
        FreeRadius radius = radius("r1"); // configured, not running: the outage
        AccountingModel model = model(factories(
                ConfigParser.SERVER_PID, server("rad1", radius.port, SECRET, 1, 0),
                ConfigParser.METHOD_LIST_PID, map("name", "default", "groups", "group radius")));
        AccountingEngine first = engine(model);
        for (int i = 0; i < 20; i++) {
            first.groupChanged(state("FLIP", VrrsState.BACKUP, VrrsState.ACTIVE));
            first.groupChanged(state("FLIP", VrrsState.ACTIVE, VrrsState.BACKUP));
        }
        assertThat(first.status().queued()).isEqualTo(40);
        first.close(); // the appliance goes down during the outage

        AccountingEngine second = engine(model); // a new instance reading the same queue directory
        radius.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> radius.records().size() >= 40);
        await().atMost(Duration.ofSeconds(10)).until(() -> second.status().queued() == 0);
        List<Map<String, String>> records = radius.records();
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Map<String, String> r = records.get(i);
            String type = r.get("Acct-Status-Type");
            if (!sessions.contains(r.get("Acct-Session-Id"))) { // a resend may arrive twice (at-least-once)
                sessions.add(r.get("Acct-Session-Id"));
                assertThat(type).as("record %d", sessions.size())
                        .isEqualTo(sessions.size() % 2 == 1 ? "Accounting-On" : "Accounting-Off");
            }
        }
        assertThat(sessions).hasSize(40);
        // the session ids were made in flip order: their sequence suffixes increase
        List<Long> seqs = sessions.stream().map(s -> Long.parseLong(s.substring(s.indexOf('-') + 1))).toList();
        assertThat(seqs).isSorted();
    }

    @Test
    void deadFirstServerFailsOverToTheSecond() throws Exception {
        FreeRadius radius = radius("r2").start();
        try (DatagramSocket blackHole = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            AccountingEngine engine = engine(model(factories(
                    ConfigParser.SERVER_PID, server("a-dead", blackHole.getLocalPort(), SECRET, 1, 1),
                    ConfigParser.SERVER_PID, server("b-live", radius.port, SECRET, 1, 1),
                    ConfigParser.SERVER_GROUP_PID, map("name", "RAD-GROUP", "servers", "a-dead, b-live"),
                    ConfigParser.METHOD_LIST_PID, map("name", "METHOD1", "groups", "group RAD-GROUP"),
                    ConfigParser.GROUP_PID, map("name", "G2", "method", "METHOD1"))));

            engine.groupChanged(state("G2", VrrsState.INIT, VrrsState.ACTIVE));
            engine.groupChanged(state("G2", VrrsState.ACTIVE, VrrsState.INIT));

            await().atMost(Duration.ofSeconds(20)).until(() -> radius.records().size() == 2);
            assertThat(radius.records()).extracting(r -> r.get("Acct-Status-Type"))
                    .containsExactly("Accounting-On", "Accounting-Off");
            await().atMost(Duration.ofSeconds(5)).until(() -> engine.status().queued() == 0);
            Map<String, AccountingStatus.Server> byName = new java.util.HashMap<>();
            engine.status().servers().forEach(s -> byName.put(s.name(), s));
            assertThat(byName.get("a-dead").failed()).isGreaterThanOrEqualTo(1);
            assertThat(byName.get("a-dead").acknowledged()).isZero();
            assertThat(byName.get("b-live").acknowledged()).isEqualTo(2);
        }
    }
}
