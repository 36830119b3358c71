package org.openvrrs.itests.netns;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestName;

/**
 * Unicast peers against keepalived's {@code unicast_peer} on a namespace LAN whose switch drops VRRP multicast
 * (nftables in the switch namespace: 224.0.0.18 and ff02::12 never cross the bridge), both roles: keepalived Master
 * and OpenVRRS Backup, then OpenVRRS Master and keepalived Backup; a third router sending from an address neither
 * lists is dropped and counted ({@code vrrp:statistics}). Each takeover's time, from the trigger to the new Master's
 * first advert on the wire, is printed.
 *
 * <p>Needs root and the Debian packages keepalived, nftables, tcpdump and tshark; skipped otherwise.
 */
public class UnicastKeepalivedIT {
    private static final String PREFIX = "uni-";
    private static final String KEEPALIVED = "192.0.2.2";
    private static final String OPENVRRS = "192.0.2.3";
    private static final String INTRUDER = "192.0.2.4";
    private static final String VIP = "192.0.2.1";
    private static final Pattern UNLISTED = Pattern.compile("Drops: .*unicast_peer (\\d+)");

    @Rule
    public TestName name = new TestName();

    @BeforeClass
    public static void peersInstalled() {
        NetnsLan.assumeAvailable();
        NetnsLan.assumeInstalled("keepalived", "keepalived");
        NetnsLan.assumeInstalled("nft", "nftables");
        NetnsLan.assumeInstalled("tcpdump", "tcpdump");
        NetnsLan.assumeInstalled("tshark", "tshark");
    }

    private Path dir() {
        return Path.of("target", "netns", name.getMethodName()).toAbsolutePath();
    }

    /** keepalived in {@code ns} with VRID 91, unicast from {@code source} to {@code peer}. */
    private static Keepalived keepalived(NetnsLan lan, String ns, int priority, String source, String peer)
            throws Exception {
        return new Keepalived(lan, ns, 3, List.of("state BACKUP", "interface eth0", "virtual_router_id 91",
                "priority " + priority, "advert_int 1", "unicast_src_ip " + source, "unicast_peer {", "  " + peer, "}",
                "virtual_ipaddress {", "  " + VIP + "/24", "}"));
    }

    private static OpenVrrsProcess openvrrs(NetnsLan lan, String ns, int priority) {
        return new OpenVrrsProcess(lan, ns, "eth0", List.of("vrid=91", "addresses=" + VIP, "priority=" + priority,
                "unicastPeers=" + KEEPALIVED, "name=UNICAST"));
    }

    /** The switch drops VRRP multicast, counting what it dropped. */
    static void blockMulticast(NetnsLan lan, String switchNs) {
        lan.exec(switchNs, "nft", "add table bridge novrrp");
        lan.exec(switchNs, "nft", "add chain bridge novrrp mcast { type filter hook forward priority 0 ; }");
        lan.exec(switchNs, "nft", "add rule bridge novrrp mcast ip daddr 224.0.0.18 counter drop");
        lan.exec(switchNs, "nft", "add rule bridge novrrp mcast ip6 daddr ff02::12 counter drop");
    }

    /** What the switch's rules dropped: VRRP multicast that was sent (none should be). */
    static long multicastDropped(NetnsLan lan, String switchNs) {
        String rules = lan.exec(switchNs, "nft", "list", "table", "bridge", "novrrp");
        return Pattern.compile("packets (\\d+)").matcher(rules).results()
                .mapToLong(r -> Long.parseLong(r.group(1))).sum();
    }

    private static Process capture(NetnsLan lan, String ns, Path pcap) throws Exception {
        Files.deleteIfExists(pcap);
        Process p = lan.start(ns, "tcpdump.log", List.of("tcpdump", "-i", "eth0", "-U", "-n", "-w", pcap.toString(),
                "ip proto 112"));
        Awaitility.await("tcpdump started").atMost(Duration.ofSeconds(10)).until(() -> Files.exists(pcap));
        return p;
    }

