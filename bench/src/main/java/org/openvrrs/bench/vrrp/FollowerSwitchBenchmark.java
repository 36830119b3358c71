package org.openvrrs.bench.vrrp;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
import org.openvrrs.bench.SchedulerDrain;
import org.openvrrs.fhrp.vrrp.internal.VrrpRuntime;
import org.openvrrs.net.api.InterfaceAddress;
import org.openvrrs.net.api.SystemScheduler;
import org.openvrrs.net.sim.SimLan;
import org.openvrrs.net.sim.SimRouter;
import org.openvrrs.vrrs.api.AddressFamily;
import org.openvrrs.vrrs.api.MacAddress;
import org.openvrrs.vrrs.api.ServerRegistration;
import org.openvrrs.vrrs.api.ServerUpdate;
import org.openvrrs.vrrs.api.StateReason;
import org.openvrrs.vrrs.api.VrrsState;
import org.openvrrs.vrrs.core.internal.StandaloneRegistry;

/**
 * Follower groups (the VRRS "pathway"): {@code followers} VRRP groups of one simulated router following one VRRS
 * name, driven by the real registry and the real VRRP engine on the simulated LAN's wall-clock scheduler. One
 * sample = one update of the leader (alternately ACTIVE and BACKUP) until the last follower has changed state: for
 * Master its virtual address installed and its first gratuitous ARP sent, for Backup its address given back. The
 * followers sit on 16 VLAN subinterfaces of 250 groups each (a VRID is unique per interface). Compare with
 * {@code PluginSwitchBenchmark}: the same 4,000 on the same LAN, switched by the plug-ins.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 4)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseG1GC"})
public class FollowerSwitchBenchmark {
    private static final String LEADER = "LEADER";
    private static final int PER_INTERFACE = 250;

    @Param({"4000"})
    int followers;

    private StandaloneRegistry registry;
    private SystemScheduler scheduler;
    private ServerRegistration leader;
    private ServerUpdate active;
    private ServerUpdate backup;
    private boolean nextActive = true;
    private final List<AutoCloseable> groups = new ArrayList<>();
    /** Each follower's latest state, touched only on the scheduler thread; the count of Masters published. */
    private final Map<String, String> states = new HashMap<>();
    private volatile int masters;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        registry = new StandaloneRegistry();
        scheduler = new SystemScheduler("bench-lan");
        SimLan lan = new SimLan("lan0", scheduler);
        SimRouter r1 = new SimRouter("r1", scheduler);
        r1.addInterface("eth0", lan, MacAddress.parse("0200.0000.0101"), InterfaceAddress.parse("192.0.2.2/24"));
        VrrpRuntime vrrp = new VrrpRuntime(registry.whiteboard());
        vrrp.addNetwork("r1", r1);
        for (int i = 0; i < followers; i++) {
            int vlan = i / PER_INTERFACE + 1;
            if (i % PER_INTERFACE == 0) {
                r1.addSubinterface("eth0", vlan, InterfaceAddress.parse("198.51.100." + vlan + "/24"));
            }
            int vrid = i % PER_INTERFACE + 1;
            groups.add(vrrp.addGroup(Map.of("network", "r1", "interfaceName", "eth0." + vlan, "vrid", vrid,
                    "addresses", "203.0.113." + vrid, "follow", LEADER), this::changed));
        }
        InetAddress vip = InetAddress.getByName("192.0.2.1");
        active = new ServerUpdate(VrrsState.ACTIVE, StateReason.PROTOCOL, AddressFamily.IPV4, vip,
                MacAddress.vrrp(AddressFamily.IPV4, 1), InetAddress.getByName("192.0.2.2"),
                InetAddress.getByName("192.0.2.3"));
        backup = active.withState(VrrsState.BACKUP, StateReason.PROTOCOL);
        leader = registry.publishByHand("VRRP", LEADER);
        leader.update(backup);
        await(false);
    }

    private void changed(String group, String state, String master, int priority) {
        String before = states.put(group, state);
        if ("MASTER".equals(state) != "MASTER".equals(before)) {
            masters += "MASTER".equals(state) ? 1 : -1; // only this thread writes
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        for (AutoCloseable g : groups) {
            g.close();
        }
        registry.close();
        scheduler.close();
    }

    /** Lets the previous flip's follow-up work (announcement rounds, interface events) finish. Not measured. */
    @Setup(Level.Invocation)
    public void quiesce() throws InterruptedException {
        SchedulerDrain.drain(scheduler);
    }

    /** One update of the leader until every follower mirrors it. */
    @Benchmark
    public int switchAll() {
        boolean toActive = nextActive;
        nextActive = !nextActive;
        leader.update(toActive ? active : backup);
        return await(toActive);
    }

    private int await(boolean allMaster) {
        int target = allMaster ? followers : 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (masters != target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(masters + " of " + followers + " Masters, not " + target + ", in 30 s");
            }
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(50));
        }
        return masters;
    }
}
