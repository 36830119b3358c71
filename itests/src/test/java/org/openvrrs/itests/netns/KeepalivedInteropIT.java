package org.openvrrs.itests.netns;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
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
 * OpenVRRS (priority 100) against keepalived (priority 200) on a namespace LAN with a host: OpenVRRS is Backup; when
 * keepalived is killed with -9 it becomes Master within the master down interval, the host reaches the virtual IP
 * through the virtual MAC; when keepalived returns it preempts and OpenVRRS is Backup again, with no macvlan left.
 * The host's tcpdump capture, decoded by tshark, shows OpenVRRS's adverts as a third party sees them.
 *
 * <p>Needs root and the Debian packages keepalived, tcpdump, tshark and iputils-ping; skipped otherwise.
 */
public class KeepalivedInteropIT {
    private static final String R1 = "192.0.2.2";
    private static final String R2 = "192.0.2.3";
    /** Wire timing tolerance beyond the RFC's master down interval: scheduling and capture of two processes. */
    private static final double TOLERANCE_SECONDS = 0.25;

    @Rule
    public TestName name = new TestName();

    @BeforeClass
    public static void peersInstalled() {
        NetnsLan.assumeAvailable();
        NetnsLan.assumeInstalled("keepalived", "keepalived");
        NetnsLan.assumeInstalled("tcpdump", "tcpdump");
        NetnsLan.assumeInstalled("tshark", "tshark");
        NetnsLan.assumeInstalled("ping", "iputils-ping");
    }

    /** One interop run: family, version, addresses and what the host checks. */
    private record Scenario(int version, boolean ipv6, int vrid, List<String> virtualCidrs, String hostTarget) {
        String vmac() {
            return String.format("00:00:5e:00:%02x:%02x", ipv6 ? 2 : 1, vrid);
        }

        List<String> virtualAddresses() {
            return virtualCidrs.stream().map(c -> c.substring(0, c.indexOf('/'))).toList();
        }

        /** RFC 5798 6.1 (v3, centiseconds) and RFC 3768 6.1 (v2, seconds) agree at a 1 s interval. */
        double masterDownSeconds(int backupPriority) {
            return 3 * 1.0 + (256 - backupPriority) / 256.0;
        }
    }

    @Test
    public void vrrpv3Ipv4BackupTakeoverAndPreemption() throws Exception {
        run(new Scenario(3, false, 51, List.of("192.0.2.1/24"), "192.0.2.1"));
    }

    @Test
    public void vrrpv2Ipv4BackupTakeoverAndPreemption() throws Exception {
        run(new Scenario(2, false, 61, List.of("192.0.2.1/24"), "192.0.2.1"));
    }

    @Test
    public void vrrpv3Ipv6BackupTakeoverAndPreemption() throws Exception {
        run(new Scenario(3, true, 71, List.of("fe80::71/64", "2001:db8::71/64"), "2001:db8::71"));
    }

    /** Roles reversed: OpenVRRS Master at 200, keepalived Backup at 100; a graceful stop hands over in skew time. */
    @Test
    public void vrrpv3Ipv4GracefulStopOfOpenVrrsMasterHandsOverToKeepalived() throws Exception {
        Path dir = Path.of("target", "netns", name.getMethodName()).toAbsolutePath();
        try (NetnsLan lan = new NetnsLan(dir)) {
            String r1 = lan.addNode("r1", R1 + "/24");
            String r2 = lan.addNode("r2", R2 + "/24");
            String h1 = lan.addNode("h1", "192.0.2.10/24");
            OpenVrrsProcess openvrrs = new OpenVrrsProcess(lan, r2, "eth0",
                    List.of("vrid=81", "addresses=192.0.2.1", "priority=200"));
            Awaitility.await("OpenVRRS Master").atMost(Duration.ofSeconds(15))
                    .until(() -> openvrrs.state().equals("MASTER"));
            Keepalived keepalived = new Keepalived(lan, r1, 3, List.of("state BACKUP", "interface eth0",
                    "virtual_router_id 81", "priority 100", "advert_int 1", "virtual_ipaddress {", "  192.0.2.1/24",
                    "}"));
            keepalived.start();
            Awaitility.await("host reaches the virtual IP through OpenVRRS").atMost(Duration.ofSeconds(10))
                    .until(() -> lan.tryExec(h1, "ping", "-4", "-c", "1", "-W", "1", "192.0.2.1").exitCode() == 0);
            assertTrue(lan.exec(h1, "ip", "neigh", "show", "192.0.2.1").contains("lladdr 00:00:5e:00:01:51"));
            Awaitility.await("keepalived Backup").atMost(Duration.ofSeconds(10))
                    .until(() -> keepalived.logged("Entering BACKUP STATE"));
            assertFalse("keepalived stays Backup", keepalived.logged("Entering MASTER STATE"));

            openvrrs.stop(); // priority 0: keepalived takes over after its skew time, not the master down interval
            Awaitility.await("keepalived Master").atMost(Duration.ofSeconds(5))
                    .until(() -> lan.exec(r1, "ip", "-br", "addr").contains("192.0.2.1/24"));
            assertFalse("OpenVRRS's macvlan removed", lan.exec(r2, "ip", "-br", "link").contains("vrrp."));
        }
    }