    @Test
    public void keepalivedMasterThenOpenVrrsTakesOverWithMulticastBlocked() throws Exception {
        try (NetnsLan lan = new NetnsLan(dir(), PREFIX)) {
            String r1 = lan.addNode("r1", KEEPALIVED + "/24");
            String r2 = lan.addNode("r2", OPENVRRS + "/24");
            String r3 = lan.addNode("r3", INTRUDER + "/24");
            blockMulticast(lan, PREFIX + "sw");
            Path pcap = dir().resolve("r2.pcap");
            Process tcpdump = capture(lan, r2, pcap);

            Keepalived keepalived = keepalived(lan, r1, 200, KEEPALIVED, OPENVRRS);
            keepalived.start();
            Awaitility.await("keepalived Master").atMost(Duration.ofSeconds(15))
                    .until(() -> lan.exec(r1, "ip", "-br", "addr", "show", "dev", "eth0").contains(VIP + "/24"));
            OpenVrrsProcess openvrrs = openvrrs(lan, r2, 100);
            Awaitility.await("OpenVRRS Backup of keepalived over unicast").atMost(Duration.ofSeconds(15))
                    .until(() -> openvrrs.state().equals("BACKUP") && openvrrs.master().equals(KEEPALIVED));
            Awaitility.await("keepalived hears OpenVRRS's Backup silence and stays Master")
                    .during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
                    .until(() -> keepalived.state().equals("MASTER"));

            // a router neither lists, with a higher priority, sends to OpenVRRS: dropped and counted, nothing moves
            Keepalived intruder = keepalived(lan, r3, 250, INTRUDER, OPENVRRS);
            intruder.start();
            Awaitility.await("OpenVRRS counts the intruder's adverts").atMost(Duration.ofSeconds(15))
                    .until(() -> unlisted(openvrrs.statistics()) >= 3);
            assertEquals("BACKUP", openvrrs.state());
            assertEquals(KEEPALIVED, openvrrs.master());
            String statistics = openvrrs.statistics();
            assertTrue(statistics, statistics.contains("Adverts from sources not among its unicast peers"));
            intruder.crash();

            long trigger = System.currentTimeMillis();
            keepalived.crash();
            lan.tryExec(r1, "ip", "addr", "del", VIP + "/24", "dev", "eth0"); // a crashed box would not answer
            Awaitility.await("OpenVRRS Master after keepalived's crash").atMost(Duration.ofSeconds(15))
                    .until(() -> openvrrs.state().equals("MASTER"));

            keepalived.start(); // back, higher priority: it preempts over unicast
            Awaitility.await("keepalived preempts").atMost(Duration.ofSeconds(15))
                    .until(() -> openvrrs.state().equals("BACKUP") && openvrrs.master().equals(KEEPALIVED));
            openvrrs.stop();
            tcpdump.destroy();
            tcpdump.waitFor();

            List<String[]> adverts = adverts(pcap);
            assertUnicastOnly(adverts);
            double first = firstAdvert(adverts, OPENVRRS, "100", trigger / 1000.0);
            System.out.printf(Locale.ROOT, "unicast takeover, keepalived crashed -> OpenVRRS's first advert as "
                    + "Master: %.3f s (master down interval %.3f s)%n", first - trigger / 1000.0, 3 + 156 / 256.0);
            assertEquals("the switch dropped no VRRP multicast: none was sent", 0,
                    multicastDropped(lan, PREFIX + "sw"));
        }
    }

