package org.openvrrs.itests.netns;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestName;

/**
 * The IOS-style front end of the assembled distribution on Linux, driven over SSH as an operator's script drives it
 * (issue 13): the guide's server example (documentation addresses) piped into {@code configure terminal} brings the
 * group up against keepalived; {@code write memory} survives a restart and an unsaved change does not;
 * {@code configure replace FILE time 1} without {@code configure confirm} rolls back by itself; a RADIUS key is never
 * in clear in {@code show running-config}, {@code etc/startup-config} or {@code data/log/karaf.log}.
 *
 * <p>The interface keeps the address the LAN gave eth0 ({@code ip address 192.0.2.3 255.255.255.0}): on Linux
 * {@code ip address} makes the kernel's IPv4 addresses of the device the configured ones, so the same address
 * changes nothing underneath while still going through the command. {@code vrrp delay minimum 1 reload 1} instead
 * of the guide's 30/60 keeps the test short. Namespaces use the prefix {@code iss-}. Needs root and the Debian
 * packages keepalived and openssh-client; skipped otherwise.
 */
public class IosOverSshIT {
    private static final String PREFIX = "iss-";
    private static final String KEEPALIVED = "192.0.2.2";
    private static final String DISTRIBUTION = "192.0.2.3";
    private static final String VIRTUAL = "192.0.2.1";
    private static final String INTERFACE = "GigabitEthernet0/0/0";
    /** The group's lines as show running-config prints them after the server example. */
    private static final String GROUP_LINES = "interface GigabitEthernet0/0/0\n ip address " + DISTRIBUTION
            + " 255.255.255.0\n vrrp 1 ip " + VIRTUAL + "\n vrrp 1 name name1\n vrrp delay minimum 1 reload 1\n";
    private static final String CLEAR_KEY = "Iss7ClearRadiusKey";
    private static final String STARTUP_LOG = "Startup configuration etc/startup-config";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Rule
    public TestName name = new TestName();

    @BeforeClass
    public static void toolsInstalled() {
        NetnsLan.assumeAvailable();
        NetnsLan.assumeInstalled("keepalived", "keepalived");
        NetnsLan.assumeInstalled("ssh", "openssh-client");
        NetnsLan.assumeInstalled("ssh-keygen", "openssh-client");
    }

