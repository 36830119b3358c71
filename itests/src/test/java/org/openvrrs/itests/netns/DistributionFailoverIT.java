package org.openvrrs.itests.netns;

import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestName;

/**
 * The distribution as users run it ({@link DistributionNode}: the assembly, etc/ configured as README.md says, driven
 * over SSH) and keepalived run VRRPv3 IPv4 group 1 for 192.0.2.1; the Master is killed with SIGKILL (every process
 * of its namespace, the distribution's JVM or keepalived) and the other takes over, both directions. The state is
 * read over SSH ({@code vrrp:show --brief}) and from keepalived's log, the takeover on the wire from a third host's
 * capture decoded by tshark: the new Master's first advert at most its master down interval (+0.25 s) after the old
 * Master's last.
 *
 * <p>Namespaces use the prefix {@code ovdf-}. Needs root and the Debian packages keepalived, tcpdump, tshark and
 * openssh-client; skipped otherwise.
 */
public class DistributionFailoverIT {
    private static final String PREFIX = "ovdf-";
    private static final String R1 = "192.0.2.2";
    private static final String R2 = "192.0.2.3";
    private static final String VIP = "192.0.2.1";
    private static final String INTERFACE = "GigabitEthernet0/0/0";
    private static final double TOLERANCE_SECONDS = 0.25;
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Rule
    public TestName name = new TestName();

    @BeforeClass
    public static void toolsInstalled() {
        NetnsLan.assumeAvailable();
        NetnsLan.assumeInstalled("keepalived", "keepalived");
        NetnsLan.assumeInstalled("tcpdump", "tcpdump");
        NetnsLan.assumeInstalled("tshark", "tshark");
        NetnsLan.assumeInstalled("ssh", "openssh-client");
        NetnsLan.assumeInstalled("ssh-keygen", "openssh-client");
    }

    @Test
    public void keepalivedTakesOverWhenTheDistributionsJvmIsKilled() throws Exception {
        run(true);
    }

    @Test
    public void theDistributionTakesOverWhenKeepalivedIsKilled() throws Exception {
        run(false);
    }

