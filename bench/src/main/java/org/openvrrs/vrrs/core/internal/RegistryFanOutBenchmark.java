package org.openvrrs.vrrs.core.internal;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openvrrs.vrrs.api.AddressFamily;
import org.openvrrs.vrrs.api.ClientPriority;
import org.openvrrs.vrrs.api.MacAddress;
import org.openvrrs.vrrs.api.ServerRegistration;
import org.openvrrs.vrrs.api.ServerUpdate;
import org.openvrrs.vrrs.api.StateReason;
import org.openvrrs.vrrs.api.VrrsState;

/**
 * Time from a server's update until every following client has been called back with it.
 *
 * <ul>
 *   <li>{@code oneGroupFanOut}: one group, {@code clients} followers (10,000 in the goal: p99 under 5 ms).
 *   <li>{@code manyGroupsAtOnce}: {@code groups} groups of 10 followers each, all updated at once.
 * </ul>
 * Clients are spread over High, Normal and Low priority, so the per-level barriers are part of what is measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseG1GC"})
public class RegistryFanOutBenchmark {
    @Param({"10000"})
    int clients;

    @Param({"1000"})
    int groups;

    private VrrsDatabase database;
    private ServerRegistration single;
    private final List<ServerRegistration> many = new ArrayList<>();
    private final AtomicInteger outstanding = new AtomicInteger();
    private volatile Thread waiter;
    private ServerUpdate active;
    private ServerUpdate backup;
    private boolean flip;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        database = new VrrsDatabase(Math.max(2, Runtime.getRuntime().availableProcessors()), 100, 1000);

        InetAddress vip = InetAddress.getByName("192.0.2.1");
        active = new ServerUpdate(VrrsState.ACTIVE, StateReason.PROTOCOL, AddressFamily.IPV4, vip,
                MacAddress.vrrp(AddressFamily.IPV4, 1), InetAddress.getByName("192.0.2.2"),
                InetAddress.getByName("192.0.2.3"));
        backup = active.withState(VrrsState.BACKUP, StateReason.PROTOCOL);
        ClientPriority[] priorities = ClientPriority.values();

        single = database.registerServer(this, "VRRP", "FANOUT");
        for (int i = 0; i < clients; i++) {
            database.registerClient(this, "c" + i, priorities[i % 3], false, s -> delivered())
                    .follow("FANOUT");
        }
        for (int g = 0; g < groups; g++) {
            String name = "G" + g;
            many.add(database.registerServer(this, "VRRP", name));
            for (int i = 0; i < 10; i++) {
                database.registerClient(this, name + "-c" + i, priorities[i % 3], false,
                        s -> delivered()).follow(name);
            }
        }
        awaitQuiet();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        database.close();
    }

    @Benchmark
    public void oneGroupFanOut() {
        outstanding.set(clients);
        single.update(next());
        awaitDelivered();
    }

    @Benchmark
    public void manyGroupsAtOnce() {
        outstanding.set(groups * 10);
        ServerUpdate u = next();
        for (ServerRegistration s : many) {
            s.update(u);
        }
        awaitDelivered();
    }

    private ServerUpdate next() {
        flip = !flip;
        return flip ? active : backup;
    }

    /** The last client wakes the benchmark thread, which parks meanwhile: spinning would steal a dispatch core. */
    private void delivered() {
        if (outstanding.decrementAndGet() == 0) {
            Thread w = waiter;
            if (w != null) {
                LockSupport.unpark(w);
            }
        }
    }

    private void awaitDelivered() {
        waiter = Thread.currentThread();
        while (outstanding.get() > 0) {
            LockSupport.park(this);
        }
    }

    /** Lets the follow pushes of set-up drain before measuring. */
    private void awaitQuiet() {
        int last = Integer.MIN_VALUE;
        while (outstanding.get() != last) {
            last = outstanding.get();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
    }
}

