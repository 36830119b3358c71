package org.openvrrs.itests.netns;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * The failover harness of issue 5 (not a test: it measures, it does not assert). On one namespace LAN two groups run
 * side by side: A, keepalived Master (r1, 200) with OpenVRRS Backup (r2, 100), and B, OpenVRRS Master (r3, 200) with
 * keepalived Backup (r4, 100). Each run kills both Masters with SIGKILL at once; the host's capture then gives, per
 * new Master, the time from the old Master's last advert to its own first advert (detection) and to its first
 * gratuitous ARP. Printed: median and p99 of detection minus the master down interval, per advert interval.
 *
 * <p>Run as root from the project: {@code java -cp itests/target/test-classes:<itests test class path>
 * org.openvrrs.itests.netns.FailoverBench [runs] [interval ms...] [idle=poll]} (defaults: 10 runs at 1000 100 10;
 * {@code idle=poll} disables the CPUs' halt idle states for the run, as latency-tuned virtual machines do).
 */
public final class FailoverBench {
    private static final String VIP_A = "192.0.2.1";
    private static final String VIP_B = "192.0.2.101";
    private static final int VRID_A = 10;
    private static final int VRID_B = 20;

    private FailoverBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        List<Integer> intervals = new ArrayList<>();
        boolean idlePoll = false;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("idle=poll")) {
                idlePoll = true;
            } else {
                intervals.add(Integer.parseInt(args[i]));
            }
        }
        if (intervals.isEmpty()) {
            intervals = List.of(1000, 100, 10);
        }
        // idle=poll: the CPUs' halt idle states are disabled for the run (restored after), so an idle vCPU polls
        // instead of halting and a timer interrupt does not wait for the host to run it again
        Map<Path, String> idleStates = idlePoll ? disableHaltStates() : Map.of();
        try {
            System.out.printf(Locale.ROOT, "%-8s %-11s %4s %14s %14s %16s%n", "interval", "new master", "runs",
                    "median +ms", "p99 +ms", "GARP after adv");
            for (int interval : intervals) {
                measure(runs, interval);
            }
        } finally {
            for (Map.Entry<Path, String> e : idleStates.entrySet()) {
                Files.writeString(e.getKey(), e.getValue());
            }
        }
    }

    /** Writes 1 to every cpuidle state's disable file but POLL's; returns each file's value before. */
    private static Map<Path, String> disableHaltStates() throws java.io.IOException {
        Map<Path, String> before = new java.util.LinkedHashMap<>();
        try (java.util.stream.Stream<Path> states = Files.find(Path.of("/sys/devices/system/cpu"), 3,
                (p, a) -> p.getFileName().toString().matches("state[1-9]\\d*")
                        && p.getParent().getFileName().toString().equals("cpuidle"))) {
            for (Path state : states.toList()) {
                Path disable = state.resolve("disable");
                before.put(disable, Files.readString(disable).trim());
                Files.writeString(disable, "1");
            }
        }
        System.out.println("idle=poll: halt idle states disabled on " + before.size() + " (CPU, state) pairs");
        return before;
    }

    /** How long after the Masters are back the next kill waits at least (JIT and warm-up of a fresh JVM). */
    private static final long QUIET_MILLIS = 3000;

    private static void measure(int runs, int intervalMillis) throws Exception {
        Path dir = Path.of("target", "netns", "bench-" + intervalMillis).toAbsolutePath();
        List<double[]> openvrrsTimes = new ArrayList<>();
        List<double[]> keepalivedTimes = new ArrayList<>();
        String nodeJvm = OpenVrrsProcess.jvmOptions();
        // every pause of a node JVM, with wall-clock time, to set beside a slow run
        System.setProperty(OpenVrrsProcess.JVM_PROPERTY, nodeJvm + " -Xlog:gc,safepoint:file=" + dir
                + "/gc-%p.log:time");
        double masterDown = (3 * intervalMillis + (256 - 100) * intervalMillis / 256.0) / 1000.0;
        long backupPid;
        try (NetnsLan lan = new NetnsLan(dir)) {
            String r1 = lan.addNode("r1", "192.0.2.2/24");
            String r2 = lan.addNode("r2", "192.0.2.3/24");
            String r3 = lan.addNode("r3", "192.0.2.4/24");
            String r4 = lan.addNode("r4", "192.0.2.5/24");
            String h1 = lan.addNode("h1", "192.0.2.10/24");
            Path pcap = dir.resolve("bench.pcap");
            Files.deleteIfExists(pcap);
            lan.start(h1, "tcpdump.log", List.of("tcpdump", "-i", "eth0", "-U", "-n", "-w", pcap.toString(),
                    "vrrp or arp"));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(pcap));
            String advertInt = intervalMillis % 1000 == 0 ? String.valueOf(intervalMillis / 1000)
                    : String.format(Locale.ROOT, "%.2f", intervalMillis / 1000.0);
            Keepalived masterA = new Keepalived(lan, r1, 3, instance(VRID_A, 200, advertInt, VIP_A));
            Keepalived backupB = new Keepalived(lan, r4, 3, instance(VRID_B, 100, advertInt, VIP_B));
            masterA.start();
            backupB.start();
            Awaitility.await().atMost(Duration.ofSeconds(15))
                    .until(() -> lan.exec(r1, "ip", "-br", "addr").contains(VIP_A + "/24"));
            OpenVrrsProcess backupA = new OpenVrrsProcess(lan, r2, "eth0", group(VRID_A, 100, intervalMillis, VIP_A));
            OpenVrrsProcess masterB = new OpenVrrsProcess(lan, r3, "eth0", group(VRID_B, 200, intervalMillis, VIP_B));
            backupPid = backupA.pid();
            for (int run = 0; run < runs; run++) {
                OpenVrrsProcess a = backupA;
                OpenVrrsProcess b = masterB;
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> a.state().equals("BACKUP")
                        && b.state().equals("MASTER") && keepalivedBackupSettled(lan, r4));
                // steady state before the kill, and a quiet machine: the OpenVRRS node restarted on r3 spends its
                // first seconds compiling and warming up on both vCPUs, which would slow both takeovers measured
                Thread.sleep(Math.max(10L * intervalMillis + 200, QUIET_MILLIS));
                double killedAt = System.currentTimeMillis() / 1000.0;
                NetnsLan.killAll(r1);
                NetnsLan.killAll(r3);
                // nothing forked before both takeovers are over: the check of r4 runs `ip`, which costs CPU
                Awaitility.await().pollDelay(Duration.ofMillis((long) (masterDown * 1000) + 100))
                        .atMost(Duration.ofSeconds(30)).until(() -> a.state().equals("MASTER")
                                && lan.exec(r4, "ip", "-br", "addr").contains(VIP_B + "/24"));
                Thread.sleep(5L * intervalMillis + 200);
                openvrrsTimes.add(new double[] {killedAt});
                keepalivedTimes.add(new double[] {killedAt});
                // masters back: keepalived on r1 preempts OpenVRRS, OpenVRRS on r3 preempts keepalived
                lan.tryExec(r1, "ip", "addr", "flush", "dev", "eth0", "to", VIP_A + "/32");
                masterA.start();
                masterB = new OpenVrrsProcess(lan, r3, "eth0", group(VRID_B, 200, intervalMillis, VIP_B));
            }
            Thread.sleep(1000);
        } finally {
            System.setProperty(OpenVrrsProcess.JVM_PROPERTY, nodeJvm);
        }
        List<String[]> packets = decode(dir.resolve("bench.pcap"));
        List<Double> slow = report(intervalMillis, "OpenVRRS", packets, openvrrsTimes, "192.0.2.2", "192.0.2.3",
                VRID_A, VIP_A, masterDown);
        explain(slow, dir.resolve("openvrrs-" + NetnsLan.PREFIX + "r2.log"), dir.resolve("gc-" + backupPid + ".log"),
                masterDown);
        report(intervalMillis, "keepalived", packets, keepalivedTimes, "192.0.2.4", "192.0.2.5", VRID_B, VIP_B,
                masterDown);
    }

    /**
     * For each slow takeover of the OpenVRRS Backup (its first advert at {@code t}, epoch seconds): the node's own
     * account of it (how late its timer fired, how long the send took) and every GC pause or safepoint of its JVM
     * between the old Master's last advert and {@code t}.
     */
    private static void explain(List<Double> slowRuns, Path nodeLog, Path gcLog, double masterDown)
            throws java.io.IOException {
        if (slowRuns.isEmpty()) {
            return;
        }
        List<String> node = Files.exists(nodeLog) ? Files.readAllLines(nodeLog) : List.of();
        List<String> gc = Files.exists(gcLog) ? Files.readAllLines(gcLog) : List.of();
        for (double t : slowRuns) {
            System.out.printf(Locale.ROOT, "         run at %s:%n", instant(t));
            double sent = secondsOfDay(LocalTime.ofInstant(instant(t), ZoneId.systemDefault()));
            for (String line : node) {
                // "HH:mm:ss.SSS [vrrp] INFO ... BACKUP -> MASTER (Protocol; timer +0.012 ms, ...)", logged after
                // the advert and the gratuitous ARP left
                if (line.contains("BACKUP -> MASTER") && line.length() > 12) {
                    double at = secondsOfDay(LocalTime.parse(line.substring(0, 12)));
                    if (at >= sent - 0.002 && at <= sent + 0.5) {
                        System.out.println("           node: " + line.substring(line.indexOf("VRRP ")));
                    }
                }
            }
            for (String line : gc) {
                // "[2026-11-30T11:20:01.123+0000] GC(3) Pause Young ..." or "... Safepoint "Cleanup", ..."
                int end = line.indexOf(']');
                if (line.startsWith("[") && end > 0) {
                    double at = OffsetDateTime.parse(line.substring(1, end), GC_TIME).toInstant().toEpochMilli()
                            / 1000.0;
                    if (at >= t - masterDown - 0.01 && at <= t + 0.001) {
                        System.out.println("           jvm:  " + line);
                    }
                }
            }
        }
    }

    private static final DateTimeFormatter GC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    /** A capture's epoch seconds (tshark's frame.time_epoch) as an Instant. */
    private static Instant instant(double epochSeconds) {
        return Instant.ofEpochMilli((long) (epochSeconds * 1000));
    }

    private static double secondsOfDay(LocalTime time) {
        return time.toNanoOfDay() / 1e9;
    }

    private static boolean keepalivedBackupSettled(NetnsLan lan, String ns) {
        return !lan.exec(ns, "ip", "-br", "addr").contains(VIP_B + "/24");
    }

    private static List<String> instance(int vrid, int priority, String advertInt, String vip) {
        return List.of("state BACKUP", "interface eth0", "virtual_router_id " + vrid, "priority " + priority,
                "advert_int " + advertInt, "virtual_ipaddress {", "  " + vip + "/24", "}");
    }

    private static List<String> group(int vrid, int priority, int intervalMillis, String vip) {
        return List.of("vrid=" + vrid, "addresses=" + vip, "priority=" + priority,
                "advertIntervalMillis=" + intervalMillis);
    }

    /** time, ip.src, vrid, priority, ARP sender IP, ARP target IP (one line per VRRP advert or ARP). */
    private static List<String[]> decode(Path pcap) {
        NetnsLan.Result r = NetnsLan.run(List.of("tshark", "-r", pcap.toString(), "-Y", "vrrp or arp", "-T",
                "fields", "-E", "separator=,", "-E", "occurrence=f", "-e", "frame.time_epoch", "-e", "ip.src", "-e",
                "vrrp.virt_rtr_id", "-e", "vrrp.prio", "-e", "arp.src.proto_ipv4", "-e", "arp.dst.proto_ipv4"));
        return r.output().lines().filter(l -> l.matches("^\\d.*")).map(l -> (l + ",,,,,").split(",", -1)).toList();
    }

    /** Prints median and p99 of the runs; returns when (epoch seconds) the new Master advertised in runs over +1 ms. */
    private static List<Double> report(int intervalMillis, String newMaster, List<String[]> packets,
            List<double[]> kills, String oldSource, String newSource, int vrid, String vip, double masterDown) {
        List<Double> detection = new ArrayList<>();
        List<String> slow = new ArrayList<>(); // runs over +1 ms, with when, to set beside GC or system logs
        List<Double> slowTimes = new ArrayList<>();
        List<Double> garp = new ArrayList<>();
        for (double[] kill : kills) {
            // the new Master's first advert after the kill (a Backup sends none), then the old one's last before it
            double firstNew = 0;
            for (String[] p : packets) {
                double t = Double.parseDouble(p[0]);
                if (p[2].equals(String.valueOf(vrid)) && p[1].equals(newSource) && t > kill[0]) {
                    firstNew = t;
                    break;
                }
            }
            double lastOld = 0;
            double firstGarp = 0;
            for (String[] p : packets) {
                double t = Double.parseDouble(p[0]);
                boolean advert = p[2].equals(String.valueOf(vrid));
                if (advert && p[1].equals(oldSource) && t < firstNew) {
                    lastOld = t;
                } else if (!advert && p[4].equals(vip) && p[5].equals(vip) && t >= firstNew && firstNew > 0
                        && firstGarp == 0) {
                    firstGarp = t;
                }
            }
            if (lastOld > 0 && firstNew > 0) {
                detection.add((firstNew - lastOld - masterDown) * 1000);
                if ((firstNew - lastOld - masterDown) * 1000 > 1.0) {
                    slow.add(String.format(Locale.ROOT, "%.2f ms at %s", (firstNew - lastOld - masterDown) * 1000,
                            instant(firstNew)));
                    slowTimes.add(firstNew);
                }
                if (firstGarp > 0) {
                    garp.add((firstGarp - firstNew) * 1000);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%-8s %-11s %4d %14.2f %14.2f %16s%n", intervalMillis + " ms", newMaster,
                detection.size(), percentile(detection, 50), percentile(detection, 99),
                garp.isEmpty() ? "-" : String.format(Locale.ROOT, "%.2f ms", percentile(garp, 50)));
        if (!slow.isEmpty()) {
            System.out.println("         over +1 ms: " + slow);
        }
        System.out.println("         every run, sorted (ms): " + detection.stream().sorted()
                .map(d -> String.format(Locale.ROOT, "%.2f", d)).toList());
        return slowTimes;
    }

    private static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
