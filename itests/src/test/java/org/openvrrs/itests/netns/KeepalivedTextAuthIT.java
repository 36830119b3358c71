package org.openvrrs.itests.netns;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestName;

/**
 * VRRPv2 simple text authentication (RFC 2338) against keepalived's {@code auth_type PASS}: with the same password
 * the two elect one Master, whichever has the higher priority (so each accepts the other's adverts); with different
 * passwords neither accepts the other's adverts, both are Master, and OpenVRRS counts every advert it dropped in
 * {@code vrrp:statistics}. The password never appears in OpenVRRS's output.
 *
 * <p>Needs root and the Debian package keepalived; skipped otherwise.
 */
public class KeepalivedTextAuthIT {
    private static final String VIP = "192.0.2.91";
    private static final int VRID = 91;
    private static final String PASSWORD = "s3cret";
    /** Its own namespace prefix: other namespace tests may run at the same time. */
    private static final String PREFIX = "aut-";
    private static final Pattern WRONG_PASSWORD = Pattern.compile("Authentication errors: wrong password (\\d+)");

    @Rule
    public TestName name = new TestName();

    @BeforeClass
    public static void peersInstalled() {
        NetnsLan.assumeAvailable();
        NetnsLan.assumeInstalled("keepalived", "keepalived");
    }

