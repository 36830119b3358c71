package org.openvrrs.itests.netns;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestName;

/**
 * net-linux on a namespace LAN, as VRRP uses it: a link going down on the box takes the group to Initialize and
 * withdraws the virtual MAC; a crash ({@code kill -9}) leaves the macvlan behind, and the next start removes it.
 * Needs root; skipped otherwise.
 */
public class LinuxDataPlaneIT {
    @Rule
    public TestName name = new TestName();

    @BeforeClass
    public static void namespaces() {
        NetnsLan.assumeAvailable();
    }

    private static List<String> group(int vrid) {
        return List.of("vrid=" + vrid, "addresses=192.0.2.1", "priority=100", "advertIntervalMillis=100");
    }

    /** The group runs on a router-style interface name mapped to the Linux device (interfaces = Gi0/0/0=eth0). */
    @Test
    public void linkDownOnTheBoxGoesToInitializeAndWithdrawsTheVirtualMac() throws Exception {
        try (NetnsLan lan = new NetnsLan(Path.of("target", "netns", name.getMethodName()).toAbsolutePath())) {
            String r2 = lan.addNode("r2", "192.0.2.3/24");
            OpenVrrsProcess openvrrs = new OpenVrrsProcess(lan, r2, "GigabitEthernet0/0/0=eth0", group(5));
            Awaitility.await("alone on the LAN: Master").atMost(Duration.ofSeconds(10))
                    .until(() -> openvrrs.state().equals("MASTER"));
            Awaitility.await("virtual IP on the macvlan").atMost(Duration.ofSeconds(5))
                    .until(() -> lan.exec(r2, "ip", "-br", "addr").contains("192.0.2.1/32"));
            assertTrue("the group runs on the appliance's name for eth0: " + openvrrs.lines(),
                    openvrrs.lines().stream().anyMatch(l -> l.startsWith(
                            "STATE GigabitEthernet0/0/0/IPv4/5 MASTER")));
            // realtimePriority's default: the protocol thread and eth0's receive thread run SCHED_FIFO 10, nothing
            // else of the JVM does (comm keeps 15 characters of a thread's name)
            assertEquals(Map.of("vrrp", "SCHED_FIFO 10", "net-linux-rx-et", "SCHED_FIFO 10"),
                    realtimeThreads(openvrrs.pid()));

            lan.exec(r2, "ip", "link", "set", "eth0", "down");
            Awaitility.await("link down: Initialize").atMost(Duration.ofSeconds(5))
                    .until(() -> openvrrs.state().equals("INITIALIZE"));
            Awaitility.await("virtual MAC withdrawn").atMost(Duration.ofSeconds(5))
                    .until(() -> !lan.exec(r2, "ip", "-br", "link").contains("vrrp."));

            lan.exec(r2, "ip", "link", "set", "eth0", "up");
            Awaitility.await("link up again: Master").atMost(Duration.ofSeconds(10))
                    .until(() -> openvrrs.state().equals("MASTER"));
            openvrrs.stop();
            assertFalse("graceful stop removes the macvlan", lan.exec(r2, "ip", "-br", "link").contains("vrrp."));
        }
    }

    /** The process's real-time threads: name -> "SCHED_FIFO <priority>", from /proc/PID/task/TID/stat. */
    private static Map<String, String> realtimeThreads(long pid) throws IOException {
        Map<String, String> out = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path task : tasks.toList()) {
                String stat = Files.readString(task.resolve("stat"));
                String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                if (fields[41 - 3].equals("1")) { // field 41 the policy, 40 rt_priority
                    out.put(comm, "SCHED_FIFO " + fields[40 - 3]);
                }
            }
        }
        return out;
    }

    @Test
    public void staleVirtualMacOfACrashedRunIsRemovedAtStart() throws Exception {
        try (NetnsLan lan = new NetnsLan(Path.of("target", "netns", name.getMethodName()).toAbsolutePath())) {
            String r2 = lan.addNode("r2", "192.0.2.3/24");
            OpenVrrsProcess crashed = new OpenVrrsProcess(lan, r2, "eth0", group(6));
            Awaitility.await("Master with its macvlan").atMost(Duration.ofSeconds(10)).until(() -> crashed.state()
                    .equals("MASTER") && lan.exec(r2, "ip", "-br", "addr").contains("192.0.2.1/32"));
            NetnsLan.killAll(r2);
            String leftover = lan.exec(r2, "ip", "-br", "link");
            assertTrue("kill -9 leaves the macvlan: " + leftover, leftover.contains(".6@eth0"));

            // another group this time, so whatever vrrp.*.6 exists after start is the stale one
            OpenVrrsProcess restarted = new OpenVrrsProcess(lan, r2, "eth0", group(7));
            assertFalse("stale macvlan removed at start", lan.exec(r2, "ip", "-br", "link").contains(".6@eth0"));
            assertFalse("stale virtual IP removed at start", lan.exec(r2, "ip", "-br", "addr").contains("192.0.2.1"));
            restarted.stop();
        }
    }
}