    /** @param distributionMaster the distribution at 200 (Master, killed) and keepalived at 100, or the reverse */
    private void run(boolean distributionMaster) throws Exception {
        Path dir = Path.of("target", "netns", name.getMethodName()).toAbsolutePath();
        int distributionPriority = distributionMaster ? 200 : 100;
        int keepalivedPriority = distributionMaster ? 100 : 200;
        try (NetnsLan lan = new NetnsLan(dir, PREFIX)) {
            String r1 = lan.addNode("r1", R1 + "/24");
            String r2 = lan.addNode("r2", R2 + "/24");
            String h1 = lan.addNode("h1", "192.0.2.10/24");
            Path pcap = dir.resolve("lan.pcap");
            Files.deleteIfExists(pcap);
            lan.start(h1, "tcpdump.log", List.of("tcpdump", "-i", "eth0", "-U", "-n", "-w", pcap.toString(), "vrrp"));
            Awaitility.await("tcpdump started").atMost(WAIT).until(() -> Files.exists(pcap));

            Keepalived keepalived = new Keepalived(lan, r1, 3, List.of("state BACKUP", "interface eth0",
                    "virtual_router_id 1", "priority " + keepalivedPriority, "advert_int 1", "virtual_ipaddress {",
                    "  " + VIP + "/24", "}"));
            keepalived.start();
            Map<String, String> group = new LinkedHashMap<>();
            group.put("interfaceName", INTERFACE);
            group.put("vrid", "1");
            group.put("addresses", VIP);
            group.put("priority", String.valueOf(distributionPriority));
            group.put("advertIntervalMillis", "1000");
            try (DistributionNode node = new DistributionNode(lan, r2, INTERFACE + "=eth0", Map.of("uplink", group),
                    List.of("openvrrs-core", "openvrrs-linux", "openvrrs-vrrp"))) {
                node.start("vrrp:show --brief");
                String old = distributionMaster ? "Master" : "Backup";
                Awaitility.await("distribution " + old + " (vrrp:show --brief over SSH)").atMost(WAIT)
                        .pollInterval(Duration.ofMillis(500)).until(() -> state(node).equals(old));
                Awaitility.await("keepalived " + (distributionMaster ? "BACKUP" : "MASTER")).atMost(WAIT)
                        .until(() -> keepalived.state().equals(distributionMaster ? "BACKUP" : "MASTER"));

                double killed = System.currentTimeMillis() / 1000.0;
                if (distributionMaster) {
                    NetnsLan.killAll(r2); // SIGKILL of the distribution's JVM
                    Awaitility.await("keepalived Master").atMost(WAIT).until(() -> keepalived.state()
                            .equals("MASTER") && lan.exec(r1, "ip", "-br", "addr").contains(VIP + "/24"));
                } else {
                    keepalived.crash();
                    // kill -9 leaves keepalived's address on r1; a crashed box would no longer answer for it
                    lan.tryExec(r1, "ip", "addr", "del", VIP + "/24", "dev", "eth0");
                    Awaitility.await("distribution Master (vrrp:show --brief over SSH)").atMost(WAIT)
                            .pollInterval(Duration.ofMillis(500)).until(() -> state(node).equals("Master"));
                    Awaitility.await("virtual address on the macvlan with the virtual MAC").atMost(WAIT)
                            .untilAsserted(() -> {
                                String links = lan.exec(r2, "ip", "-d", "link");
                                assertTrue(links, links.contains("link/ether 00:00:5e:00:01:01")
                                        && links.contains("macvlan"));
                                assertTrue(lan.exec(r2, "ip", "addr").contains(" " + VIP + "/32"));
                            });
                }
                String oldSource = distributionMaster ? R2 : R1;
                String newSource = distributionMaster ? R1 : R2;
                int newPriority = distributionMaster ? keepalivedPriority : distributionPriority;
                Awaitility.await("the new Master's first advert captured").atMost(WAIT)
                        .until(() -> takeoverGap(pcap, oldSource, newSource, killed) >= 0);
                double gap = takeoverGap(pcap, oldSource, newSource, killed);
                double masterDown = 3 + (256 - newPriority) / 256.0;
                System.out.printf("TAKEOVER %s: first advert %.3f s after the old Master's last (master down "
                        + "interval %.3f s)%n", name.getMethodName(), gap, masterDown);
                assertTrue("takeover " + gap + " s after the old Master's last advert, master down interval "
                        + masterDown + " s", gap > 0 && gap <= masterDown + TOLERANCE_SECONDS);
            }
        }
    }

    /** The group's state in {@code vrrp:show --brief} ("Master", "Backup", "Init"), "" when not listed. */
    private static String state(DistributionNode node) {
        return node.tryShell("vrrp:show --brief").output().lines().filter(l -> l.startsWith(INTERFACE))
                .map(l -> l.contains(" Master ") ? "Master" : l.contains(" Backup ") ? "Backup" : "Init")
                .findFirst().orElse("");
    }

    /** time, IP source, priority of each captured advert of VRID 1. */
    private static List<String[]> adverts(Path pcap) {
        NetnsLan.Result decoded = NetnsLan.run(List.of("tshark", "-r", pcap.toString(), "-Y", "vrrp.virt_rtr_id == 1",
                "-T", "fields", "-E", "separator=,", "-e", "frame.time_epoch", "-e", "ip.src", "-e", "vrrp.prio"));
        return decoded.output().lines().filter(l -> l.matches("^\\d.*")).map(l -> l.split(",")).toList();
    }

    /**
     * From {@code oldSource}'s last advert before the new Master's first one after {@code since} to that one; -1 while
     * the new Master has not advertised yet.
     */
    private static double takeoverGap(Path pcap, String oldSource, String newSource, double since) {
        double lastOld = 0;
        for (String[] a : adverts(pcap)) {
            double t = Double.parseDouble(a[0]);
            if (a[1].equals(oldSource)) {
                lastOld = t;
            } else if (a[1].equals(newSource) && lastOld > 0 && t >= since - 1 && !a[2].equals("0")) {
                return t - lastOld;
            }
        }
        return -1;
    }
}
