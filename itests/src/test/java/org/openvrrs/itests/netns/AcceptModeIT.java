package org.openvrrs.itests.netns;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

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
 * Accept mode (RFC 5798 6.1) on Linux: a host pings the virtual address of an OpenVRRS non-owner Master; answered with
 * accept mode on, not answered with it off while ARP still is; the nftables table {@code inet openvrrs} exists only
 * while the group is Master with accept mode off, and a crashed run's table is removed at the next start.
 *
 * <p>Needs root, nftables and iputils-ping; skipped otherwise.
 */
public class AcceptModeIT {
    private static final String VIP = "192.0.2.1";
    private static final String R2 = "192.0.2.3";

    @Rule
    public TestName name = new TestName();

    @BeforeClass
    public static void namespaces() {
        NetnsLan.assumeAvailable();
        NetnsLan.assumeInstalled("nft", "nftables");
        NetnsLan.assumeInstalled("ping", "iputils-ping");
    }

    private NetnsLan lan() {
        return new NetnsLan(Path.of("target", "netns", name.getMethodName()).toAbsolutePath(), "ovam-");
    }

    private static List<String> group(int vrid, String... more) {
        List<String> all = new ArrayList<>(List.of("vrid=" + vrid, "addresses=" + VIP, "priority=100",
                "advertIntervalMillis=100"));
        all.addAll(List.of(more));
        return all;
    }

    private static OpenVrrsProcess master(NetnsLan lan, String ns, List<String> group) {
        OpenVrrsProcess openvrrs = new OpenVrrsProcess(lan, ns, "eth0", group);
        Awaitility.await("alone on the LAN: Master with the virtual IP").atMost(Duration.ofSeconds(10))
                .until(() -> openvrrs.state().equals("MASTER")
                        && lan.exec(ns, "ip", "-br", "addr").contains(VIP + "/32"));
        return openvrrs;
    }

    private static boolean hasTable(NetnsLan lan, String ns) {
        return lan.exec(ns, "nft", "list", "tables").contains("inet openvrrs");
    }

    private static int ping(NetnsLan lan, String host, String target) {
        return lan.tryExec(host, "ping", "-4", "-c", "2", "-W", "1", target).exitCode();
    }

    @Test
    public void withAcceptModeOffThePingIsDroppedButArpAnsweredAndTheRulesFollowMaster() throws Exception {
        try (NetnsLan lan = lan()) {
            String r2 = lan.addNode("r2", R2 + "/24");
            String h1 = lan.addNode("h1", "192.0.2.10/24");
            OpenVrrsProcess openvrrs = master(lan, r2, group(11, "acceptMode=false"));
            Awaitility.await("nft table with the virtual IP").atMost(Duration.ofSeconds(5)).until(() ->
                    hasTable(lan, r2) && lan.exec(r2, "nft", "list", "table", "inet", "openvrrs").contains(VIP));

            assertEquals("the router's own address answers", 0, ping(lan, h1, R2));
            assertNotEquals("the virtual IP does not answer without accept mode", 0, ping(lan, h1, VIP));
            String neighbour = lan.exec(h1, "ip", "neigh", "show", VIP);
            assertTrue("ARP for the virtual IP is still answered: " + neighbour,
                    neighbour.contains("lladdr 00:00:5e:00:01:0b"));

            lan.exec(r2, "ip", "link", "set", "eth0", "down");
            Awaitility.await("link down: Initialize").atMost(Duration.ofSeconds(5))
                    .until(() -> openvrrs.state().equals("INITIALIZE"));
            Awaitility.await("leaving Master removes the table").atMost(Duration.ofSeconds(5))
                    .until(() -> !hasTable(lan, r2));

            lan.exec(r2, "ip", "link", "set", "eth0", "up");
            Awaitility.await("Master again, table again").atMost(Duration.ofSeconds(10))
                    .until(() -> openvrrs.state().equals("MASTER") && hasTable(lan, r2));
            openvrrs.stop();
            assertFalse("stop removes the table", hasTable(lan, r2));
        }
    }

    @Test
    public void withAcceptModeOnByDefaultThePingIsAnsweredAndNoRulesAreAdded() throws Exception {
        try (NetnsLan lan = lan()) {
            String r2 = lan.addNode("r2", R2 + "/24");
            String h1 = lan.addNode("h1", "192.0.2.10/24");
            OpenVrrsProcess openvrrs = master(lan, r2, group(12));
            Awaitility.await("the virtual IP answers").atMost(Duration.ofSeconds(10))
                    .until(() -> ping(lan, h1, VIP) == 0);
            assertTrue(lan.exec(h1, "ip", "neigh", "show", VIP).contains("lladdr 00:00:5e:00:01:0c"));
            assertFalse("no nft table with accept mode on", hasTable(lan, r2));
            openvrrs.stop();
        }
    }

    @Test
    public void theTableOfACrashedRunIsRemovedAtStart() throws Exception {
        try (NetnsLan lan = lan()) {
            String r2 = lan.addNode("r2", R2 + "/24");
            master(lan, r2, group(13, "acceptMode=false"));
            Awaitility.await("nft table").atMost(Duration.ofSeconds(5)).until(() -> hasTable(lan, r2));
            NetnsLan.killAll(r2);
            assertTrue("kill -9 leaves the table", hasTable(lan, r2));

            OpenVrrsProcess restarted = new OpenVrrsProcess(lan, r2, "eth0", group(14, "shutdown=true"));
            assertFalse("the stale table is removed at start", hasTable(lan, r2));
            restarted.stop();
        }
    }
}
