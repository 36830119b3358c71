package org.openvrrs.itests.netns;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.io.IOException;
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
 * IPv6 VRRPv3 as keepalived users configure it: a global virtual address only, no link-local. OpenVRRS configured
 * the same way lists exactly that address in its adverts, so keepalived accepts them (before, OpenVRRS needed a
 * link-local too, listed two addresses, keepalived dropped every advert and both were Master). Both roles: one
 * Master, and neither side logs an address-list error.
 *
 * <p>Needs root and the Debian package keepalived; skipped otherwise.
 */
public class KeepalivedIpv6GlobalOnlyIT {
    private static final String VIP = "2001:db8::81";
    private static final int VRID = 81;
    /** Its own namespace prefix: other namespace tests may run at the same time. */
    private static final String PREFIX = "v6g-";
    /** What keepalived logs when an advert's address count or list differs from its own. */
    private static final List<String> KEEPALIVED_ADDRESS_ERRORS = List.of("unexpected ip number count",
            "ip address associated with VRID", "address list");

    @Rule
    public TestName name = new TestName();

    @BeforeClass
    public static void peersInstalled() {
        NetnsLan.assumeAvailable();
        NetnsLan.assumeInstalled("keepalived", "keepalived");
    }

    @Test
    public void keepalivedMasterOpenVrrsBackup() throws Exception {
        try (NetnsLan lan = new NetnsLan(dir(), PREFIX)) {
            String r1 = lan.addNode("r1", "192.0.2.2/24", "2001:db8::2/64");
            String r2 = lan.addNode("r2", "192.0.2.3/24", "2001:db8::3/64");
            Keepalived keepalived = keepalived(lan, r1, 200);
            keepalived.start();
            Awaitility.await("keepalived Master").atMost(Duration.ofSeconds(15))
                    .until(() -> lan.exec(r1, "ip", "-br", "addr", "show", "dev", "eth0").contains(VIP));
            OpenVrrsProcess openvrrs = openVrrs(lan, r2, 100);
            String keepalivedSource = linkLocal(lan, r1);
            Awaitility.await("OpenVRRS Backup of keepalived").atMost(Duration.ofSeconds(15))
                    .until(() -> openvrrs.state().equals("BACKUP") && openvrrs.master().equals(keepalivedSource));
            // several adverts each way: OpenVRRS stays Backup (its master down interval is 3.6 s)
            Awaitility.await("OpenVRRS stays Backup").during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(7))
                    .until(() -> openvrrs.state().equals("BACKUP"));
            assertEquals("keepalived the one Master", "MASTER", keepalived.state());
            assertNoAddressListErrors(lan, r2, keepalived);
            openvrrs.stop();
        }
    }

    @Test
    public void openVrrsMasterKeepalivedBackup() throws Exception {
        try (NetnsLan lan = new NetnsLan(dir(), PREFIX)) {
            String r1 = lan.addNode("r1", "192.0.2.2/24", "2001:db8::2/64");
            String r2 = lan.addNode("r2", "192.0.2.3/24", "2001:db8::3/64");
            OpenVrrsProcess openvrrs = openVrrs(lan, r2, 200);
            Awaitility.await("OpenVRRS Master").atMost(Duration.ofSeconds(15))
                    .until(() -> openvrrs.state().equals("MASTER"));
            Keepalived keepalived = keepalived(lan, r1, 100);
            keepalived.start();
            Awaitility.await("keepalived Backup").atMost(Duration.ofSeconds(15))
                    .until(() -> keepalived.state().equals("BACKUP"));
            // keepalived would be Master 3.6 s after it stopped accepting OpenVRRS's adverts (split brain)
            Awaitility.await("keepalived stays Backup").during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(7))
                    .until(() -> keepalived.state().equals("BACKUP") && openvrrs.state().equals("MASTER"));
            assertFalse("keepalived never Master", keepalived.logged("Entering MASTER STATE"));
            assertFalse("keepalived holds no virtual address",
                    lan.exec(r1, "ip", "-br", "addr", "show", "dev", "eth0").contains(VIP));
            assertNoAddressListErrors(lan, r2, keepalived);
            openvrrs.stop();
        }
    }

    private Path dir() {
        return Path.of("target", "netns", name.getMethodName()).toAbsolutePath();
    }

    private static Keepalived keepalived(NetnsLan lan, String ns, int priority) throws IOException {
        return new Keepalived(lan, ns, 3, List.of("state BACKUP", "interface eth0", "virtual_router_id " + VRID,
                "priority " + priority, "advert_int 1", "virtual_ipaddress {", "  " + VIP + "/64", "}"));
    }

    private static OpenVrrsProcess openVrrs(NetnsLan lan, String ns, int priority) {
        return new OpenVrrsProcess(lan, ns, "eth0", List.of("vrid=" + VRID, "version=3", "family=ipv6",
                "addresses=" + VIP, "priority=" + priority));
    }

    private static void assertNoAddressListErrors(NetnsLan lan, String openVrrsNs, Keepalived keepalived)
            throws IOException {
        for (String error : KEEPALIVED_ADDRESS_ERRORS) {
            assertFalse("keepalived logged '" + error + "'", keepalived.logged(error));
        }
        String log = Files.readString(lan.logDir().resolve("openvrrs-" + openVrrsNs + ".log"));
        assertFalse("OpenVRRS logged an address-list mismatch:\n" + log, log.contains(" lists ["));
        assertEquals("OpenVRRS warned once about the missing link-local:\n" + log, 1,
                log.lines().filter(l -> l.contains("RFC 5798 prefers one")).count());
    }

    private static String linkLocal(NetnsLan lan, String ns) {
        String out = lan.exec(ns, "ip", "-6", "-br", "addr", "show", "dev", "eth0", "scope", "link");
        int i = out.indexOf("fe80::");
        return out.substring(i, out.indexOf('/', i));
    }
}
