package org.openvrrs.itests.netns;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestName;

/**
 * Physical-MAC mode against keepalived without {@code use_vmac}: both routers put the virtual address on eth0 itself
 * and announce it with eth0's own MAC. A host pings the virtual address across a failover, both ways, and its
 * neighbour entry for it shows the current Master's own MAC; OpenVRRS takes the address off eth0 when it leaves.
 *
 * <p>Needs root and the Debian package keepalived; skipped otherwise.
 */
public class PhysicalMacIT {
    private static final String VIP = "192.0.2.1";
    private static final int VRID = 71;
    /** Its own namespace prefix: other namespace tests may run at the same time. */
    private static final String PREFIX = "pmc-";

    @Rule
    public TestName name = new TestName();

    @BeforeClass
    public static void peersInstalled() {
        NetnsLan.assumeAvailable();
        NetnsLan.assumeInstalled("keepalived", "keepalived");
    }

    @Test
    public void openVrrsMasterThenKeepalivedAfterOpenVrrsResigns() throws Exception {
        try (NetnsLan lan = new NetnsLan(dir(), PREFIX)) {
            String r1 = lan.addNode("r1", "192.0.2.2/24");
            String r2 = lan.addNode("r2", "192.0.2.3/24");
            String h1 = lan.addNode("h1", "192.0.2.10/24");
            OpenVrrsProcess openvrrs = openVrrs(lan, r2, 200);
            Awaitility.await("OpenVRRS Master").atMost(Duration.ofSeconds(15))
                    .until(() -> openvrrs.state().equals("MASTER"));
            Keepalived keepalived = keepalived(lan, r1, 100);
            keepalived.start();
            Awaitility.await("keepalived Backup").atMost(Duration.ofSeconds(15))
                    .until(() -> keepalived.state().equals("BACKUP"));
            assertTrue("the VIP on OpenVRRS's eth0 itself", lan.exec(r2, "ip", "-br", "addr", "show", "dev", "eth0")
                    .contains(VIP + "/32"));
            assertFalse("no macvlan", lan.exec(r2, "ip", "-br", "link").contains("vrrp."));
            awaitAnsweredBy(lan, h1, mac(lan, r2));

            openvrrs.stop(); // resigns with priority 0
            Awaitility.await("keepalived Master").atMost(Duration.ofSeconds(15))
                    .until(() -> keepalived.state().equals("MASTER"));
            awaitAnsweredBy(lan, h1, mac(lan, r1));
            assertFalse("OpenVRRS took the VIP off eth0", lan.exec(r2, "ip", "-br", "addr", "show", "dev", "eth0")
                    .contains(VIP));
        }
    }

    @Test
    public void keepalivedMasterThenOpenVrrsAfterKeepalivedCrashes() throws Exception {
        try (NetnsLan lan = new NetnsLan(dir(), PREFIX)) {
            String r1 = lan.addNode("r1", "192.0.2.2/24");
            String r2 = lan.addNode("r2", "192.0.2.3/24");
            String h1 = lan.addNode("h1", "192.0.2.10/24");
            Keepalived keepalived = keepalived(lan, r1, 200);
            keepalived.start();
            Awaitility.await("keepalived Master").atMost(Duration.ofSeconds(15))
                    .until(() -> keepalived.state().equals("MASTER"));
            OpenVrrsProcess openvrrs = openVrrs(lan, r2, 100);
            Awaitility.await("OpenVRRS Backup of keepalived").atMost(Duration.ofSeconds(15))
                    .until(() -> openvrrs.state().equals("BACKUP") && openvrrs.master().equals("192.0.2.2"));
            awaitAnsweredBy(lan, h1, mac(lan, r1));

            keepalived.crash(); // no resignation: OpenVRRS takes over after its master down interval
            Awaitility.await("OpenVRRS Master").atMost(Duration.ofSeconds(15))
                    .until(() -> openvrrs.state().equals("MASTER"));
            awaitAnsweredBy(lan, h1, mac(lan, r2));
            assertTrue("the VIP on OpenVRRS's eth0 itself", lan.exec(r2, "ip", "-br", "addr", "show", "dev", "eth0")
                    .contains(VIP + "/32"));
            openvrrs.stop();
            assertFalse("OpenVRRS took the VIP off eth0 at stop",
                    lan.exec(r2, "ip", "-br", "addr", "show", "dev", "eth0").contains(VIP));
        }
    }

    /** The host's ping to the VIP is answered and its neighbour entry for the VIP shows {@code mac}. */
    private static void awaitAnsweredBy(NetnsLan lan, String host, String mac) {
        Awaitility.await("ping to " + VIP + " answered, neighbour " + mac).atMost(Duration.ofSeconds(15))
                .until(() -> lan.tryExec(host, "ping", "-c", "1", "-W", "1", VIP).exitCode() == 0
                        && lan.exec(host, "ip", "neigh", "show", VIP, "dev", "eth0").contains("lladdr " + mac));
        System.out.printf("%s answered by %s%n", VIP, mac);
    }

    private static String mac(NetnsLan lan, String ns) {
        return lan.exec(ns, "cat", "/sys/class/net/eth0/address").trim();
    }

    private Path dir() {
        return Path.of("target", "netns", name.getMethodName()).toAbsolutePath();
    }

    /** keepalived as most users run it: no use_vmac, the VIP on eth0 with eth0's MAC. */
    private static Keepalived keepalived(NetnsLan lan, String ns, int priority) throws IOException {
        return new Keepalived(lan, ns, 3, List.of("state BACKUP", "interface eth0", "virtual_router_id " + VRID,
                "priority " + priority, "advert_int 1", "virtual_ipaddress {", "  " + VIP + "/24", "}"));
    }

    private static OpenVrrsProcess openVrrs(NetnsLan lan, String ns, int priority) {
        return new OpenVrrsProcess(lan, ns, "eth0", List.of("vrid=" + VRID, "version=3", "addresses=" + VIP,
                "priority=" + priority, "useVirtualMac=false"));
    }
}