    @Test
    public void theGuidesServerExampleOverSshSavedRestartedRolledBackWithItsSecretHidden() throws Exception {
        Path dir = Path.of("target", "netns", name.getMethodName()).toAbsolutePath();
        try (NetnsLan lan = new NetnsLan(dir, PREFIX)) {
            String r1 = lan.addNode("r1", KEEPALIVED + "/24");
            String r2 = lan.addNode("r2", DISTRIBUTION + "/24");
            Keepalived keepalived = new Keepalived(lan, r1, 3, List.of("state BACKUP", "interface eth0",
                    "virtual_router_id 1", "priority 200", "advert_int 1", "virtual_ipaddress {",
                    "  " + VIRTUAL + "/24", "}"));
            keepalived.start();
            // openvrrs-accounting: the radius server commands act through its aaa: commands (docs/cli.md)
            try (DistributionNode node = new DistributionNode(lan, r2, INTERFACE + "=eth0", Map.of(),
                    List.of("openvrrs-core", "openvrrs-linux", "openvrrs-vrrp", "openvrrs-plugins", "openvrrs-ios",
                            "openvrrs-accounting"))) {
                node.start("show vrrp brief", "show running-config");
                Awaitility.await("the configuration store in cli-ios answers (show archive)").atMost(WAIT)
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> node.tryShell("show archive").exitCode() == 0
                                && !node.tryShell("show archive").output().contains("not available"));

                // 2. the guide's server example, piped into configure terminal over SSH
                String applied = paste(node, dir, "server.cfg", serverExample());
                assertFalse(applied, applied.lines().anyMatch(l -> l.startsWith("%") && !l.startsWith("% Warning")));
                assertTrue(running(node), running(node).contains(GROUP_LINES));
                Awaitility.await("keepalived Master").atMost(WAIT).until(() -> keepalived.state().equals("MASTER"));
                awaitState(node, "Backup");
                String summary = node.shell("show vrrs summary");
                assertTrue(summary, summary.lines().anyMatch(l -> l.trim().startsWith("name1")));

                keepalived.crash();
                lan.tryExec(r1, "ip", "addr", "del", VIRTUAL + "/24", "dev", "eth0");
                awaitState(node, "Master");

                // 3. saved: survives a restart; not saved: gone after one
                node.shell("write memory");
                String startup = node.shell("show startup-config");
                assertTrue(startup, startup.contains(GROUP_LINES));
                node.restart("show vrrp brief", "show running-config");
                Awaitility.await("the saved group after the restart").atMost(WAIT)
                        .until(() -> running(node).contains(GROUP_LINES));
                awaitState(node, "Master");

                paste(node, dir, "priority.cfg", "interface gigabitethernet0/0/0\nvrrp 1 priority 150\nend\n");
                assertTrue(running(node), running(node).contains(" vrrp 1 priority 150\n"));
                int applications = count(node.home().resolve("data/log/karaf.log"), STARTUP_LOG);
                node.restart("show vrrp brief", "show running-config");
                Awaitility.await("the startup configuration applied at the start (karaf.log)").atMost(WAIT)
                        .until(() -> count(node.home().resolve("data/log/karaf.log"), STARTUP_LOG) > applications);
                String afterRestart = running(node);
                assertFalse("the unsaved priority is gone:\n" + afterRestart,
                        afterRestart.contains("vrrp 1 priority 150"));
                assertTrue(afterRestart, afterRestart.contains(GROUP_LINES));
                awaitState(node, "Master");

                // 4. configure replace ... time 1 without configure confirm rolls back by itself
                String saved = Files.readString(node.home().resolve("etc/startup-config"));
                String changed = saved.replace(" vrrp 1 name name1\n", " vrrp 1 name name1\n vrrp 1 priority 150\n");
                assertTrue("the saved configuration has the group's name line:\n" + saved, !changed.equals(saved));
                Files.writeString(node.home().resolve("etc/iss-site-config"), changed);
                node.shell("configure replace etc/iss-site-config time 1");
                assertTrue(running(node), running(node).contains(" vrrp 1 priority 150\n"));
                Awaitility.await("the unconfirmed replace rolled back").atMost(Duration.ofSeconds(100))
                        .pollInterval(Duration.ofSeconds(2))
                        .until(() -> !running(node).contains("vrrp 1 priority 150"));
                assertTrue(running(node), running(node).contains(GROUP_LINES));

                // 5. a RADIUS key typed in clear is never shown, saved or logged in clear
                // the classic one-line form: the radius server sub-mode typed line by line is refused on the
                // real distribution (radiusServerSubModeLineByLine below)
                String radius = paste(node, dir, "radius.cfg", "radius-server host 192.0.2.50 acct-port 1813 key "
                        + CLEAR_KEY + "\nend\n");
                assertFalse(radius, radius.lines().anyMatch(l -> l.startsWith("%") && !l.startsWith("% Warning")));
                assertFalse(radius, radius.contains(CLEAR_KEY));
                String withKey = running(node);
                assertTrue(withKey, withKey.contains("192.0.2.50"));
                assertTrue(withKey, withKey.contains(" key 6 "));
                assertFalse(withKey, withKey.contains(CLEAR_KEY));
                node.shell("write memory");
                String savedKey = Files.readString(node.home().resolve("etc/startup-config"));
                assertTrue(savedKey, savedKey.contains(" key 6 "));
                assertFalse(savedKey, savedKey.contains(CLEAR_KEY));
                assertFalse(node.shell("show startup-config").contains(CLEAR_KEY));
                assertEquals("the clear key in data/log/karaf.log", 0,
                        count(node.home().resolve("data/log/karaf.log"), CLEAR_KEY));
            }
        }
    }

    /**
     * {@code radius server NAME} / {@code address ipv4 A acct-port P} / {@code key K}, as IOS writes it and as
     * docs/cli.md lists it, typed line by line over SSH into the distribution with openvrrs-accounting.
     */
    @Test
    public void radiusServerSubModeLineByLine() throws Exception {
        Path dir = Path.of("target", "netns", name.getMethodName()).toAbsolutePath();
        try (NetnsLan lan = new NetnsLan(dir, PREFIX)) {
            String r2 = lan.addNode("r2", DISTRIBUTION + "/24");
            try (DistributionNode node = new DistributionNode(lan, r2, INTERFACE + "=eth0", Map.of(),
                    List.of("openvrrs-core", "openvrrs-linux", "openvrrs-vrrp", "openvrrs-plugins", "openvrrs-ios",
                            "openvrrs-accounting"))) {
                node.start("show running-config", "vrrs:accounting");
                String radius = paste(node, dir, "radius.cfg", "radius server RAD1\naddress ipv4 192.0.2.50 acct-port"
                        + " 1813\nkey " + CLEAR_KEY + "\nend\n");
                assertFalse(radius, radius.contains(CLEAR_KEY));
                String running = running(node);
                assertTrue(running, running.contains("radius server RAD1\n address ipv4 192.0.2.50"));
                assertTrue(running, running.contains(" key 6 "));
                assertFalse(running, running.contains(CLEAR_KEY));
            }
        }
    }

    /** The guide's server example (corpus, prompts included) with documentation addresses and a 1 s delay. */
    private static String serverExample() throws IOException {
        String guide;
        try (InputStream in = IosOverSshIT.class.getResourceAsStream("/guide-examples/1-server.txt")) {
            guide = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String example = guide.replace("10.0.0.1 ", DISTRIBUTION + " ").replace("10.0.1.20", VIRTUAL)
                .replace("minimum 30 reload 60", "minimum 1 reload 1");
        assertFalse("the corpus' addresses were all replaced:\n" + example, example.contains("10.0."));
        assertTrue(example, example.contains("minimum 1 reload 1"));
        return example;
    }

    /** {@code ssh ... 'configure terminal' < FILE}: what it printed; fails when it failed. */
    private static String paste(DistributionNode node, Path dir, String file, String lines) throws IOException {
        Path input = dir.resolve(file);
        Files.writeString(input, lines);
        NetnsLan.Result r = node.tryShell("configure terminal", input);
        assertEquals("configure terminal < " + file + ":\n" + r.output(), 0, r.exitCode());
        return r.output();
    }

    private static String running(DistributionNode node) {
        return node.shell("show running-config");
    }

    /** Waits until group 1's row of {@code show vrrp brief} says {@code state}. */
    private static void awaitState(DistributionNode node, String state) {
        try {
            Awaitility.await("group 1 " + state + " (show vrrp brief over SSH)").atMost(WAIT)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> node.tryShell("show vrrp brief").output().lines()
                            .filter(l -> l.startsWith(INTERFACE + " ") || l.startsWith("Gi0/0/0 "))
                            .anyMatch(l -> l.toLowerCase().contains(state.toLowerCase())));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // what the operator would look at next
            throw new AssertionError(e.getMessage() + "\n" + node.tryShell("show vrrp").output()
                    + node.tryShell("show ip interface brief").output() + node.tryShell("vrrp:show").output(), e);
        }
    }

    private static int count(Path file, String text) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        String content = Files.readString(file);
        int n = 0;
        for (int at = content.indexOf(text); at >= 0; at = content.indexOf(text, at + 1)) {
            n++;
        }
        return n;
    }
}