    private void run(Scenario s) throws Exception {
        Path dir = Path.of("target", "netns", name.getMethodName()).toAbsolutePath();
        try (NetnsLan lan = new NetnsLan(dir)) {
            String r1 = lan.addNode("r1", R1 + "/24", "2001:db8::2/64");
            String r2 = lan.addNode("r2", R2 + "/24", "2001:db8::3/64");
            String h1 = lan.addNode("h1", "192.0.2.10/24", "2001:db8::10/64");
            Path pcap = dir.resolve("lan.pcap");
            Files.deleteIfExists(pcap);
            Process capture = lan.start(h1, "tcpdump.log",
                    List.of("tcpdump", "-i", "eth0", "-U", "-n", "-w", pcap.toString(), "vrrp or ip6 proto 112"));
            Awaitility.await("tcpdump started").atMost(Duration.ofSeconds(10)).until(() -> Files.exists(pcap));

            List<String> instance = new ArrayList<>(List.of("state BACKUP", "interface eth0",
                    "virtual_router_id " + s.vrid(), "priority 200", "advert_int 1", "virtual_ipaddress {"));
            s.virtualCidrs().forEach(c -> instance.add("  " + c));
            instance.add("}");
            Keepalived keepalived = new Keepalived(lan, r1, s.version(), instance);
            keepalived.start();
            String r1Source = s.ipv6() ? linkLocal(lan, r1) : R1;
            Awaitility.await("keepalived Master").atMost(Duration.ofSeconds(15))
                    .until(() -> lan.exec(r1, "ip", "-br", "addr", "show", "dev", "eth0").contains(s.hostTarget()));

            OpenVrrsProcess openvrrs = new OpenVrrsProcess(lan, r2, "eth0", List.of("vrid=" + s.vrid(),
                    "version=" + s.version(), "family=" + (s.ipv6() ? "ipv6" : "ipv4"),
                    "addresses=" + String.join(",", s.virtualAddresses()), "priority=100", "name=INTEROP"));
            Awaitility.await("OpenVRRS Backup of keepalived").atMost(Duration.ofSeconds(15))
                    .until(() -> openvrrs.state().equals("BACKUP") && openvrrs.master().equals(r1Source));
            // VRRS sees keepalived as the active router and this one as standby
            String r2Source = s.ipv6() ? linkLocal(lan, r2) : R2;
            Awaitility.await("vrrs:group shows keepalived active").atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertTrue(openvrrs.vrrsGroup("INTEROP"), openvrrs.vrrsGroup("INTEROP").contains(
                            "Server VRRP, state BACKUP")
                            && openvrrs.vrrsGroup("INTEROP").contains("Active interface address " + r1Source
                            + ", standby interface address " + r2Source)));

            keepalived.crash();
            // kill -9 leaves keepalived's addresses on r1, which would still answer for them; a crashed box would not
            s.virtualCidrs().forEach(c -> lan.tryExec(r1, "ip", "addr", "del", c, "dev", "eth0"));
            Awaitility.await("OpenVRRS Master after keepalived's crash").atMost(Duration.ofSeconds(15))
                    .until(() -> openvrrs.state().equals("MASTER"));
            assertTrue(openvrrs.vrrsGroup("INTEROP"), openvrrs.vrrsGroup("INTEROP").contains(
                    "Server VRRP, state ACTIVE, old state BACKUP, reason Protocol"));

            String ping = s.ipv6() ? "ping" : "ping";
            Awaitility.await("host reaches the virtual IP").atMost(Duration.ofSeconds(10)).until(() -> lan.tryExec(
                    h1, ping, s.ipv6() ? "-6" : "-4", "-c", "1", "-W", "1", s.hostTarget()).exitCode() == 0);
            String neighbour = lan.exec(h1, "ip", "neigh", "show", s.hostTarget());
            assertTrue("host's neighbour entry " + neighbour + " has the virtual MAC " + s.vmac(),
                    neighbour.contains("lladdr " + s.vmac()));

            keepalived.start();
            Awaitility.await("keepalived preempts, OpenVRRS Backup").atMost(Duration.ofSeconds(15))
                    .until(() -> openvrrs.state().equals("BACKUP") && openvrrs.master().equals(r1Source));
            Awaitility.await("macvlan removed on leaving Master").atMost(Duration.ofSeconds(5))
                    .until(() -> !lan.exec(r2, "ip", "-br", "link").contains("vrrp"));

            openvrrs.stop();
            capture.destroy();
            capture.waitFor();
            assertAdvertsAsWiresharkSeesThem(s, pcap);
        }
    }

    /** tshark's decode of OpenVRRS's adverts, and the takeover time on the wire. */
    private static void assertAdvertsAsWiresharkSeesThem(Scenario s, Path pcap) {
        String ttl = s.ipv6() ? "ipv6.hlim" : "ip.ttl";
        String src = s.ipv6() ? "ipv6.src" : "ip.src";
        NetnsLan.Result decoded = NetnsLan.run(List.of("tshark", "-r", pcap.toString(), "-Y", "vrrp", "-T", "fields",
                "-E", "separator=,", "-e", "frame.time_epoch", "-e", "eth.src", "-e", src, "-e", ttl, "-e",
                "vrrp.version", "-e", "vrrp.virt_rtr_id", "-e", "vrrp.prio", "-e", "vrrp.checksum.status"));
        assertEquals("tshark: " + decoded.output(), 0, decoded.exitCode());
        List<String[]> adverts = decoded.output().lines().filter(l -> l.matches("^\\d.*"))
                .map(l -> l.split(",")).toList();
        List<String[]> ours = adverts.stream().filter(a -> a[6].equals("100")).toList();
        assertFalse("OpenVRRS adverts captured: " + decoded.output(), ours.isEmpty());
        for (String[] a : ours) {
            assertEquals("Ethernet source", s.vmac(), a[1]);
            assertEquals("TTL / hop limit", "255", a[3]);
            assertEquals("VRRP version", String.valueOf(s.version()), a[4]);
            assertEquals("VRID", String.valueOf(s.vrid()), a[5]);
            assertEquals("checksum as Wireshark verifies it", "1", a[7]); // 1 = good, 0 = bad
        }
        // takeover: from keepalived's last advert to OpenVRRS's first advert as Master
        double lastKeepalived = 0;
        double firstOurs = 0;
        for (String[] a : adverts) {
            double t = Double.parseDouble(a[0]);
            if (a[6].equals("200") && firstOurs == 0) {
                lastKeepalived = t;
            } else if (a[6].equals("100") && lastKeepalived > 0 && firstOurs == 0) {
                firstOurs = t;
            }
        }
        double gap = firstOurs - lastKeepalived;
        double limit = s.masterDownSeconds(100) + TOLERANCE_SECONDS;
        assertTrue("takeover " + gap + " s after keepalived's last advert, master down interval "
                + s.masterDownSeconds(100) + " s", gap > 0 && gap <= limit);
    }

    private static String linkLocal(NetnsLan lan, String ns) {
        String out = lan.exec(ns, "ip", "-6", "-br", "addr", "show", "dev", "eth0", "scope", "link");
        int i = out.indexOf("fe80::");
        return out.substring(i, out.indexOf('/', i));
    }
}
