package org.openvrrs.fhrp.vrrp.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openvrrs.fhrp.vrrp.internal.packet.Ipv4ChecksumMode;
import org.openvrrs.fhrp.vrrp.internal.packet.VrrpVersion;
import org.openvrrs.net.api.InterfaceAddress;
import org.openvrrs.net.api.SystemScheduler;
import org.openvrrs.net.sim.SimLan;
import org.openvrrs.net.sim.SimRouter;
import org.openvrrs.vrrs.api.AddressFamily;
import org.openvrrs.vrrs.api.MacAddress;

/**
 * CPU share of one appliance running N VRRP groups at a short advertisement interval on the simulated LAN, on the
 * wall clock: a Master router and a Backup router, each with N groups, on one scheduler thread (the simulated LAN's
 * thread carries both sides). Prints the median and p99 of per-second CPU shares of that thread.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar org.openvrrs.fhrp.vrrp.internal.VrrpScaleHarness [groups]
 * [intervalMs] [seconds]} (defaults 1000 100 30).
 */
public final class VrrpScaleHarness {
    private VrrpScaleHarness() {
    }

    public static void main(String[] args) throws Exception {
        int groups = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int intervalMs = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;

        SystemScheduler scheduler = new SystemScheduler("sim-lan");
        Thread lanThread = CompletableFuture.supplyAsync(Thread::currentThread, scheduler::execute).get();
        // one LAN per 255 groups: a VRID is unique per LAN
        List<SimLan> lans = new ArrayList<>();
        for (int i = 0; i <= (groups - 1) / 255; i++) {
            lans.add(new SimLan("lan" + i, scheduler));
        }
        VrrpEngine engine = new VrrpEngine(Map.of(), false);
        for (int r = 1; r <= 2; r++) {
            SimRouter router = new SimRouter("r" + r, scheduler);
            router.addInterface("eth0", lans.get(0), MacAddress.parse("0200.0000.010" + r),
                    InterfaceAddress.parse("192.0.2." + (1 + r) + "/24"),
                    InterfaceAddress.parse("198.51.100." + (1 + r) + "/24"));
            engine.addNetwork(router.name(), router);
            for (int g = 0; g < groups; g++) {
                // VRID 1-255 on two families of addresses: up to 255 groups per interface and family
                int vrid = g % 255 + 1;
                InetAddress vip = InetAddress.getByName("203.0.113." + (g % 250 + 1));
                String ifname = "eth0";
                if (g >= 255) {
                    ifname = "eth" + (g / 255);
                    if (router.find(ifname).isEmpty()) {
                        router.addInterface(ifname, lans.get(g / 255), MacAddress.parse(String.format("0200.%04x.01%02x", g / 255,
                                r)), InterfaceAddress.parse("192.0.2." + (10 * (g / 255) + r) + "/24"));
                    }
                }
                engine.add(new VrrpGroupConfig(router.name(), ifname, vrid, AddressFamily.IPV4, VrrpVersion.V3,
                        List.of(vip), r == 1 ? 200 : 100, intervalMs, true, 0, false, false, "", "",
                        Ipv4ChecksumMode.PSEUDO_HEADER),
                        (transition, update) -> { });
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        TimeUnit.SECONDS.sleep(5); // election and JIT warm-up
        List<Double> shares = new ArrayList<>();
        long adverts = lans.stream().mapToLong(SimLan::transmitted).sum();
        long cpu = threads.getThreadCpuTime(lanThread.getId());
        long wall = System.nanoTime();
        for (int s = 0; s < seconds; s++) {
            TimeUnit.SECONDS.sleep(1);
            long cpuNow = threads.getThreadCpuTime(lanThread.getId());
            long wallNow = System.nanoTime();
            shares.add(100.0 * (cpuNow - cpu) / (wallNow - wall));
            cpu = cpuNow;
            wall = wallNow;
        }
        long sent = lans.stream().mapToLong(SimLan::transmitted).sum() - adverts;
        List<GroupStatus> status = engine.status();
        long masters = status.stream().filter(st -> st.state() == VirtualRouter.State.MASTER).count();
        double[] sorted = shares.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("groups per router %d, interval %d ms, %d s: %d Masters, %d Backups%n", groups, intervalMs,
                seconds, masters, status.size() - masters);
        System.out.printf("frames on the LAN: %.0f/s%n", sent / (double) seconds);
        System.out.printf("CPU share of one core (Master and Backup side together): median %.1f%%, p99 %.1f%%%n",
                sorted[sorted.length / 2], sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)]);
        System.out.printf("per-second samples: %s%n", Arrays.toString(sorted));
        scheduler.close();
        System.exit(0);
    }
}
