package org.openvrrs.itests.netns;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

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
 * The distribution as users run it ({@link DistributionNode}: etc/ files, SSH) with two groups on one interface:
 * group 1 speaks VRRP to keepalived over unicast peers only (the switch drops VRRP multicast), and group 2 follows
 * group 1's VRRS name without adverts of its own. keepalived (priority 200) is Master: both groups are Backup; it
 * is killed: group 1 takes over and group 2 with it, its own virtual address on the interface.
 *
 * <p>Namespaces use the prefix {@code uni-d-}. Needs root and the Debian packages keepalived, nftables and
 * openssh-client; skipped otherwise.
 */
public class DistributionUnicastFollowerIT {
    private static final String PREFIX = "uni-d-";
    private static final String KEEPALIVED = "192.0.2.2";
    private static final String DISTRIBUTION = "192.0.2.3";
    private static final String INTERFACE = "GigabitEthernet0/0/0";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Rule
    public TestName name = new TestName();

    @BeforeClass
    public static void toolsInstalled() {
        NetnsLan.assumeAvailable();
        NetnsLan.assumeInstalled("keepalived", "keepalived");
        NetnsLan.assumeInstalled("nft", "nftables");
        NetnsLan.assumeInstalled("ssh", "openssh-client");
        NetnsLan.assumeInstalled("ssh-keygen", "openssh-client");
    }

    @Test
    public void aUnicastGroupAndItsFollowerTakeOverFromKeepalived() throws Exception {
        Path dir = Path.of("target", "netns", name.getMethodName()).toAbsolutePath();
        try (NetnsLan lan = new NetnsLan(dir, PREFIX)) {
            String r1 = lan.addNode("r1", KEEPALIVED + "/24");
            String r2 = lan.addNode("r2", DISTRIBUTION + "/24");
            UnicastKeepalivedIT.blockMulticast(lan, PREFIX + "sw");
            Keepalived keepalived = new Keepalived(lan, r1, 3, List.of("state BACKUP", "interface eth0",
                    "virtual_router_id 1", "priority 200", "advert_int 1", "unicast_src_ip " + KEEPALIVED,
                    "unicast_peer {", "  " + DISTRIBUTION, "}", "virtual_ipaddress {", "  192.0.2.1/24", "}"));
            keepalived.start();

            Map<String, String> uplink = new LinkedHashMap<>();
            uplink.put("interfaceName", INTERFACE);
            uplink.put("vrid", "1");
            uplink.put("addresses", "192.0.2.1");
            uplink.put("priority", "100");
            uplink.put("name", "UPLINK");
            uplink.put("unicastPeers", KEEPALIVED);
            Map<String, String> follower = new LinkedHashMap<>();
            follower.put("interfaceName", INTERFACE);
            follower.put("vrid", "2");
            follower.put("addresses", "192.0.2.50");
            follower.put("name", "CUSTOMERS");
            follower.put("follow", "UPLINK");
            Map<String, Map<String, String>> groups = new LinkedHashMap<>();
            groups.put("uplink", uplink);
            groups.put("customers", follower);
            try (DistributionNode node = new DistributionNode(lan, r2, INTERFACE + "=eth0", groups,
                    List.of("openvrrs-core", "openvrrs-linux", "openvrrs-vrrp"))) {
                node.start("vrrp:show --brief");
                Awaitility.await("keepalived Master").atMost(WAIT).until(() -> keepalived.state().equals("MASTER"));
                Awaitility.await("both groups Backup (vrrp:show --brief over SSH)").atMost(WAIT)
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> states(node).equals(List.of("Backup", "Backup")));
                String show = node.shell("vrrp:show");
                assertTrue(show, show.contains("Unicast peers " + KEEPALIVED));
                assertTrue(show, show.contains("Follows VRRS group UPLINK (no adverts of its own)"));
                assertTrue(show, show.contains("Master Router is " + KEEPALIVED));

                keepalived.crash();
                lan.tryExec(r1, "ip", "addr", "del", "192.0.2.1/24", "dev", "eth0");
                Awaitility.await("both groups Master").atMost(WAIT).pollInterval(Duration.ofMillis(500))
                        .until(() -> states(node).equals(List.of("Master", "Master")));
                Awaitility.await("the follower's address on the interface").atMost(WAIT)
                        .until(() -> lan.exec(r2, "ip", "addr").contains(" 192.0.2.50/32"));
                String vrrs = node.shell("vrrs:group CUSTOMERS");
                assertTrue(vrrs, vrrs.contains("state ACTIVE"));
                assertEquals("the follower sent no advert", "0", sentAdverts(node.shell("vrrp:statistics"), 2));
            }
        }
    }

    /** The states of groups 1 and 2 in {@code vrrp:show --brief}. */
    private static List<String> states(DistributionNode node) {
        return node.tryShell("vrrp:show --brief").output().lines().filter(l -> l.startsWith(INTERFACE))
                .map(l -> l.contains(" Master ") ? "Master" : l.contains(" Backup ") ? "Backup" : "Init").toList();
    }

    /** "Adverts sent N" of group {@code vrid} in vrrp:statistics. */
    private static String sentAdverts(String statistics, int vrid) {
        String section = statistics.substring(statistics.indexOf("- Group " + vrid + " "));
        int at = section.indexOf("Adverts sent ") + "Adverts sent ".length();
        return section.substring(at, section.indexOf(',', at));
    }
}
