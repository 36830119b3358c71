package org.openvrrs.itests.netns;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestName;

/**
 * The Interface-State and MAC-Address plug-ins on real Linux devices: router r2 runs OpenVRRS ({@link PluginNode}:
 * net-linux, vrrs-core, fhrp-vrrp, the plug-ins) at priority 100 against keepalived at 200 on r1. Its subinterface
 * {@code s10} follows the VRRP group's VRRS name with {@code vrrs interface-state} and
 * {@code vrrs mac-address arp interval 1}. A host on the subinterface's LAN sees it down while keepalived is Master,
 * its address move to the virtual MAC (neighbour table, unsolicited ARPs captured and decoded) when keepalived
 * crashes and OpenVRRS becomes Master, and down again when keepalived preempts.
 *
 * <p>The stand-in for a VLAN subinterface (the kernel here has no {@code vlan} link type): a macvlan {@code s10} on
 * a second veth {@code t10} into its own bridge (the VLAN's broadcast domain), declared to the plug-ins' rules as
 * the physical link the VRRP group runs on. A macvlan on {@code eth0} itself cannot stand in: the kernel refuses a
 * second device with the group's virtual MAC on the port where VRRP's own macvlan already has it (EADDRINUSE), which
 * on a real VLAN device does not arise. Namespaces, bridges and veths use the prefix {@code ovp-}.
 *
 * <p>Needs root and the Debian packages keepalived, tcpdump, tshark and iputils-ping; skipped otherwise.
 */
public class PluginNetnsIT {
    static final String PREFIX = "ovp-";
    private static final String VMAC = "00:00:5e:00:01:01";
    private static final String SUB_IP = "198.51.100.2";

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

    @Test
    public void subinterfaceFollowsVrrpGroupWhoseMasterIsKeepalived() throws Exception {
        Path dir = Path.of("target", "netns", name.getMethodName()).toAbsolutePath();
        try (NetnsLan lan = new NetnsLan(dir, PREFIX)) {
            String r1 = lan.addNode("r1", "192.0.2.2/24");
            String r2 = lan.addNode("r2", "192.0.2.3/24");
            String h10 = lan.addNode("h10");
            lan.exec(h10, "ip", "link", "set", "eth0", "down");
            lan.addBridge("br10");
            lan.connect(h10, "e10", "br10");
            lan.exec(h10, "ip", "addr", "add", "198.51.100.10/24", "dev", "e10");
            lan.connect(r2, "t10", "br10");
            lan.exec(r2, "ip", "link", "add", "s10", "link", "t10", "type", "macvlan", "mode", "private");
            lan.exec(r2, "ip", "addr", "add", SUB_IP + "/24", "dev", "s10");
            lan.exec(r2, "ip", "link", "set", "s10", "up");
            String burnedIn = mac(lan, r2, "s10");

            Keepalived keepalived = new Keepalived(lan, r1, 3, List.of("state BACKUP", "interface eth0",
                    "virtual_router_id 1", "priority 200", "advert_int 1", "virtual_ipaddress {", "  192.0.2.1/24",
                    "}"));
            keepalived.start();
            Awaitility.await("keepalived Master").atMost(Duration.ofSeconds(15))
                    .until(() -> lan.exec(r1, "ip", "-br", "addr", "show", "dev", "eth0").contains("192.0.2.1"));

            OpenVrrsProcess node = new OpenVrrsProcess(lan, r2, PluginNode.class, List.of("devices=eth0,t10,s10",
                    "subs=s10", "follow=VRRS_NAME_1", "site=t10", "arp=1,360", "g.vrid=1", "g.addresses=192.0.2.1",
                    "g.priority=100"));
            Awaitility.await("OpenVRRS Backup of keepalived").atMost(Duration.ofSeconds(15))
                    .until(() -> node.state().equals("BACKUP"));
            Awaitility.await("s10 held down (protodown) while the group is not ACTIVE").atMost(Duration.ofSeconds(5))
                    .until(() -> lan.exec(r2, "ip", "-d", "link", "show", "s10").contains("protodown on"));
            assertTrue("s10's administrative state is left up", lan.exec(r2, "ip", "link", "show", "s10")
                    .contains(",UP"));
            assertEquals("no traffic across s10 while down", 1, ping(lan, h10));

            Path pcap = dir.resolve("vlan10.pcap");
            Files.deleteIfExists(pcap);
            Process capture = lan.start(h10, "tcpdump.log",
                    List.of("tcpdump", "-i", "e10", "-U", "-n", "-w", pcap.toString(), "arp"));
            Awaitility.await("tcpdump started").atMost(Duration.ofSeconds(10)).until(() -> Files.exists(pcap));

            keepalived.crash();
            lan.tryExec(r1, "ip", "addr", "del", "192.0.2.1/24", "dev", "eth0");
            Awaitility.await("OpenVRRS Master after keepalived's crash").atMost(Duration.ofSeconds(15))
                    .until(() -> node.state().equals("MASTER"));
            Awaitility.await("traffic across s10 again").atMost(Duration.ofSeconds(10))
                    .until(() -> ping(lan, h10) == 0);
            String neighbour = lan.exec(h10, "ip", "neigh", "show", SUB_IP);
            assertTrue("host's neighbour entry " + neighbour + " has the virtual MAC",
                    neighbour.contains("lladdr " + VMAC));
            assertEquals("s10 uses the virtual MAC", VMAC, mac(lan, r2, "s10"));
            Awaitility.await("the unsolicited ARPs at 0, 1, 2, 3 s (interval 1) captured")
                    .atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500))
                    .until(() -> unsolicitedArps(pcap).size() >= 4);

