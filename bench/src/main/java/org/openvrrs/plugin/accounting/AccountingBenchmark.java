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
import org.openvrrs.vrrs.api.GroupState;
import org.openvrrs.vrrs.api.MacAddress;
import org.openvrrs.vrrs.api.ServerUpdate;
import org.openvrrs.vrrs.api.StateReason;
import org.openvrrs.vrrs.api.VrrsState;

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
 */
public final class AccountingBenchmark {
    private AccountingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String secret = args[1];
        int groups = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        int flips = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        int runs = args.length > 4 ? Integer.parseInt(args[4]) : 5;

        Map<String, List<Map<String, ?>>> f = new HashMap<>();
        f.put(ConfigParser.SERVER_PID, List.of(Map.of("name", "rad1", "address", "127.0.0.1", "acctPort", port,
                "secret", secret, "timeout", 2, "retransmit", 3)));
        f.put(ConfigParser.METHOD_LIST_PID, List.of(Map.of("name", "default", "groups", "radius")));
        AccountingModel on = ConfigParser.parse(Map.of("retryInterval", 1), f);

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
        InetAddress self = InetAddress.getByName("192.0.2.2");
        InetAddress peer = InetAddress.getByName("192.0.2.3");
        InetAddress virtual = InetAddress.getByName("192.0.2.1");
        return GroupState.of(group, "VRRP", old, new ServerUpdate(state, StateReason.PROTOCOL, AddressFamily.IPV4,
                virtual, MacAddress.vrrp(AddressFamily.IPV4, 1), state == VrrsState.ACTIVE ? self : peer,
                state == VrrsState.ACTIVE ? peer : self));
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
