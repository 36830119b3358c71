package org.openvrrs.itests.netns;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestName;

/**
 * A Master's announcements as a host on a namespace LAN captures them, counted and timed by tshark: keepalived's
 * defaults (five gratuitous ARPs at takeover, five more five seconds later), an IPv6 group refreshing its
 * unsolicited NAs every two seconds until it resigns, and five more each time a lower-priority keepalived that
 * cannot hear it advertises.
 *
 * <p>Needs root and the Debian packages tcpdump and tshark (and keepalived and nftables for the last); skipped
 * otherwise.
 */
public class AnnouncementIT {
    /** Frames of one round leave back to back; capture timestamps of a busy 2-CPU box stay well inside this. */
    private static final double BURST_SECONDS = 0.1;
    /** Timer and capture lateness allowed on a delay between rounds. */
    private static final double TOLERANCE_SECONDS = 0.3;

    /** Its own namespaces, so namespace tests of other classes running at the same time are not touched. */
    private static final String PREFIX = "ann-";

    @Rule
    public TestName name = new TestName();

    @BeforeClass
    public static void toolsInstalled() {
        NetnsLan.assumeAvailable();
        NetnsLan.assumeInstalled("tcpdump", "tcpdump");
        NetnsLan.assumeInstalled("tshark", "tshark");
    }

    @Test
    public void keepalivedsDefaultsFiveGratuitousArpsAtTakeoverAndFiveMoreFiveSecondsLater() throws Exception {
        Path dir = Path.of("target", "netns", name.getMethodName()).toAbsolutePath();
        try (NetnsLan lan = new NetnsLan(dir, PREFIX)) {
            String r1 = lan.addNode("r1", "192.0.2.2/24");
            String h1 = lan.addNode("h1", "192.0.2.10/24");
            Path pcap = capture(lan, h1, dir, "arp");
            String garps = "arp.src.proto_ipv4 == 192.0.2.1 && arp.dst.proto_ipv4 == 192.0.2.1 "
                    + "&& eth.src == 00:00:5e:00:01:5b";

            OpenVrrsProcess openvrrs = new OpenVrrsProcess(lan, r1, "eth0",
                    List.of("vrid=91", "addresses=192.0.2.1", "priority=200"));
            Awaitility.await("OpenVRRS Master").atMost(Duration.ofSeconds(15))
                    .until(() -> openvrrs.state().equals("MASTER"));
            Awaitility.await("ten gratuitous ARPs").atMost(Duration.ofSeconds(15))
                    .until(() -> times(pcap, garps).size() >= 10);
            openvrrs.stop();

            List<Double> t = times(pcap, garps);
            System.out.printf("%s: gratuitous ARPs at %s s after the first%n", name.getMethodName(), relative(t));
            assertEquals("gratuitous ARPs " + relative(t), 10, t.size());
            assertBurst(t.subList(0, 5));
            assertBurst(t.subList(5, 10));
            assertSpacing(t.get(5) - t.get(0), 5.0);
        }
    }

