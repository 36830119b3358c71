package org.openvrrs.itests.netns;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Tracking through the assembled distribution: the group and its track object configured in etc/ as an operator
 * writes them, against keepalived. The uplink going down lowers the distribution's priority below keepalived's and
 * keepalived preempts; {@code track:show} and {@code vrrp:show} over SSH say which object is down and since when;
 * bad {@code vrrp:track} input is one line and writes nothing, a script that does not exist or hangs is Down
 * saying why while the group runs on; the uplink coming back makes the distribution preempt.
 *
 * <p>Needs root, keepalived and OpenSSH's client; skipped otherwise.
 */
public class TrackingDistributionIT {
    private static final String INTERFACE = "GigabitEthernet0/0/0";
    private static final String UPLINK = "GigabitEthernet0/0/1";
    private static final String VIP = "192.0.2.1";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @BeforeClass
    public static void peersInstalled() {
        NetnsLan.assumeAvailable();
        NetnsLan.assumeInstalled("keepalived", "keepalived");
        NetnsLan.assumeInstalled("ssh", "openssh-client");
        NetnsLan.assumeInstalled("ssh-keygen", "openssh-client");
    }

    @Test
    public void uplinkTrackedFromEtcLetsKeepalivedPreemptAndShowsWhichObjectIsDown() throws Exception {
        Path dir = Path.of("target", "netns", "TrackingDistributionIT").toAbsolutePath();
        try (NetnsLan lan = new NetnsLan(dir, TrackingKeepalivedIT.PREFIX)) {
            String r1 = lan.addNode("r1", "192.0.2.2/24");
            String r2 = lan.addNode("r2", "192.0.2.3/24");
            lan.addBridge("br1");
            lan.connect(r2, "up0", "br1");
            Keepalived keepalived = new Keepalived(lan, r1, 3, List.of("state BACKUP", "interface eth0",
                    "virtual_router_id 1", "priority 150", "advert_int 1", "virtual_ipaddress {", "  " + VIP + "/24",
                    "}"));
            keepalived.start();
            Map<String, String> group = new LinkedHashMap<>();
            group.put("interfaceName", INTERFACE);
            group.put("vrid", "1");
            group.put("addresses", VIP);
            group.put("priority", "200");
            group.put("track", "1 decrement 100");
            try (DistributionNode node = new DistributionNode(lan, r2, INTERFACE + "=eth0, " + UPLINK + "=up0",
                    Map.of("uplink", group), List.of("openvrrs-core", "openvrrs-linux", "openvrrs-vrrp"))) {
                Files.writeString(node.home().resolve("etc/org.openvrrs.track-1.cfg"),
                        "id = 1\ntype = interface\ninterfaceName = " + UPLINK + "\n");
                node.start("vrrp:show --brief", "track:show");
                Awaitility.await("distribution Master").atMost(WAIT).pollInterval(Duration.ofMillis(500))
                        .until(() -> node.tryShell("vrrp:show").output().contains("State is Master"));
                String track = node.shell("track:show 1");
                assertTrue(track, track.startsWith("Track 1\n  Interface " + UPLINK + " line-protocol\n"
                        + "  Line protocol is Up (line protocol up)\n"));
                assertTrue(track, track.contains("  Tracked by:\n    VRRP " + INTERFACE + "/IPv4/1\n"));

                NetnsLan.Result bad = node.tryShell("vrrp:track 2 route 198.51.100.0/33");
                assertTrue(bad.output(), bad.exitCode() != 0 && bad.output().trim().lines().count() == 1
                        && bad.output().contains("route '198.51.100.0/33' is not a prefix"));
                assertFalse(Files.exists(node.home().resolve("etc/org.openvrrs.track-2.cfg")));
                node.shell("vrrp:track 3 script /nonexistent/check");
                Awaitility.await("a script that does not exist is Down, saying why").atMost(WAIT)
                        .until(() -> node.shell("track:show 3").contains("Script result is Down (cannot run "
                                + "/nonexistent/check: No such file or directory)"));

                node.shell("vrrp:track --timeout 1 --interval 5 4 script \"sleep 30\"");
                Awaitility.await("a script that hangs is killed at its timeout and counts as failed").atMost(WAIT)
                        .until(() -> node.shell("track:show 4").contains("Script result is Down (timed out after 1 "
                                + "s)"));
                assertTrue("the group ran on", node.shell("vrrp:show").contains("State is Master"));

                lan.exec(r2, "ip", "link", "set", "up0", "down");
                Awaitility.await("keepalived preempts").atMost(WAIT).until(() ->
                        keepalived.state().equals("MASTER"));
                Awaitility.await("distribution Backup at 100").atMost(WAIT).pollInterval(Duration.ofMillis(500))
                        .untilAsserted(() -> {
                            String show = node.shell("vrrp:show");
                            assertTrue(show, show.contains("State is Backup")
                                    && show.contains("Priority is 100 (configured 200)\n    Track object 1 state "
                                    + "Down since ") && show.contains(", decrement 100\n"));
                        });
                assertTrue(node.shell("track:show 1").contains("Line protocol is Down (line protocol down)"));

                lan.exec(r2, "ip", "link", "set", "up0", "up");
                Awaitility.await("distribution preempts back").atMost(WAIT).pollInterval(Duration.ofMillis(500))
                        .until(() -> node.tryShell("vrrp:show").output().contains("State is Master"));
                Awaitility.await("keepalived Backup").atMost(WAIT).until(() -> keepalived.state().equals("BACKUP"));
            }
        }
    }
}
