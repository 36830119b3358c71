package org.openvrrs.itests.netns;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestName;

/**
 * Split brain healed (RFC 9568 6.4.3): OpenVRRS and keepalived run one group (VRRPv3, IPv4, 1 s adverts); the LAN
 * between them is cut (an nftables bridge rule in the switch drops what passes between their ports; links stay up and the
 * host still sees both) until
 * both are Master, then healed. The pair must converge within about one advertisement interval, measured on the
 * host's capture: from the first advert after the heal to the loser's last advert. Both roles, and two keepalived as
 * the reference; each heal's time is printed ({@code HEAL} lines) for docs/benchmarks-linux.md.
 *
 * <p>{@code -Dsplitbrain.heals=N} heals N times per test (default 3). Needs root, keepalived, tcpdump, tshark and nftables.
 */
public class SplitBrainIT {
    private static final String VIP = "192.0.2.1";
    private static final int VRID = 51;
    private static final double INTERVAL_SECONDS = 1.0;
    /** Two processes' scheduling and the capture's own timestamps, as KeepalivedInteropIT allows. */
    private static final double TOLERANCE_SECONDS = 0.25;
    private static final int HEALS = Integer.getInteger("splitbrain.heals", 3);
    /** Its own namespace prefix, so it runs beside the other namespace tests. */
    private static final String PREFIX = "ovsb-";

    @Rule
    public TestName name = new TestName();

    @BeforeClass
    public static void namespaces() {
        NetnsLan.assumeAvailable();
        NetnsLan.assumeInstalled("keepalived", "keepalived");
        NetnsLan.assumeInstalled("tcpdump", "tcpdump");
        NetnsLan.assumeInstalled("tshark", "tshark");
        NetnsLan.assumeInstalled("nft", "nftables");
    }

    /** One router of the pair: its VRRP priority and its state as it reports it ("MASTER", "BACKUP", ...). */
    private record Router(String name, int priority, Callable<String> state) {
        boolean is(String s) throws Exception {
            return state.call().equals(s);
        }
    }

    @Test
    public void openVrrsWins() throws Exception {
        run(false, 200);
    }

    @Test
    public void keepalivedWins() throws Exception {
        run(false, 100);
    }

    /** The reference: two keepalived, r1 at 100, r2 at 200. */
    @Test
    public void keepalivedAgainstKeepalived() throws Exception {
        run(true, 200);
    }