    @Test
    public void anIpv6GroupRefreshesItsNeighbourAdvertsUntilItResigns() throws Exception {
        Path dir = Path.of("target", "netns", name.getMethodName()).toAbsolutePath();
        try (NetnsLan lan = new NetnsLan(dir, PREFIX)) {
            String r1 = lan.addNode("r1", "192.0.2.2/24", "2001:db8::2/64");
            String h1 = lan.addNode("h1", "192.0.2.10/24", "2001:db8::10/64");
            Path pcap = capture(lan, h1, dir, "icmp6");
            String adverts = "icmpv6.type == 136 && icmpv6.nd.na.target_address == 2001:db8::5c "
                    + "&& eth.src == 00:00:5e:00:02:5c";

            OpenVrrsProcess openvrrs = new OpenVrrsProcess(lan, r1, "eth0", List.of("vrid=92", "family=ipv6",
                    "addresses=fe80::5c,2001:db8::5c", "priority=200", "garpMasterRepeat=1",
                    "garpMasterDelaySeconds=0", "garpMasterRefreshSeconds=2"));
            Awaitility.await("OpenVRRS Master").atMost(Duration.ofSeconds(15))
                    .until(() -> openvrrs.state().equals("MASTER"));
            Awaitility.await("the takeover's NA and three refreshes").atMost(Duration.ofSeconds(15))
                    .until(() -> times(pcap, adverts).size() >= 4);
            openvrrs.stop();
            int atStop = times(pcap, adverts).size();
            Awaitility.await("no refresh after the resignation").during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(5)).until(() -> times(pcap, adverts).size() == atStop);

            List<Double> t = times(pcap, adverts);
            System.out.printf("%s: neighbour adverts at %s s after the first%n", name.getMethodName(), relative(t));
            for (int i = 1; i < t.size(); i++) {
                assertSpacing(t.get(i) - t.get(i - 1), 2.0);
            }
        }
    }

    /**
     * A one-way cut: keepalived (priority 100) cannot hear OpenVRRS (200, Master), so it becomes Master too and
     * advertises every second; OpenVRRS answers each of its adverts with five gratuitous ARPs at once.
     */
    @Test
    public void aMasterThatHearsKeepalivedAtALowerPriorityAnnouncesAgainEachTime() throws Exception {
        NetnsLan.assumeInstalled("keepalived", "keepalived");
        NetnsLan.assumeInstalled("nft", "nftables");
        Path dir = Path.of("target", "netns", name.getMethodName()).toAbsolutePath();
        try (NetnsLan lan = new NetnsLan(dir, PREFIX)) {
            String r1 = lan.addNode("r1", "192.0.2.2/24");
            String r2 = lan.addNode("r2", "192.0.2.3/24");
            String h1 = lan.addNode("h1", "192.0.2.10/24");
            Path pcap = capture(lan, h1, dir, "arp or vrrp");
            String ours = "arp.src.proto_ipv4 == 192.0.2.1 && eth.src == 00:00:5e:00:01:5d";
            String keepalivedAdverts = "vrrp && vrrp.prio == 100";

            OpenVrrsProcess openvrrs = new OpenVrrsProcess(lan, r2, "eth0",
                    List.of("vrid=93", "addresses=192.0.2.1", "priority=200", "garpMasterDelaySeconds=0"));
            Awaitility.await("OpenVRRS Master").atMost(Duration.ofSeconds(15))
                    .until(() -> openvrrs.state().equals("MASTER"));
            lan.exec(r1, "nft", "add table inet cut");
            lan.exec(r1, "nft", "add chain inet cut in { type filter hook input priority 0 ; }");
            lan.exec(r1, "nft", "add rule inet cut in meta l4proto 112 drop");
            Keepalived keepalived = new Keepalived(lan, r1, 3, List.of("state BACKUP", "interface eth0",
                    "virtual_router_id 93", "priority 100", "advert_int 1", "virtual_ipaddress {", "  192.0.2.1/24",
                    "}"));
            keepalived.start();
            Awaitility.await("three keepalived adverts answered").atMost(Duration.ofSeconds(20))
                    .until(() -> times(pcap, ours).size() >= 5 + 3 * 5);
            keepalived.crash();
            openvrrs.stop();

            List<Double> adverts = times(pcap, keepalivedAdverts);
            List<Double> garps = times(pcap, ours);
            System.out.printf("%s: keepalived's adverts at %s s, OpenVRRS's gratuitous ARPs at %s s%n",
                    name.getMethodName(), relative(adverts, adverts.get(0)), relative(garps, adverts.get(0)));
            assertTrue("keepalived adverts captured", adverts.size() >= 3);
            for (double advert : adverts.subList(0, 3)) {
                long answer = garps.stream().filter(g -> g > advert && g <= advert + BURST_SECONDS).count();
                assertEquals("gratuitous ARPs answering keepalived's advert at " + advert, 5, answer);
            }
        }
    }

    /** Starts tcpdump on {@code ns}'s eth0 writing {@code filter}'s frames to a pcap file, and returns its path. */
    private static Path capture(NetnsLan lan, String ns, Path dir, String filter) throws Exception {
        Path pcap = dir.resolve("announcements.pcap");
        Files.deleteIfExists(pcap);
        lan.start(ns, "tcpdump.log", List.of("tcpdump", "-i", "eth0", "-U", "-n", "-w", pcap.toString(), filter));
        Awaitility.await("tcpdump started").atMost(Duration.ofSeconds(10)).until(() -> Files.exists(pcap));
        return pcap;
    }

    /** Capture times of the frames matching the display {@code filter} (the file may still be written). */
    private static List<Double> times(Path pcap, String filter) {
        NetnsLan.Result r = NetnsLan.run(List.of("tshark", "-r", pcap.toString(), "-Y", filter, "-T", "fields",
                "-e", "frame.time_epoch"));
        List<Double> times = new ArrayList<>();
        r.output().lines().filter(l -> l.matches("^\\d+\\.\\d+$")).forEach(l -> times.add(Double.parseDouble(l)));
        return times;
    }

    private static List<String> relative(List<Double> t) {
        return relative(t, t.get(0));
    }

    private static List<String> relative(List<Double> t, double origin) {
        return t.stream().map(x -> String.format(java.util.Locale.ROOT, "%.3f", x - origin)).toList();
    }

    private static void assertBurst(List<Double> round) {
        double spread = round.get(round.size() - 1) - round.get(0);
        assertTrue("one round spread over " + spread + " s", spread <= BURST_SECONDS);
    }

    private static void assertSpacing(double actual, double expected) {
        assertTrue("rounds " + actual + " s apart, configured " + expected + " s",
                Math.abs(actual - expected) <= TOLERANCE_SECONDS);
    }
}
