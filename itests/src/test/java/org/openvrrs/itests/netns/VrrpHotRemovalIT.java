package org.openvrrs.itests.netns;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The VRRP server is uninstalled from the running appliance while Master, and installed again: the assembled
 * distribution ({@link DistributionNode}, configured as README.md says) runs VRRPv3 IPv4 group 1 for 192.0.2.1 at
 * priority 200 with the VRRS name UPLINK on router r2, keepalived the same group at 100 on r1. On
 * {@code feature:uninstall openvrrs-vrrp} the Master resigns: a priority 0 advert on the wire (decoded by tshark
 * from a third host's capture), keepalived Master without waiting out its master down interval, the virtual MAC's
 * macvlan and the virtual address gone from r2's kernel, and VRRS showing the group without a server to the client
 * that follows it. On {@code feature:install openvrrs-vrrp} the group comes back, preempts, and VRRS serves it again.
 *
 * <p>Namespaces use the prefix {@code ovh-}. Needs root and the Debian packages keepalived, tcpdump, tshark and
 * openssh-client; skipped otherwise.
 */
public class VrrpHotRemovalIT {
    private static final String PREFIX = "ovh-";
    private static final String R1 = "192.0.2.2";
    private static final String R2 = "192.0.2.3";
    private static final String VIP = "192.0.2.1";
    private static final String GROUP = "UPLINK";
    private static final String INTERFACE = "GigabitEthernet0/0/0";
    private static final int INTERVAL_MILLIS = 1000;
    private static final int KEEPALIVED_PRIORITY = 100;
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Pattern CLIENT_ID = Pattern.compile("Client (\\d+) ");

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
    public void uninstallingVrrpWhileMasterResignsAndReinstallingRestoresTheGroup() throws Exception {
        Path dir = Path.of("target", "netns", getClass().getSimpleName()).toAbsolutePath();
        try (NetnsLan lan = new NetnsLan(dir, PREFIX)) {
            String r1 = lan.addNode("r1", R1 + "/24");
            String r2 = lan.addNode("r2", R2 + "/24");
            String h1 = lan.addNode("h1", "192.0.2.10/24");
            Path pcap = dir.resolve("lan.pcap");
            Files.deleteIfExists(pcap);
            lan.start(h1, "tcpdump.log", List.of("tcpdump", "-i", "eth0", "-U", "-n", "-w", pcap.toString(), "vrrp"));
            Awaitility.await("tcpdump started").atMost(WAIT).until(() -> Files.exists(pcap));

            Keepalived keepalived = new Keepalived(lan, r1, 3, List.of("state BACKUP", "interface eth0",
                    "virtual_router_id 1", "priority " + KEEPALIVED_PRIORITY, "advert_int " + INTERVAL_MILLIS / 1000,
                    "virtual_ipaddress {", "  " + VIP + "/24", "}"));
            keepalived.start();

            Map<String, String> group = new LinkedHashMap<>();
            group.put("interfaceName", INTERFACE);
            group.put("vrid", "1");
            group.put("addresses", VIP);
            group.put("priority", "200");
            group.put("advertIntervalMillis", String.valueOf(INTERVAL_MILLIS));
            group.put("name", GROUP);
            // featuresBoot as README says: openvrrs-core named on its own, so that uninstalling the VRRP server
            // leaves the registry (booted only as openvrrs-vrrp's dependency, Karaf would remove it too)
            try (DistributionNode node = new DistributionNode(lan, r2, INTERFACE + "=eth0", Map.of("uplink", group),
                    List.of("openvrrs-core", "openvrrs-linux", "openvrrs-vrrp"))) {
                node.start("vrrs:summary", "vrrp:show --brief");
                // a VRRS client following the group, as a plug-in would: the group outlives its server
                Matcher id = CLIENT_ID.matcher(node.shell("vrrs:test-client --name itest add"));
                assertTrue("test client registered", id.find());
                String client = id.group(1);
                node.shell("vrrs:test-client follow " + client + " " + GROUP);

                awaitDistributionMaster(lan, node, r1, r2, keepalived);
                assertEquals(GROUP + " ACTIVE", node.shell("vrrs:test-client received " + client).strip());

                // (1) the Master resigns with priority 0 and keepalived takes over at once
                double uninstalled = System.currentTimeMillis() / 1000.0;
                node.shell("feature:uninstall openvrrs-vrrp");
                Awaitility.await("keepalived Master after the uninstall").atMost(WAIT)
                        .until(() -> lan.exec(r1, "ip", "-br", "addr", "show", "dev", "eth0").contains(VIP + "/24"));
                Awaitility.await("keepalived's log says Master").atMost(WAIT)
                        .until(() -> keepalived.state().equals("MASTER"));
                Awaitility.await("keepalived's first advert as Master captured").atMost(WAIT)
                        .until(() -> Takeover.of(adverts(pcap), uninstalled) != null);
                Takeover takeover = Takeover.of(adverts(pcap), uninstalled);
                double masterDown = 3 * INTERVAL_MILLIS / 1000.0 + (256 - KEEPALIVED_PRIORITY) / 256.0;
                System.out.printf("priority 0 advert %.3f s after the uninstall started; keepalived Master %.3f s"
                        + " after it, %.3f s after r2's last priority 200 advert%n", takeover.resignation() - uninstalled,
                        takeover.afterResignation(), takeover.afterLastAdvert());
                assertTrue("keepalived Master " + takeover.afterLastAdvert() + " s after r2's last priority 200 advert"
                        + ": sooner than its master down interval " + masterDown + " s, so on the priority 0 advert",
                        takeover.afterLastAdvert() < masterDown);
                assertTrue("keepalived Master " + takeover.afterResignation() + " s after the priority 0 advert: "
                        + "within 3 advert intervals", takeover.afterResignation() < 3 * INTERVAL_MILLIS / 1000.0);

                // (2) nothing of the group is left in r2's kernel
                Awaitility.await("macvlan and virtual address gone from r2").atMost(Duration.ofSeconds(5))
                        .untilAsserted(() -> {
                            String links = lan.exec(r2, "ip", "-d", "link");
                            assertFalse("no macvlan left: " + links, links.contains("macvlan"));
                            assertFalse("no virtual MAC left: " + links, links.contains("00:00:5e:00:01:01"));
                            String addresses = lan.exec(r2, "ip", "addr");
                            assertFalse("no virtual address left: " + addresses,
                                    addresses.contains(" " + VIP + "/"));
                        });

                // (3) VRRS: the group has no server, and its follower was told
                assertFalse("no VRRP commands left", node.tryShell("vrrp:show --brief").exitCode() == 0);
                Awaitility.await(GROUP + " unserved in vrrs:summary").atMost(WAIT)
                        .until(() -> summaryRow(node), List.of(GROUP, "UNKNOW", "INIT", "0.0.0.0")::equals);
                assertEquals(GROUP + " INIT", node.shell("vrrs:test-client received " + client).strip());

                // the server comes back: it preempts, VRRS serves the group again, keepalived is Backup
                node.shell("feature:install openvrrs-vrrp");
                awaitDistributionMaster(lan, node, r1, r2, keepalived);
                Awaitility.await("follower pushed ACTIVE").atMost(WAIT).until(
                        () -> node.shell("vrrs:test-client received " + client).strip(), (GROUP + " ACTIVE")::equals);
            }
        }
    }

    /**
     * The distribution Master (vrrp:show, vrrs:summary, its kernel: virtual address on the macvlan with the virtual
     * MAC), keepalived Backup (its log, and no virtual address in its kernel).
     */
    private static void awaitDistributionMaster(NetnsLan lan, DistributionNode node, String r1, String r2,
            Keepalived keepalived) {
        Awaitility.await("distribution Master (vrrp:show --brief)").atMost(WAIT).pollInterval(Duration.ofMillis(500))
                .until(() -> node.tryShell("vrrp:show --brief").output().lines()
                        .anyMatch(l -> l.startsWith(INTERFACE) && l.contains(" Master ")));
        Awaitility.await(GROUP + " served ACTIVE in vrrs:summary").atMost(WAIT)
                .until(() -> summaryRow(node), List.of(GROUP, "VRRP", "ACTIVE", VIP)::equals);
        Awaitility.await("virtual address on r2's macvlan, keepalived Backup").atMost(WAIT).untilAsserted(() -> {
            String links = lan.exec(r2, "ip", "-d", "link");
            assertTrue("macvlan with the virtual MAC on r2: " + links,
                    links.contains("link/ether 00:00:5e:00:01:01") && links.contains("macvlan"));
            assertTrue(lan.exec(r2, "ip", "addr").contains(" " + VIP + "/"));
            assertFalse("keepalived has given the address up",
                    lan.exec(r1, "ip", "addr").contains(" " + VIP + "/"));
            assertEquals("keepalived's state", "BACKUP", keepalived.state());
        });
    }

    /** The {@code vrrs:summary} row of {@link #GROUP}, split in columns (empty when none); fails without the command. */
    private static List<String> summaryRow(DistributionNode node) {
        return node.shell("vrrs:summary").lines().map(String::strip)
                .filter(l -> l.startsWith(GROUP + " ")).findFirst().map(l -> List.of(l.split("\\s+")))
                .orElse(List.of());
    }

    /** One captured VRRP advert as tshark decodes it. */
    private record Advert(double time, String source, int vrid, int priority) {
    }

    private static List<Advert> adverts(Path pcap) {
        NetnsLan.Result decoded = NetnsLan.run(List.of("tshark", "-r", pcap.toString(), "-Y", "vrrp", "-T", "fields",
                "-E", "separator=,", "-e", "frame.time_epoch", "-e", "ip.src", "-e", "vrrp.virt_rtr_id", "-e",
                "vrrp.prio"));
        return decoded.output().lines().filter(l -> l.matches("^\\d.*")).map(l -> l.split(","))
                .map(a -> new Advert(Double.parseDouble(a[0]), a[1], Integer.parseInt(a[2]), Integer.parseInt(a[3])))
                .filter(a -> a.vrid() == 1).toList();
    }

    /**
     * The wire view of the resignation: r2's last priority 200 advert, its priority 0 advert, keepalived's first
     * advert as Master (as Backup it sends none), each after {@code since}.
     */
    private record Takeover(double lastAdvert, double resignation, double keepalivedMaster) {
        static Takeover of(List<Advert> adverts, double since) {
            double lastAdvert = 0;
            double resignation = 0;
            for (Advert a : adverts) {
                if (a.source().equals(R2) && a.priority() == 200 && resignation == 0) {
                    lastAdvert = a.time();
                } else if (a.source().equals(R2) && a.priority() == 0 && a.time() >= since && resignation == 0) {
                    resignation = a.time();
                } else if (a.source().equals(R1) && resignation > 0) {
                    return new Takeover(lastAdvert, resignation, a.time());
                }
            }
            if (resignation == 0 && adverts.stream().anyMatch(a -> a.source().equals(R1) && a.time() >= since)) {
                throw new AssertionError("keepalived Master without a priority 0 advert from " + R2 + " after the"
                        + " uninstall; adverts: " + adverts);
            }
            return null;
        }

        double afterLastAdvert() {
            return keepalivedMaster - lastAdvert;
        }

        double afterResignation() {
            return keepalivedMaster - resignation;
        }
    }
}