            keepalived.start();
            Awaitility.await("keepalived preempts, OpenVRRS Backup").atMost(Duration.ofSeconds(15))
                    .until(() -> node.state().equals("BACKUP"));
            Awaitility.await("traffic across s10 stops again").atMost(Duration.ofSeconds(10))
                    .until(() -> ping(lan, h10) != 0);
            Awaitility.await("s10 back to its burned-in MAC").atMost(Duration.ofSeconds(5))
                    .until(() -> mac(lan, r2, "s10").equals(burnedIn));

            node.stop();
            assertTrue("stopping gives s10 back (protodown off)", lan.exec(r2, "ip", "-d", "link", "show", "s10")
                    .contains("protodown off") || !lan.exec(r2, "ip", "-d", "link", "show", "s10")
                    .contains("protodown on"));
            capture.destroy();
            capture.waitFor();
            assertUnsolicitedArps(pcap);
        }
    }

    private static int ping(NetnsLan lan, String h10) {
        return lan.tryExec(h10, "ping", "-4", "-c", "1", "-W", "1", SUB_IP).exitCode();
    }

    static String mac(NetnsLan lan, String ns, String dev) {
        String out = lan.exec(ns, "ip", "-br", "link", "show", dev);
        return out.trim().split("\\s+")[2];
    }

    /** tshark: the capture's ARPs with sender IP = s10's primary and sender MAC = the virtual MAC. */
    private static NetnsLan.Result decodeUnsolicitedArps(Path pcap) {
        return NetnsLan.run(List.of("tshark", "-r", pcap.toString(), "-Y",
                "arp.src.proto_ipv4 == " + SUB_IP + " && arp.src.hw_mac == " + VMAC + " && arp.dst.proto_ipv4 == "
                        + SUB_IP, "-T", "fields", "-E", "separator=,", "-e", "frame.time_epoch", "-e", "eth.dst"));
    }

    /** The capture times of those ARPs so far. */
    private static List<Double> unsolicitedArps(Path pcap) {
        return times(decodeUnsolicitedArps(pcap));
    }

    private static List<Double> times(NetnsLan.Result decoded) {
        return decoded.output().lines().filter(l -> l.matches("^\\d.*"))
                .map(l -> Double.parseDouble(l.split(",")[0])).toList();
    }

    /** The unsolicited ARPs: broadcast, one a second. */
    private static void assertUnsolicitedArps(Path pcap) {
        NetnsLan.Result decoded = decodeUnsolicitedArps(pcap);
        assertEquals("tshark: " + decoded.output(), 0, decoded.exitCode());
        List<Double> times = times(decoded);
        assertTrue("at least 3 unsolicited ARPs for " + SUB_IP + " from " + VMAC + ": " + decoded.output(),
                times.size() >= 3);
        assertTrue("broadcast: " + decoded.output(), decoded.output().contains("ff:ff:ff:ff:ff:ff"));
        for (int i = 1; i < times.size(); i++) {
            double gap = times.get(i) - times.get(i - 1);
            // interval 1 s; the tolerance covers scheduling of the JVM and the capture on a shared machine
            assertTrue("ARP " + i + " came " + gap + " s after the previous, interval 1 s", gap > 0.7 && gap < 1.3);
        }
    }
}
