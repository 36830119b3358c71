package org.openvrrs.plugin.accounting;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openvrrs.plugin.accounting.internal.AccountingEngine;
import org.openvrrs.plugin.accounting.internal.AccountingModel;
import org.openvrrs.plugin.accounting.internal.ConfigParser;
import org.openvrrs.plugin.accounting.internal.queue.DurableQueue;
import org.openvrrs.plugin.accounting.internal.radius.MinaTransport;
import org.openvrrs.vrrs.api.AddressFamily;
import org.openvrrs.vrrs.api.ClientPriority;
import org.openvrrs.vrrs.api.ClientSpec;
import org.openvrrs.vrrs.api.GroupState;
import org.openvrrs.vrrs.api.MacAddress;
import org.openvrrs.vrrs.api.ServerRegistration;
import org.openvrrs.vrrs.api.ServerUpdate;
import org.openvrrs.vrrs.api.StateReason;
import org.openvrrs.vrrs.api.VrrsState;
import org.openvrrs.vrrs.core.internal.StandaloneRegistry;

/**
 * A harness (not JMH: the figures are end-to-end against a real server) for the accounting plug-in, against a
 * FreeRADIUS already listening on 127.0.0.1 (see docs/benchmarks-accounting.md for the configuration):
 *
 * <ol>
 *   <li>throughput: {@code groups} groups flip {@code flips} times each; records per second from the first
 *       transition to the last acknowledgement, checking that every record was acknowledged and the queue is empty;
 *   <li>added latency: how long {@code groupChanged} (record made and fsynced to the queue) holds the registry's
 *       dispatcher per transition, against the same call with no accounting method list.
 * </ol>
 *
 * <p>{@code java -cp bench/target/benchmarks.jar org.openvrrs.plugin.accounting.AccountingBenchmark PORT SECRET
 * [groups] [flips] [runs]}
 *
 * <p>{@code ... AccountingBenchmark PORT SECRET registry [groups] [waves] [runs]}: end to end through the real
 * registry (vrrs-core's database, dispatcher and mailboxes, as the appliance runs them): {@code groups} VRRS groups
 * change state together {@code waves} times (ACTIVE, BACKUP, ACTIVE, ...: a site failing over and back), each wave
 * published once the accounting client has taken the one before, so no transition is coalesced away; records per
 * second from the first publish to the last acknowledgement, every record made durable before the registry's
 * callback returned.
 */
public final class AccountingBenchmark {
    private AccountingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String secret = args[1];
        if (args.length > 2 && args[2].equals("registry")) {
            throughRegistry(on(port, secret), args.length > 3 ? Integer.parseInt(args[3]) : 1000,
                    args.length > 4 ? Integer.parseInt(args[4]) : 6, args.length > 5 ? Integer.parseInt(args[5]) : 5);
            return;
        }
        int groups = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        int flips = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        int runs = args.length > 4 ? Integer.parseInt(args[4]) : 5;

        Map<String, List<Map<String, ?>>> f = factories(port, secret);
        AccountingModel on = on(port, secret);