    @Test
    public void samePasswordKeepalivedMasterOpenVrrsBackup() throws Exception {
        try (NetnsLan lan = new NetnsLan(dir(), PREFIX)) {
            String r1 = lan.addNode("r1", "192.0.2.2/24");
            String r2 = lan.addNode("r2", "192.0.2.3/24");
            Keepalived keepalived = keepalived(lan, r1, 200, PASSWORD);
            keepalived.start();
            Awaitility.await("keepalived Master").atMost(Duration.ofSeconds(15))
                    .until(() -> lan.exec(r1, "ip", "-br", "addr", "show", "dev", "eth0").contains(VIP));
            OpenVrrsProcess openvrrs = openVrrs(lan, r2, 100, PASSWORD);
            Awaitility.await("OpenVRRS Backup of keepalived").atMost(Duration.ofSeconds(15))
                    .until(() -> openvrrs.state().equals("BACKUP") && openvrrs.master().equals("192.0.2.2"));
            // several adverts: OpenVRRS accepts each (its master down interval is 3.6 s)
            Awaitility.await("OpenVRRS stays Backup").during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(7))
                    .until(() -> openvrrs.state().equals("BACKUP"));
            assertEquals("keepalived the one Master", "MASTER", keepalived.state());
            assertEquals("no advert refused:\n" + openvrrs.statistics(), 0, wrongPasswords(openvrrs));
            assertPasswordNeverShown(lan, r2, openvrrs);
            openvrrs.stop();
        }
    }

    @Test
    public void samePasswordOpenVrrsMasterKeepalivedBackup() throws Exception {
        try (NetnsLan lan = new NetnsLan(dir(), PREFIX)) {
            String r1 = lan.addNode("r1", "192.0.2.2/24");
            String r2 = lan.addNode("r2", "192.0.2.3/24");
            OpenVrrsProcess openvrrs = openVrrs(lan, r2, 200, PASSWORD);
            Awaitility.await("OpenVRRS Master").atMost(Duration.ofSeconds(15))
                    .until(() -> openvrrs.state().equals("MASTER"));
            Keepalived keepalived = keepalived(lan, r1, 100, PASSWORD);
            keepalived.start();
            Awaitility.await("keepalived Backup").atMost(Duration.ofSeconds(15))
                    .until(() -> keepalived.state().equals("BACKUP"));
            // keepalived would be Master 3.6 s after it stopped accepting OpenVRRS's adverts
            Awaitility.await("keepalived stays Backup").during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(7))
                    .until(() -> keepalived.state().equals("BACKUP") && openvrrs.state().equals("MASTER"));
            assertFalse("keepalived never Master", keepalived.logged("Entering MASTER STATE"));
            assertPasswordNeverShown(lan, r2, openvrrs);
            openvrrs.stop();
        }
    }

    @Test
    public void aWrongPasswordMeansNoElectionAcrossAndIsCounted() throws Exception {
        try (NetnsLan lan = new NetnsLan(dir(), PREFIX)) {
            String r1 = lan.addNode("r1", "192.0.2.2/24");
            String r2 = lan.addNode("r2", "192.0.2.3/24");
            Keepalived keepalived = keepalived(lan, r1, 200, "other");
            keepalived.start();
            Awaitility.await("keepalived Master").atMost(Duration.ofSeconds(15))
                    .until(() -> keepalived.state().equals("MASTER"));
            OpenVrrsProcess openvrrs = openVrrs(lan, r2, 100, PASSWORD);
            // a Backup that accepted keepalived's adverts would stay Backup; one that drops them is Master in 3.6 s
            Awaitility.await("OpenVRRS Master despite keepalived's higher priority").atMost(Duration.ofSeconds(15))
                    .until(() -> openvrrs.state().equals("MASTER"));
            Awaitility.await("both stay Master").during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
                    .until(() -> openvrrs.state().equals("MASTER") && keepalived.state().equals("MASTER"));
            // every advert of keepalived's heard before the takeover: at least 3 in a 3.6 s master down interval
            // (keepalived then stops advertising: each advert it drops re-arms its advert timer; it stays Master)
            long dropped = wrongPasswords(openvrrs);
            assertTrue("OpenVRRS counted keepalived's adverts:\n" + openvrrs.statistics(), dropped >= 3);
            assertTrue("counted once router-wide:\n" + openvrrs.statistics(),
                    openvrrs.statistics().contains("Drops: authentication " + dropped + "\n"));
            assertTrue("keepalived dropped OpenVRRS's adverts", keepalived.logged("received an invalid passwd"));
            assertTrue("keepalived holds the virtual address too",
                    lan.exec(r1, "ip", "-br", "addr", "show", "dev", "eth0").contains(VIP));
            assertPasswordNeverShown(lan, r2, openvrrs);
            openvrrs.stop();
        }
    }

    private Path dir() {
        return Path.of("target", "netns", name.getMethodName()).toAbsolutePath();
    }

    private static Keepalived keepalived(NetnsLan lan, String ns, int priority, String password) throws IOException {
        return new Keepalived(lan, ns, 2, List.of("state BACKUP", "interface eth0", "virtual_router_id " + VRID,
                "priority " + priority, "advert_int 1", "authentication {", "  auth_type PASS",
                "  auth_pass " + password, "}", "virtual_ipaddress {", "  " + VIP + "/24", "}"));
    }

    private static OpenVrrsProcess openVrrs(NetnsLan lan, String ns, int priority, String password) {
        return new OpenVrrsProcess(lan, ns, "eth0", List.of("vrid=" + VRID, "version=2", "addresses=" + VIP,
                "priority=" + priority, "authenticationText=" + password));
    }

    /** The group's "wrong password" count in vrrp:statistics. */
    private static long wrongPasswords(OpenVrrsProcess openvrrs) throws IOException {
        String statistics = openvrrs.statistics();
        Matcher m = WRONG_PASSWORD.matcher(statistics);
        assertTrue("vrrp:statistics shows authentication errors:\n" + statistics, m.find());
        return Long.parseLong(m.group(1));
    }

    /** Neither the node's output nor its log shows the password. */
    private static void assertPasswordNeverShown(NetnsLan lan, String ns, OpenVrrsProcess openvrrs)
            throws IOException {
        openvrrs.statistics(); // something was printed
        assertFalse("the password in OpenVRRS's output", String.join("\n", openvrrs.lines()).contains(PASSWORD));
        Path log = lan.logDir().resolve("openvrrs-" + ns + ".log");
        assertFalse("the password in OpenVRRS's log", Files.exists(log) && Files.readString(log).contains(PASSWORD));
    }
}
