package org.openvrrs.itests.netns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * The scale harness of issue 17 (not a test: it measures, it does not assert). On one namespace LAN (one bridge per
 * interface) two routers run N VRRPv3 IPv4 groups at interval T, r1 at priority 200 (Master of all), r2 at 100
 * (Backup of all): first the assembled distribution configured from {@code etc/} on both, then keepalived with
 * {@code use_vmac} on both, alternating, several runs each, in the same hour. Per router and run, over a window of
 * steady state: CPU of every process of its namespace from {@code /proc} (user + system, as a share of one core),
 * resident memory (sum of VmRSS), and on the wire the adverts per second the kernel matched to the capture filter on
 * each bridge (tcpdump's "received by filter": with hundreds of adverts in one burst the capture itself may drop
 * frames, which is no loss on the LAN) against N / T expected; and state changes during the window (flapping).
 *
 * <p>Run as root from the project: {@code java -cp itests/target/test-classes:<itests test class path>
 * org.openvrrs.itests.netns.ScaleBench GROUPS INTERVAL_MS [INTERFACES=1] [RUNS=3] [SECONDS=30]}. The issue's cases:
 * {@code 255 100}, {@code 255 10}, {@code 1000 1000 4}.
 */
public final class ScaleBench {
    static final String PREFIX = "scl-";
    private static final Pattern RECEIVED = Pattern.compile("(\\d+) packets? received by filter");
    private static final Duration WAIT = Duration.ofSeconds(120);

    private ScaleBench() {
    }

    /** One router's figures over the window. */
    record Figures(String implementation, String role, double cpuPercent, double rssMb, double advertsPerSecond,
            double expectedPerSecond, int stateChanges) {
        String line() {
            return String.format(Locale.ROOT, "%-10s %-6s %7.2f %% %8.1f MB %10.0f/s %6.2f %% %5d", implementation,
                    role, cpuPercent, rssMb, advertsPerSecond, 100 * (1 - advertsPerSecond / expectedPerSecond),
                    stateChanges);
        }
    }

    public static void main(String[] args) throws Exception {
        int groups = Integer.parseInt(args[0]);
        int interval = Integer.parseInt(args[1]);
        int interfaces = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 30;
        List<Figures> all = run(groups, interval, interfaces, runs, seconds);
        summarize(all);
    }

    /** Runs the harness and prints each run's figures as it goes; returns them. */
    static List<Figures> run(int groups, int interval, int interfaces, int runs, int seconds) throws Exception {
        if (groups % interfaces != 0 || groups / interfaces > 255) {
            throw new IllegalArgumentException(groups + " groups over " + interfaces + " interfaces: at most 255 per "
                    + "interface, the same number on each");
        }
        Path dir = Path.of("target", "netns", "scale-" + groups + "-" + interval).toAbsolutePath();
        System.out.printf(Locale.ROOT, "%s UTC, %d CPUs, load %s: %d groups over %d interface(s) at %d ms, %d s "
                + "windows%n", OffsetDateTime.now(ZoneOffset.UTC).withNano(0), Runtime.getRuntime()
                .availableProcessors(), loadAverage(), groups, interfaces, interval, seconds);
        System.out.printf(Locale.ROOT, "%-10s %-6s %9s %11s %12s %8s %5s%n", "", "role", "CPU", "RSS", "adverts",
                "missed", "flaps");
        List<Figures> all = new ArrayList<>();
        try (NetnsLan lan = new NetnsLan(dir, PREFIX)) {
            String r1 = lan.addNode("r1", lanAddress(0, 2));
            String r2 = lan.addNode("r2", lanAddress(0, 3));
            for (int i = 1; i < interfaces; i++) {
                lan.addBridge("br" + i);
                for (String[] node : new String[][] {{r1, "2"}, {r2, "3"}}) {
                    lan.connect(node[0], "eth" + i, "br" + i);
                    lan.exec(node[0], "ip", "addr", "add", lanAddress(i, Integer.parseInt(node[1])), "dev", "eth" + i);
                }
            }
            for (int run = 1; run <= runs; run++) {
                all.addAll(openVrrs(lan, r1, r2, groups, interval, interfaces, seconds, run));
                all.addAll(keepalived(lan, r1, r2, groups, interval, interfaces, seconds, run));
            }
        }
        return all;
    }

    /** Interface {@code i}'s address of host {@code host}: 192.0.2.0/24 cut in four /26, one per interface. */
    private static String lanAddress(int i, int host) {
        return "192.0.2." + (64 * i + host) + "/26";
    }

    /** The virtual address of a group: 198.51.100.1-254, then 203.0.113.1; the same on every interface. */
    private static String virtualAddress(int vrid) {
        return vrid <= 254 ? "198.51.100." + vrid : "203.0.113." + (vrid - 254);
    }

