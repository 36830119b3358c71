package org.openvrrs.bench.plugins;

import java.net.InetAddress;
import java.util.List;
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
import org.openvrrs.net.api.InterfaceAddress;
import org.openvrrs.net.api.SystemScheduler;
import org.openvrrs.net.sim.SimLan;
import org.openvrrs.net.sim.SimRouter;
import org.openvrrs.plugin.common.api.Subinterface;
import org.openvrrs.plugin.common.api.SubinterfacePlugin;
import org.openvrrs.plugin.common.internal.FhrpSite;
import org.openvrrs.plugin.common.internal.PluginInfrastructure;
import org.openvrrs.plugin.common.internal.SubinterfaceSettings;
import org.openvrrs.plugin.ifstate.internal.InterfaceStatePlugin;
import org.openvrrs.plugin.macaddr.internal.MacAddressPlugin;
import org.openvrrs.vrrs.api.AddressFamily;
import org.openvrrs.vrrs.api.GroupState;
import org.openvrrs.vrrs.api.MacAddress;
import org.openvrrs.vrrs.api.ServerRegistration;
import org.openvrrs.vrrs.api.ServerUpdate;
import org.openvrrs.vrrs.api.StateReason;
import org.openvrrs.vrrs.api.VrrsState;
import org.openvrrs.vrrs.core.internal.StandaloneRegistry;

/**
 * One VRRS group followed by {@code subinterfaces} subinterfaces of one simulated router, each with the
 * Interface-State and MAC-Address (arp) plug-ins: time from the server's update to the real registry until the last
 * subinterface is switched (line protocol set, virtual MAC taken or given back, filter and first unsolicited ARP
 * done). Each invocation flips the group ACTIVE / BACKUP. The goal on the simulated LAN: under 50 ms.
 *
 * <p>"Switched" is seen by a probe plug-in ordered after the two real ones: the infrastructure calls plug-ins in
 * order per subinterface and subinterfaces in configuration order, so the probe's call for the last subinterface
 * comes after every real action.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 4)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseG1GC"})
public class PluginSwitchBenchmark {
    private static final String GROUP = "BENCH";

    @Param({"4000"})
    int subinterfaces;

    private StandaloneRegistry registry;
    private SystemScheduler scheduler;
    private PluginInfrastructure infra;
    private ServerRegistration server;
    private ServerUpdate active;
    private ServerUpdate backup;
    private boolean nextActive = true;
    private volatile String lastSwitched;
    private volatile Thread waiter;
    private String lastName;

    /** Marks the last subinterface switched to the state it is pushed. */
    private final class Probe implements SubinterfacePlugin {
        @Override
        public String name() {
            return "bench-probe";
        }

        @Override
        public int order() {
            return 100;
        }

        @Override
        public boolean configuredOn(Subinterface s) {
            return true;
        }

        @Override
        public void update(Subinterface s, GroupState state) {
            if (s.interfaceName().equals(lastName)) {
                lastSwitched = state.hasServer() ? state.state().name() : "NONE";
                Thread w = waiter;
                if (w != null) {
                    LockSupport.unpark(w);
                }
            }
        }

        @Override
        public void release(Subinterface s) {
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        registry = new StandaloneRegistry();

        scheduler = new SystemScheduler("bench-lan");
        SimLan lan = new SimLan("lan0", scheduler);
        SimRouter r1 = new SimRouter("r1", scheduler);
        r1.addInterface("eth0", lan, MacAddress.parse("0200.0000.0101"), InterfaceAddress.parse("192.0.2.2/24"));
        infra = new PluginInfrastructure(registry.whiteboard());
        infra.setRegistry(registry);
        infra.putServer("r1-eth0", new FhrpSite("r1", "eth0", GROUP, "VRRP group 1"));
        infra.addNetwork("r1", r1);
        for (int i = 0; i < subinterfaces; i++) {
            int vlan = i + 1;
            r1.addSubinterface("eth0", vlan, InterfaceAddress.parse((i % 2 == 0 ? "198.51.100." : "203.0.113.")
                    + (1 + (i / 2) % 250) + "/24"));
            infra.put("s" + vlan, new SubinterfaceSettings("r1", "eth0." + vlan, GROUP, true, true, true, 5, 360));
        }
        lastName = "eth0." + subinterfaces;
        infra.addPlugin(new InterfaceStatePlugin());
        infra.addPlugin(new MacAddressPlugin());
        infra.addPlugin(new Probe());

        InetAddress vip = InetAddress.getByName("192.0.2.1");
        active = new ServerUpdate(VrrsState.ACTIVE, StateReason.PROTOCOL, AddressFamily.IPV4, vip,
                MacAddress.vrrp(AddressFamily.IPV4, 1), InetAddress.getByName("192.0.2.2"),
                InetAddress.getByName("192.0.2.3"));
        backup = active.withState(VrrsState.BACKUP, StateReason.PROTOCOL);
        server = registry.publishByHand("VRRP", GROUP);
        server.update(backup);
        awaitLast("BACKUP");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        infra.close();
        registry.close();
        scheduler.close();
    }

    /**
     * Lets the previous flip's follow-up work on the LAN scheduler (interface events, ARP deliveries) finish, so each
     * sample is one update from a quiet appliance, as a failover is. Not measured.
     */
    @Setup(Level.Invocation)
    public void quiesce() throws InterruptedException {
        SchedulerDrain.drain(scheduler);
    }

    /** One VRRS update (alternately ACTIVE and BACKUP) until the last subinterface is switched. */
    @Benchmark
    public String switchAll() {
        boolean toActive = nextActive;
        nextActive = !nextActive;
        server.update(toActive ? active : backup);
        return awaitLast(toActive ? "ACTIVE" : "BACKUP");
    }

    private String awaitLast(String state) {
        waiter = Thread.currentThread();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!state.equals(lastSwitched)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("last subinterface not switched to " + state + " in 30 s");
            }
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(50));
        }
        waiter = null;
        return lastSwitched;
    }
}