    /**
     * @param keepalivedOnR2 r2 runs keepalived too instead of OpenVRRS
     * @param r2Priority     r2's priority; r1 (keepalived) runs the other of 100 and 200
     */
    private void run(boolean keepalivedOnR2, int r2Priority) throws Exception {
        Path dir = Path.of("target", "netns", name.getMethodName()).toAbsolutePath();
        try (NetnsLan lan = new NetnsLan(dir, PREFIX)) {
            String r1 = lan.addNode("r1", "192.0.2.2/24");
            String r2 = lan.addNode("r2", "192.0.2.3/24");
            String h1 = lan.addNode("h1", "192.0.2.10/24");
            Path pcap = dir.resolve("lan.pcap");
            Files.deleteIfExists(pcap);
            Process capture = lan.start(h1, "tcpdump.log",
                    List.of("tcpdump", "-i", "eth0", "-U", "-n", "-w", pcap.toString(), "vrrp or arp"));
            Awaitility.await("tcpdump started").atMost(Duration.ofSeconds(10)).until(() -> Files.exists(pcap));

            int r1Priority = r2Priority == 200 ? 100 : 200;
            Keepalived k1 = keepalived(lan, r1, r1Priority);
            k1.start();
            Router a = new Router("keepalived", r1Priority, k1::state);
            Router b;
            if (keepalivedOnR2) {
                Keepalived k2 = keepalived(lan, r2, r2Priority);
                k2.start();
                b = new Router("keepalived", r2Priority, k2::state);
            } else {
                OpenVrrsProcess openvrrs = new OpenVrrsProcess(lan, r2, "eth0", List.of("vrid=" + VRID,
                        "addresses=" + VIP, "priority=" + r2Priority, "advertIntervalMillis=1000"));
                b = new Router("OpenVRRS", r2Priority, openvrrs::state);
            }
            Router winner = a.priority() > b.priority() ? a : b;
            Router loser = winner == a ? b : a;
            Awaitility.await("one Master").atMost(Duration.ofSeconds(15))
                    .until(() -> winner.is("MASTER") && loser.is("BACKUP"));

            List<Double> healTimes = new ArrayList<>();
            for (int i = 0; i < HEALS; i++) {
                isolate(lan, true);
                Awaitility.await("split brain: both Master").atMost(Duration.ofSeconds(10))
                        .until(() -> winner.is("MASTER") && loser.is("MASTER"));
                Thread.sleep(1500); // a few adverts of each while split
                double healedAt = System.currentTimeMillis() / 1000.0;
                isolate(lan, false);
                Awaitility.await("healed: the loser Backup").atMost(Duration.ofSeconds(5))
                        .until(() -> winner.is("MASTER") && loser.is("BACKUP"));
                Thread.sleep(2500); // the winner's adverts after the heal are in the capture
                healTimes.add(healedAt);
            }
            capture.destroy();
            capture.waitFor();

            List<String[]> frames = decode(pcap);
            List<Double> convergence = new ArrayList<>();
            for (double healedAt : healTimes) {
                convergence.add(convergence(frames, healedAt, winner.priority(), loser.priority()));
            }
            String label = winner.name() + " (" + winner.priority() + ") wins over " + loser.name() + " ("
                    + loser.priority() + ")";
            for (int i = 0; i < convergence.size(); i++) {
                System.out.printf(Locale.ROOT, "HEAL %s: run %d converged in %.3f s; last gratuitous ARP %s%n",
                        label, i + 1, convergence.get(i), lastGratuitousArp(frames, healTimes.get(i)));
            }
            List<Double> sorted = convergence.stream().sorted().toList();
            System.out.printf(Locale.ROOT, "HEAL %s: %d runs, median %.3f s, worst %.3f s%n", label, sorted.size(),
                    sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
            for (double c : convergence) {
                assertTrue(label + ": converged in " + c + " s, one interval is " + INTERVAL_SECONDS + " s",
                        c <= INTERVAL_SECONDS + TOLERANCE_SECONDS);
            }
            for (double healedAt : healTimes) {
                assertTrue(label + ": the winner announces last (a gratuitous ARP after the loser's last advert), "
                        + lastGratuitousArp(frames, healedAt), announcedLast(frames, healedAt, loser.priority()));
            }
        }
    }

    private static Keepalived keepalived(NetnsLan lan, String ns, int priority) throws Exception {
        return new Keepalived(lan, ns, 3, List.of("state BACKUP", "interface eth0", "virtual_router_id " + VRID,
                "priority " + priority, "advert_int 1", "virtual_ipaddress {", "  " + VIP + "/24", "}"));
    }

    /**
     * Cuts (or heals) the LAN between r1 and r2 with an nftables bridge table in the switch namespace: frames between
     * their ports are dropped, links stay up and h1 still sees both.
     */
    private static void isolate(NetnsLan lan, boolean cut) {
        String sw = PREFIX + "sw";
        if (cut) {
            lan.exec(sw, "nft", "add table bridge cut; add chain bridge cut forward { type filter hook forward "
                    + "priority 0; policy accept; }; add rule bridge cut forward iifname \"v-r1\" oifname \"v-r2\" drop; "
                    + "add rule bridge cut forward iifname \"v-r2\" oifname \"v-r1\" drop");
        } else {
            lan.exec(sw, "nft", "delete table bridge cut");
        }
    }

    /** time, Ethernet source, VRRP priority (empty for ARP), ARP gratuitous flag (empty for VRRP). */
    private static List<String[]> decode(Path pcap) {
        NetnsLan.Result decoded = NetnsLan.run(List.of("tshark", "-r", pcap.toString(), "-Y",
                "vrrp || (arp && arp.src.proto_ipv4 == " + VIP + ")", "-T", "fields", "-E", "separator=,",
                "-E", "occurrence=f", "-e", "frame.time_epoch", "-e", "eth.src", "-e", "vrrp.prio",
                "-e", "arp.isgratuitous"));
        assertEquals("tshark: " + decoded.output(), 0, decoded.exitCode());
        List<String[]> frames = decoded.output().lines().filter(l -> l.matches("^\\d.*"))
                .map(l -> l.split(",", -1)).toList();
        assertFalse("frames captured", frames.isEmpty());
        return frames;
    }

    /**
     * From the first advert after {@code healedAt} to the winner's first advert that follows the loser's last one: 0
     * when the winner spoke first and the loser fell silent; when the loser spoke first, how long the winner took to
     * answer it (RFC 9568: at once; without it, up to an interval).
     */
    private static double convergence(List<String[]> frames, double healedAt, int winnerPriority, int loserPriority) {
        List<String[]> after = frames.stream().filter(f -> !f[2].isEmpty())
                .filter(f -> time(f) >= healedAt && time(f) < healedAt + 5).toList();
        assertFalse("an advert after the heal at " + healedAt, after.isEmpty());
        double first = time(after.get(0));
        double loserLast = after.stream().filter(f -> f[2].equals(String.valueOf(loserPriority)))
                .mapToDouble(SplitBrainIT::time).max().orElse(-1);
        if (loserLast < 0) {
            return 0;
        }
        double answered = after.stream().filter(f -> f[2].equals(String.valueOf(winnerPriority)))
                .mapToDouble(SplitBrainIT::time).filter(t -> t >= loserLast).min().orElse(Double.MAX_VALUE);
        return answered - first;
    }

    private static double time(String[] frame) {
        return Double.parseDouble(frame[0]);
    }

    /** Whether a gratuitous ARP follows the loser's last advert within 5 s of the heal (hosts end on the winner). */
    private static boolean announcedLast(List<String[]> frames, double healedAt, int loserPriority) {
        List<String[]> window = frames.stream().filter(f -> time(f) >= healedAt && time(f) < healedAt + 5).toList();
        double loserLast = window.stream().filter(f -> f[2].equals(String.valueOf(loserPriority)))
                .mapToDouble(SplitBrainIT::time).max().orElse(healedAt);
        return window.stream().anyMatch(f -> time(f) >= loserLast
                && (f[3].equals("1") || f[3].equalsIgnoreCase("true")));
    }

    /** "from MAC at +N s after the heal" for the last gratuitous ARP within 5 s of the heal, or "none". */
    private static String lastGratuitousArp(List<String[]> frames, double healedAt) {
        String last = "none after the heal";
        for (String[] f : frames) {
            double t = Double.parseDouble(f[0]);
            if (t >= healedAt && t < healedAt + 5 && (f[3].equals("1") || f[3].equalsIgnoreCase("true"))) {
                last = String.format(Locale.ROOT, "from %s at +%.3f s", f[1], t - healedAt);
            }
        }
        return last;
    }
}