    private static List<Figures> openVrrs(NetnsLan lan, String r1, String r2, int groups, int interval,
            int interfaces, int seconds, int run) throws Exception {
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < interfaces; i++) {
            names.append(i == 0 ? "" : ", ").append("GigabitEthernet0/0/").append(i).append("=eth").append(i);
        }
        List<DistributionNode> nodes = new ArrayList<>();
        try {
            for (String[] node : new String[][] {{r1, "200"}, {r2, "100"}}) {
                Map<String, Map<String, String>> cfgs = new TreeMap<>();
                for (int g = 0; g < groups; g++) {
                    int vrid = g % (groups / interfaces) + 1;
                    Map<String, String> cfg = new LinkedHashMap<>();
                    cfg.put("interfaceName", "GigabitEthernet0/0/" + g / (groups / interfaces));
                    cfg.put("vrid", String.valueOf(vrid));
                    cfg.put("addresses", virtualAddress(vrid));
                    cfg.put("priority", node[1]);
                    cfg.put("advertIntervalMillis", String.valueOf(interval));
                    cfgs.put("g" + g, cfg);
                }
                DistributionNode d = new DistributionNode(lan, node[0], names.toString(), cfgs,
                        List.of("openvrrs-core", "openvrrs-linux", "openvrrs-vrrp"));
                nodes.add(d);
                d.start("vrrp:show --brief");
            }
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (count(nodes.get(0), " Master ") != groups || count(nodes.get(1), " Backup ") != groups) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("not every group Master on r1 and Backup on r2 within " + WAIT
                            + ":\n" + nodes.get(0).tryShell("vrrp:show --brief").output() + "\n"
                            + nodes.get(1).tryShell("vrrp:show --brief").output());
                }
                Thread.sleep(1000);
            }
            Thread.sleep(5000); // JIT and the announcements of the takeover over
            int[] changesBefore = {transitions(nodes.get(0)), transitions(nodes.get(1))};
            List<Figures> figures = measure(lan, "OpenVRRS", r1, r2, groups, interval, interfaces, seconds,
                    () -> new int[] {transitions(nodes.get(0)) - changesBefore[0],
                            transitions(nodes.get(1)) - changesBefore[1]});
            figures.forEach(f -> System.out.println("run " + run + " " + f.line()));
            return figures;
        } finally {
            nodes.forEach(DistributionNode::close);
        }
    }

    private static List<Figures> keepalived(NetnsLan lan, String r1, String r2, int groups, int interval,
            int interfaces, int seconds, int run) throws Exception {
        String advertInt = interval % 1000 == 0 ? String.valueOf(interval / 1000)
                : String.format(Locale.ROOT, "%.2f", interval / 1000.0);
        List<Keepalived> routers = new ArrayList<>();
        try {
            for (String[] node : new String[][] {{r1, "200"}, {r2, "100"}}) {
                List<List<String>> instances = new ArrayList<>();
                for (int g = 0; g < groups; g++) {
                    int vrid = g % (groups / interfaces) + 1;
                    int i = g / (groups / interfaces);
                    instances.add(List.of("state BACKUP", "interface eth" + i, "virtual_router_id " + vrid,
                            "priority " + node[1], "advert_int " + advertInt, "use_vmac vrrp." + i + "." + vrid,
                            "virtual_ipaddress {", "  " + virtualAddress(vrid) + "/32", "}"));
                }
                Keepalived k = new Keepalived(lan, node[0], 3, Keepalived.instanceBlocks(instances));
                routers.add(k);
                k.start();
            }
            Awaitility.await("keepalived: every group Master on r1, Backup on r2").atMost(WAIT)
                    .pollInterval(Duration.ofSeconds(1)).until(() -> routers.get(0).count("Entering MASTER STATE")
                            >= groups && routers.get(1).count("Entering BACKUP STATE") >= groups);
            Thread.sleep(5000);
            int[] before = {routers.get(0).count("Entering"), routers.get(1).count("Entering")};
            List<Figures> figures = measure(lan, "keepalived", r1, r2, groups, interval, interfaces, seconds,
                    () -> new int[] {routers.get(0).count("Entering") - before[0],
                            routers.get(1).count("Entering") - before[1]});
            figures.forEach(f -> System.out.println("run " + run + " " + f.line()));
            return figures;
        } finally {
            NetnsLan.killAll(r1);
            NetnsLan.killAll(r2);
            for (String ns : List.of(r1, r2)) { // kill -9 leaves keepalived's macvlans behind
                for (String link : lan.exec(ns, "ip", "-o", "link", "show", "type", "macvlan").lines()
                        .map(l -> l.split(":\\s+")[1].split("@")[0]).toList()) {
                    lan.tryExec(ns, "ip", "link", "del", link);
                }
            }
        }
    }

    @FunctionalInterface
    private interface Changes {
        int[] sinceStart() throws IOException;
    }

    /** CPU and memory of both routers' namespaces and adverts on every bridge over {@code seconds}. */
    private static List<Figures> measure(NetnsLan lan, String implementation, String r1, String r2, int groups,
            int interval, int interfaces, int seconds, Changes changes) throws Exception {
        String sw = PREFIX + "sw";
        List<Process> captures = new ArrayList<>();
        for (int i = 0; i < interfaces; i++) {
            captures.add(new ProcessBuilder("ip", "netns", "exec", sw, "tcpdump", "-i", i == 0 ? "br0" : "br" + i,
                    "-n", "-w", "/dev/null", "vrrp").redirectErrorStream(true).start());
        }
        Thread.sleep(1000); // tcpdump attached
        long[] cpu0 = {cpuTicks(r1), cpuTicks(r2)};
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long[] cpu1 = {cpuTicks(r1), cpuTicks(r2)};
        double elapsed = (System.nanoTime() - start) / 1e9;
        long received = 0;
        for (Process p : captures) {
            p.toHandle().descendants().forEach(h -> signalInterrupt(h.pid()));
            signalInterrupt(p.pid());
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = RECEIVED.matcher(out);
            if (!m.find()) {
                throw new IllegalStateException("tcpdump printed no count: " + out);
            }
            received += Long.parseLong(m.group(1));
        }
        int[] flaps = changes.sinceStart();
        double ticks = ticksPerSecond();
        double rate = received / (elapsed + 1.0); // the capture ran one second before the window
        double expected = groups * 1000.0 / interval;
        return List.of(
                new Figures(implementation, "Master", 100 * (cpu1[0] - cpu0[0]) / ticks / elapsed, rssMb(r1), rate,
                        expected, flaps[0]),
                new Figures(implementation, "Backup", 100 * (cpu1[1] - cpu0[1]) / ticks / elapsed, rssMb(r2), rate,
                        expected, flaps[1]));
    }

    private static void signalInterrupt(long pid) {
        NetnsLan.run(List.of("kill", "-INT", String.valueOf(pid)));
    }

    /** The pids of every process in a namespace. */
    private static List<String> pids(String ns) {
        return NetnsLan.run(List.of("ip", "netns", "pids", ns)).output().lines().filter(l -> l.matches("\\d+"))
                .toList();
    }

    /** utime + stime of every process of {@code ns}, in clock ticks. */
    private static long cpuTicks(String ns) {
        long sum = 0;
        for (String pid : pids(ns)) {
            try {
                String stat = Files.readString(Path.of("/proc", pid, "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                sum += Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15 of proc(5)
            } catch (IOException gone) {
                // the process ended meanwhile
            }
        }
        return sum;
    }

    private static double rssMb(String ns) {
        long kb = 0;
        for (String pid : pids(ns)) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        kb += Long.parseLong(line.replaceAll("\\D", ""));
                    }
                }
            } catch (IOException gone) {
                // the process ended meanwhile
            }
        }
        return kb / 1024.0;
    }

    private static double ticksPerSecond() {
        return Double.parseDouble(NetnsLan.run(List.of("getconf", "CLK_TCK")).output().trim());
    }

    private static String loadAverage() throws IOException {
        String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return f[0] + " " + f[1] + " " + f[2];
    }

    /** Lines of {@code vrrp:show --brief} containing {@code state}. */
    private static long count(DistributionNode node, String state) {
        return node.tryShell("vrrp:show --brief").output().lines()
                .filter(l -> l.startsWith("GigabitEthernet") && l.contains(state)).count();
    }

    /** State changes logged by a distribution so far ("VRRP ...: A -> B"). */
    private static int transitions(DistributionNode node) throws IOException {
        Path log = node.home().resolve("data/log/karaf.log");
        if (!Files.exists(log)) {
            return 0;
        }
        try (var lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
            return (int) lines.filter(l -> l.matches(".*VRRP .*: (INITIALIZE|BACKUP|MASTER) -> .*")).count();
        }
    }

    /** Median of each implementation and role over the runs. */
    static void summarize(List<Figures> all) {
        System.out.println("median over runs:");
        Map<String, List<Figures>> byKey = new LinkedHashMap<>();
        all.forEach(f -> byKey.computeIfAbsent(f.implementation() + " " + f.role(), k -> new ArrayList<>()).add(f));
        for (List<Figures> list : byKey.values()) {
            Figures first = list.get(0);
            System.out.println("     " + new Figures(first.implementation(), first.role(),
                    median(list.stream().mapToDouble(Figures::cpuPercent).toArray()),
                    median(list.stream().mapToDouble(Figures::rssMb).toArray()),
                    median(list.stream().mapToDouble(Figures::advertsPerSecond).toArray()),
                    first.expectedPerSecond(), list.stream().mapToInt(Figures::stateChanges).sum()).line());
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