        double[] rates = new double[runs];
        List<Long> latencies = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            Path dir = Files.createTempDirectory("openvrrs-acct-bench");
            try (AccountingEngine engine = new AccountingEngine(new DurableQueue(dir), on, Clock.systemUTC(),
                    MinaTransport::new)) {
                int records = groups * flips * 2;
                long start = System.nanoTime();
                for (int i = 0; i < flips; i++) {
                    for (int g = 0; g < groups; g++) {
                        String name = "BENCH-" + g;
                        latencies.add(timed(engine, state(name, VrrsState.BACKUP, VrrsState.ACTIVE)));
                        latencies.add(timed(engine, state(name, VrrsState.ACTIVE, VrrsState.BACKUP)));
                    }
                }
                while (engine.status().queued() > 0) {
                    Thread.sleep(1);
                }
                long nanos = System.nanoTime() - start;
                long acked = engine.status().servers().get(0).acknowledged();
                long retrans = engine.status().servers().get(0).retransmitted();
                if (acked != records) {
                    throw new IllegalStateException("lost records: " + acked + " of " + records + " acknowledged");
                }
                rates[run] = records / (nanos / 1e9);
                System.out.printf("run %d: %d records in %.3f s = %.0f records/s, %d retransmitted, none lost%n",
                        run + 1, records, nanos / 1e9, rates[run], retrans);
            } finally {
                deleteQueue(dir);
            }
        }
        Arrays.sort(rates);
        System.out.printf("throughput: median %.0f records/s (min %.0f, max %.0f) over %d runs%n",
                rates[runs / 2], rates[0], rates[runs - 1], runs);
        report("groupChanged with accounting (record + fsync)", latencies);

        // delivery alone: a backlog made while the server was unreachable, drained by a fresh instance
        double[] drains = new double[runs];
        for (int run = 0; run < runs; run++) {
            Path dir = Files.createTempDirectory("openvrrs-acct-bench");
            int records = groups * flips * 2;
            try (java.net.DatagramSocket silent = new java.net.DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                Map<String, List<Map<String, ?>>> dead = new HashMap<>(f);
                dead.put(ConfigParser.SERVER_PID, List.of(Map.of("name", "rad1", "address", "127.0.0.1", "acctPort",
                        silent.getLocalPort(), "secret", secret, "timeout", 600, "retransmit", 0)));
                try (AccountingEngine engine = new AccountingEngine(new DurableQueue(dir),
                        ConfigParser.parse(Map.of(), dead), Clock.systemUTC(), MinaTransport::new)) {
                    for (int i = 0; i < flips; i++) {
                        for (int g = 0; g < groups; g++) {
                            engine.groupChanged(state("BENCH-" + g, VrrsState.BACKUP, VrrsState.ACTIVE));
                            engine.groupChanged(state("BENCH-" + g, VrrsState.ACTIVE, VrrsState.BACKUP));
                        }
                    }
                }
            }
            long start = System.nanoTime();
            try (AccountingEngine engine = new AccountingEngine(new DurableQueue(dir), on, Clock.systemUTC(),
                    MinaTransport::new)) {
                while (engine.status().queued() > 0) {
                    Thread.sleep(1);
                }
                long nanos = System.nanoTime() - start;
                long acked = engine.status().servers().get(0).acknowledged();
                if (acked != records) {
                    throw new IllegalStateException("lost records: " + acked + " of " + records + " acknowledged");
                }
                drains[run] = records / (nanos / 1e9);
                System.out.printf("backlog run %d: %d records delivered in %.3f s = %.0f records/s, none lost%n",
                        run + 1, records, nanos / 1e9, drains[run]);
            } finally {
                deleteQueue(dir);
            }
        }
        Arrays.sort(drains);
        System.out.printf("backlog delivery: median %.0f records/s (min %.0f, max %.0f) over %d runs%n",
                drains[runs / 2], drains[0], drains[runs - 1], runs);

        // the same calls with no method list: the plug-in only notes the state
        List<Long> off = new ArrayList<>();
        Path dir = Files.createTempDirectory("openvrrs-acct-bench");
        try (AccountingEngine engine = new AccountingEngine(new DurableQueue(dir), AccountingModel.EMPTY,
                Clock.systemUTC(), MinaTransport::new)) {
            for (int i = 0; i < flips * groups; i++) {
                off.add(timed(engine, state("BENCH", VrrsState.BACKUP, VrrsState.ACTIVE)));
                off.add(timed(engine, state("BENCH", VrrsState.ACTIVE, VrrsState.BACKUP)));
            }
        } finally {
            deleteQueue(dir);
        }
        report("groupChanged without accounting (no method list)", off);
    }

    private static Map<String, List<Map<String, ?>>> factories(int port, String secret) {
        Map<String, List<Map<String, ?>>> f = new HashMap<>();
        f.put(ConfigParser.SERVER_PID, List.of(Map.of("name", "rad1", "address", "127.0.0.1", "acctPort", port,
                "secret", secret, "timeout", 2, "retransmit", 3)));
        f.put(ConfigParser.METHOD_LIST_PID, List.of(Map.of("name", "default", "groups", "radius")));
        return f;
    }

    private static AccountingModel on(int port, String secret) {
        return ConfigParser.parse(Map.of("retryInterval", 1), factories(port, secret));
    }

    private static void throughRegistry(AccountingModel on, int groups, int waves, int runs) throws Exception {
        double[] rates = new double[runs];
        for (int run = 0; run < runs; run++) {
            Path dir = Files.createTempDirectory("openvrrs-acct-bench");
            try (StandaloneRegistry registry = new StandaloneRegistry();
                    AccountingEngine engine = new AccountingEngine(new DurableQueue(dir), on, Clock.systemUTC(),
                            MinaTransport::new)) {
                var client = registry.whiteboard().client(engine,
                        ClientSpec.allGroups("VRRS-Accounting", ClientPriority.LOW));
                List<ServerRegistration> servers = new ArrayList<>();
                for (int g = 0; g < groups; g++) {
                    servers.add(registry.publishByHand("VRRP", "BENCH-" + g));
                }
                awaitTaken(registry, groups); // each group's first state (INIT), no record
                long start = System.nanoTime();
                for (int w = 0; w < waves; w++) {
                    VrrsState state = w % 2 == 0 ? VrrsState.ACTIVE : VrrsState.BACKUP;
                    for (ServerRegistration server : servers) {
                        server.update(update(state));
                    }
                    awaitTaken(registry, (long) groups * (w + 2));
                }
                int records = groups * waves;
                while (engine.status().queued() > 0) {
                    Thread.sleep(1);
                }
                long nanos = System.nanoTime() - start;
                long acked = engine.status().servers().get(0).acknowledged();
                long coalesced = registry.clients().get(0).coalesced();
                if (acked != records) {
                    throw new IllegalStateException("lost records: " + acked + " of " + records + " acknowledged");
                }
                rates[run] = records / (nanos / 1e9);
                System.out.printf("registry run %d: %d groups x %d waves = %d records in %.3f s = %.0f records/s,"
                        + " %d coalesced, none lost%n", run + 1, groups, waves, records, nanos / 1e9, rates[run],
                        coalesced);
                client.close();
            } finally {
                deleteQueue(dir);
            }
        }
        Arrays.sort(rates);
        System.out.printf("through the registry: median %.0f records/s (min %.0f, max %.0f) over %d runs%n",
                rates[runs / 2], rates[0], rates[runs - 1], runs);
    }

    /** Waits until the accounting client has taken {@code states} states in all. */
    private static void awaitTaken(StandaloneRegistry registry, long states) throws InterruptedException {
        while (registry.clients().get(0).delivered() < states) {
            Thread.sleep(0, 200_000);
        }
    }

    private static long timed(AccountingEngine engine, GroupState s) {
        long t = System.nanoTime();
        engine.groupChanged(s);
        return System.nanoTime() - t;
    }

    private static void report(String what, List<Long> nanos) {
        long[] a = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%s: median %.1f us, p99 %.1f us, max %.1f us (n=%d)%n", what, a[a.length / 2] / 1e3,
                a[(int) (a.length * 0.99)] / 1e3, a[a.length - 1] / 1e3, a.length);
    }

    private static GroupState state(String group, VrrsState old, VrrsState state) throws Exception {
        return GroupState.of(group, "VRRP", old, update(state));
    }

    private static ServerUpdate update(VrrsState state) throws Exception {
        InetAddress self = InetAddress.getByName("192.0.2.2");
        InetAddress peer = InetAddress.getByName("192.0.2.3");
        InetAddress virtual = InetAddress.getByName("192.0.2.1");
        return new ServerUpdate(state, StateReason.PROTOCOL, AddressFamily.IPV4, virtual,
                MacAddress.vrrp(AddressFamily.IPV4, 1), state == VrrsState.ACTIVE ? self : peer,
                state == VrrsState.ACTIVE ? peer : self);
    }

    private static void deleteQueue(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }
}