    @Test
    public void openVrrsMasterHandsOverToKeepalivedWithMulticastBlocked() throws Exception {
        try (NetnsLan lan = new NetnsLan(dir(), PREFIX)) {
            String r1 = lan.addNode("r1", KEEPALIVED + "/24");
            String r2 = lan.addNode("r2", OPENVRRS + "/24");
            blockMulticast(lan, PREFIX + "sw");
            Path pcap = dir().resolve("r2.pcap");
            Process tcpdump = capture(lan, r2, pcap);

            OpenVrrsProcess openvrrs = openvrrs(lan, r2, 200);
            Awaitility.await("OpenVRRS Master").atMost(Duration.ofSeconds(15))
                    .until(() -> openvrrs.state().equals("MASTER"));
            Keepalived keepalived = keepalived(lan, r1, 100, KEEPALIVED, OPENVRRS);
            keepalived.start();
            Awaitility.await("keepalived Backup of OpenVRRS over unicast").atMost(Duration.ofSeconds(10))
                    .until(() -> keepalived.logged("Entering BACKUP STATE"));
            Awaitility.await("keepalived stays Backup").during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(7))
                    .until(() -> keepalived.state().equals("BACKUP"));

            long trigger = System.currentTimeMillis();
            openvrrs.stop(); // resigns with priority 0, sent to keepalived: it takes over after its skew time
            Awaitility.await("keepalived Master").atMost(Duration.ofSeconds(5))
                    .until(() -> lan.exec(r1, "ip", "-br", "addr").contains(VIP + "/24"));
            assertFalse("OpenVRRS's macvlan removed", lan.exec(r2, "ip", "-br", "link").contains("vrrp."));
            Awaitility.await("keepalived's adverts captured").pollDelay(Duration.ofSeconds(2)).until(() -> true);
            tcpdump.destroy();
            tcpdump.waitFor();

            List<String[]> adverts = adverts(pcap);
            assertUnicastOnly(adverts);
            assertTrue("OpenVRRS resigned with priority 0 to keepalived", adverts.stream().anyMatch(
                    a -> a[1].equals(OPENVRRS) && a[2].equals(KEEPALIVED) && a[3].equals("0")));
            double first = firstAdvert(adverts, KEEPALIVED, "100", trigger / 1000.0);
            System.out.printf(Locale.ROOT, "unicast hand-over, OpenVRRS stopped -> keepalived's first advert as "
                    + "Master: %.3f s (skew time %.3f s)%n", first - trigger / 1000.0, 156 / 256.0);
            assertEquals(0, multicastDropped(lan, PREFIX + "sw"));
        }
    }

    /** IPv6: global unicast sources on both sides (unicast_src_ip / unicastSource), keepalived Master first. */
    @Test
    public void ipv6KeepalivedMasterThenOpenVrrsTakesOverWithMulticastBlocked() throws Exception {
        try (NetnsLan lan = new NetnsLan(dir(), PREFIX)) {
            String r1 = lan.addNode("r1", "2001:db8::2/64");
            String r2 = lan.addNode("r2", "2001:db8::3/64");
            blockMulticast(lan, PREFIX + "sw");
            Path pcap = dir().resolve("r2.pcap");
            Files.deleteIfExists(pcap);
            Process tcpdump = lan.start(r2, "tcpdump.log", List.of("tcpdump", "-i", "eth0", "-U", "-n", "-w",
                    pcap.toString(), "ip6 proto 112"));
            Awaitility.await("tcpdump started").atMost(Duration.ofSeconds(10)).until(() -> Files.exists(pcap));

            Keepalived keepalived = new Keepalived(lan, r1, 3, List.of("state BACKUP", "interface eth0",
                    "virtual_router_id 92", "priority 200", "advert_int 1", "unicast_src_ip 2001:db8::2",
                    "unicast_peer {", "  2001:db8::3", "}", "virtual_ipaddress {", "  2001:db8::92/64", "}"));
            keepalived.start();
            Awaitility.await("keepalived Master").atMost(Duration.ofSeconds(15))
                    .until(() -> lan.exec(r1, "ip", "-br", "addr", "show", "dev", "eth0").contains("2001:db8::92"));
            OpenVrrsProcess openvrrs = new OpenVrrsProcess(lan, r2, "eth0", List.of("vrid=92", "family=ipv6",
                    "addresses=2001:db8::92", "priority=100", "unicastPeers=2001:db8::2",
                    "unicastSource=2001:db8::3"));
            Awaitility.await("OpenVRRS Backup of keepalived over unicast").atMost(Duration.ofSeconds(15))
                    .until(() -> openvrrs.state().equals("BACKUP") && openvrrs.master().equals("2001:db8::2"));

            long trigger = System.currentTimeMillis();
            keepalived.crash();
            lan.tryExec(r1, "ip", "addr", "del", "2001:db8::92/64", "dev", "eth0");
            Awaitility.await("OpenVRRS Master after keepalived's crash").atMost(Duration.ofSeconds(15))
                    .until(() -> openvrrs.state().equals("MASTER"));
            keepalived.start(); // back, higher priority: it hears OpenVRRS over unicast and preempts
            Awaitility.await("keepalived preempts").atMost(Duration.ofSeconds(15))
                    .until(() -> openvrrs.state().equals("BACKUP") && openvrrs.master().equals("2001:db8::2"));
            openvrrs.stop();
            tcpdump.destroy();
            tcpdump.waitFor();

            List<String[]> adverts = adverts(pcap, true);
            assertFalse("adverts captured", adverts.isEmpty());
            for (String[] a : adverts) {
                assertTrue("advert to a peer, not the group: " + String.join(",", a),
                        a[2].equals("2001:db8::2") || a[2].equals("2001:db8::3"));
            }
            assertTrue("OpenVRRS's adverts pass Wireshark's checksum", adverts.stream()
                    .filter(a -> a[1].equals("2001:db8::3")).allMatch(a -> a[4].equals("1")));
            double first = firstAdvert(adverts, "2001:db8::3", "100", trigger / 1000.0);
            System.out.printf(Locale.ROOT, "IPv6 unicast takeover, keepalived crashed -> OpenVRRS's first advert as "
                    + "Master: %.3f s (master down interval %.3f s)%n", first - trigger / 1000.0, 3 + 156 / 256.0);
            assertEquals(0, multicastDropped(lan, PREFIX + "sw"));
        }
    }

    private static List<String[]> adverts(Path pcap) {
        return adverts(pcap, false);
    }

    /** Each advert on r2's wire: time, source, destination, priority, checksum status, TTL / hop limit. */
    private static List<String[]> adverts(Path pcap, boolean ipv6) {
        String ip = ipv6 ? "ipv6" : "ip";
        NetnsLan.Result decoded = NetnsLan.run(List.of("tshark", "-r", pcap.toString(), "-Y", "vrrp", "-T", "fields",
                "-E", "separator=,", "-e", "frame.time_epoch", "-e", ip + ".src", "-e", ip + ".dst", "-e",
                "vrrp.prio", "-e", "vrrp.checksum.status", "-e", ipv6 ? "ipv6.hlim" : "ip.ttl"));
        assertEquals("tshark: " + decoded.output(), 0, decoded.exitCode());
        return decoded.output().lines().filter(l -> l.matches("^\\d.*")).map(l -> l.split(",")).toList();
    }

    private static void assertUnicastOnly(List<String[]> adverts) {
        assertFalse("adverts captured", adverts.isEmpty());
        for (String[] a : adverts) {
            assertTrue("advert to a peer, not the group: " + String.join(",", a),
                    a[2].equals(KEEPALIVED) || a[2].equals(OPENVRRS));
            if (a[1].equals(OPENVRRS)) {
                assertEquals("OpenVRRS's checksum as Wireshark verifies it", "1", a[4]);
                assertEquals("TTL", "255", a[5]);
            }
        }
    }

    /** The time of {@code source}'s first advert at {@code priority} after {@code after} (epoch seconds). */
    private static double firstAdvert(List<String[]> adverts, String source, String priority, double after) {
        return adverts.stream().filter(a -> a[1].equals(source) && a[3].equals(priority))
                .mapToDouble(a -> Double.parseDouble(a[0])).filter(t -> t > after).min()
                .orElseThrow(() -> new AssertionError("no advert from " + source + " after the trigger"));
    }

    private static long unlisted(String statistics) {
        Matcher m = UNLISTED.matcher(statistics);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

}
