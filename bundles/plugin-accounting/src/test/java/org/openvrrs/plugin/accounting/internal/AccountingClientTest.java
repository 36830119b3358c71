package org.openvrrs.plugin.accounting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openvrrs.plugin.accounting.internal.Fixtures.factories;
import static org.openvrrs.plugin.accounting.internal.Fixtures.map;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openvrrs.net.sim.VirtualScheduler;
import org.openvrrs.plugin.accounting.internal.queue.DurableQueue;
import org.openvrrs.plugin.accounting.internal.radius.RadiusAttribute;
import org.openvrrs.vrrs.api.ClientInfo;
import org.openvrrs.vrrs.api.ClientPriority;
import org.openvrrs.vrrs.api.ClientSpec;
import org.openvrrs.vrrs.api.ServerRegistration;
import org.openvrrs.vrrs.api.ServerSpec;
import org.openvrrs.vrrs.api.VrrsServer;
import org.openvrrs.vrrs.api.VrrsState;
import org.openvrrs.vrrs.api.VrrsWhiteboard;
import org.openvrrs.vrrs.core.internal.StandaloneRegistry;

/**
 * The accounting client on the registry's whiteboard (vrrs-core's database and whiteboard without OSGi): declared as
 * the component declares it, it is listed as the guide's client and accounts every group without following any.
 */
class AccountingClientTest {
    private static final String SECRET = "s3cret";
    private final StandaloneRegistry registry = new StandaloneRegistry();
    private final VirtualScheduler scheduler = new VirtualScheduler();
    @TempDir
    Path dir;
    private ScriptedTransport transport;
    private AccountingEngine engine;

    @AfterEach
    void tearDown() {
        registry.close();
        if (engine != null) {
            engine.close();
        }
    }

    /** A VRRP server of {@code group} that publishes ACTIVE when attached. */
    private static VrrsServer activeServer() {
        return new VrrsServer() {
            @Override
            public void attached(ServerRegistration registration) {
                registration.update(Fixtures.update(VrrsState.ACTIVE));
            }

            @Override
            public void detached(ServerRegistration registration) {
            }
        };
    }

    @Test
    void declaredOnTheWhiteboardItIsTheLowAllGroupsClientAndAccountsAGroupItDoesNotFollow() throws Exception {
        AccountingModel model = ConfigParser.parse(Map.of(), factories(
                ConfigParser.SERVER_PID, map("name", "rad1", "address", "198.51.100.10", "secret", SECRET),
                ConfigParser.METHOD_LIST_PID, map("name", "default", "groups", "radius")));
        engine = new AccountingEngine(new DurableQueue(dir), model, Fixtures.wallClock(scheduler, 0), scheduler,
                r -> transport = new ScriptedTransport(scheduler, r));
        scheduler.runUntilIdle();
        VrrsWhiteboard whiteboard = registry.whiteboard();
        VrrsWhiteboard.Declaration<ClientSpec> client = whiteboard.client(engine, AccountingComponent.CLIENT);

        assertThat(registry.clients()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("VRRS-Accounting");
            assertThat(c.priority()).isEqualTo(ClientPriority.LOW);
            assertThat(c.allGroups()).isTrue();
            assertThat(c.following()).isEmpty();
        });

        whiteboard.server(activeServer(), new ServerSpec("VRRP", "DT-CLUSTER-1", "local", "eth0"));
        // the registry calls back on its own threads; the record is written before the delivery task is queued
        await().atMost(Duration.ofSeconds(10)).until(() -> scheduler.pendingTasks() > 0);
        try (var files = Files.list(dir)) {
            assertThat(files).singleElement().satisfies(f -> assertThat(f.toString()).endsWith(".rec"));
        }
        scheduler.runUntilIdle();
        assertThat(transport.sent).singleElement().satisfies(s -> {
            assertThat(s.attribute(RadiusAttribute.ACCT_STATUS_TYPE)).isEqualTo(7);
            assertThat(s.text(RadiusAttribute.VENDOR_SPECIFIC)).endsWith("vrrs=DT-CLUSTER-1");
        });

        client.close();
        assertThat(registry.clients()).extracting(ClientInfo::name).doesNotContain("VRRS-Accounting");
    }

    @Test
    void transitionsHandedOverTogetherAreWrittenDurablyAsOneFileAndEachIsSent() throws Exception {
        AccountingModel model = ConfigParser.parse(Map.of(), factories(
                ConfigParser.SERVER_PID, map("name", "rad1", "address", "198.51.100.10", "secret", SECRET),
                ConfigParser.METHOD_LIST_PID, map("name", "default", "groups", "radius")));
        engine = new AccountingEngine(new DurableQueue(dir), model, Fixtures.wallClock(scheduler, 0), scheduler,
                r -> transport = new ScriptedTransport(scheduler, r));
        scheduler.runUntilIdle();

        engine.groupsChanged(java.util.List.of(Fixtures.state("G1", VrrsState.BACKUP, VrrsState.ACTIVE),
                Fixtures.state("G2", VrrsState.BACKUP, VrrsState.ACTIVE),
                Fixtures.state("G3", VrrsState.INIT, VrrsState.BACKUP))); // no record: never was ACTIVE

        // durable before the call returned: one file (one flush) with both records
        try (var files = Files.list(dir)) {
            assertThat(files).singleElement().satisfies(f -> assertThat(f.toString()).endsWith(".rec"));
        }
        assertThat(new DurableQueue(dir).loaded()).extracting(queued -> queued.group())
                .containsExactly("G1", "G2");
        scheduler.runUntilIdle();
        assertThat(transport.sent).extracting(s -> s.text(RadiusAttribute.VENDOR_SPECIFIC)
                .replaceAll(".*vrrs=", "")).containsExactlyInAnyOrder("G1", "G2");
    }
}
