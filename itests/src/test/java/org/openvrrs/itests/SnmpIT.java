package org.openvrrs.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;
import org.junit.Assume;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.openvrrs.snmp.testing.NetSnmp;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * SNMP in the distribution, as an operator sets it up: the test's own net-snmp snmpd (AgentX master, SNMPv3 user)
 * and snmptrapd; {@code feature:install openvrrs-snmp}, then {@code etc/org.openvrrs.snmp.cfg} (through Config
 * Admin) pointing at snmpd's AgentX socket. snmpwalk and snmpget, with the distribution's share/mibs loaded, read
 * the demo's groups as vrrp:show and vrrp:statistics print them, and snmptrapd receives vrrpv3NewMaster when r2
 * takes over and when r1 preempts back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SnmpIT extends OpenVrrsTestSupport {

    @Inject
    protected FeaturesService featuresService;

    @Inject
    protected ConfigurationAdmin configAdmin;

    @Test
    public void snmpdServesTheDemoGroupsThroughTheSubagentAndForwardsItsNotifications() throws Exception {
        Assume.assumeTrue("net-snmp is not installed (Debian packages snmp, snmpd, snmptrapd)", NetSnmp.installed());
        Path home = Path.of(System.getProperty("karaf.home"));
        Path mibs = home.resolve("share/mibs");
        for (String shipped : List.of("VRRPV3-MIB.txt", "VRRP-MIB.txt", "OPENVRRS-VRRS-MIB.txt")) {
            assertTrue("the distribution ships " + shipped, Files.isRegularFile(mibs.resolve(shipped)));
        }
        Path dir = Files.createTempDirectory(Files.createDirectories(home.resolve("data")), "snm-netsnmp-");
        try (NetSnmp snmp = new NetSnmp(dir, List.of(mibs, mibs.resolve("ietf")))) {
            snmp.start();
            featuresService.installFeature("openvrrs-snmp");
            await().until(() -> bundle("org.openvrrs.snmp") != null
                    && bundle("org.openvrrs.snmp").getState() == Bundle.ACTIVE);
            // installed but not configured: it connects nowhere, snmpd has nothing of ours
            assertTrue(snmp.walk("VRRPV3-MIB::vrrpv3MIB").output().contains("No Such Object"));

            Configuration cfg = configAdmin.getConfiguration("org.openvrrs.snmp", null);
            cfg.update(properties(true, snmp.agentxSocket()));
            await().until(() -> snmp.walk("VRRPV3-MIB::vrrpv3OperationsStatus").output().contains("master(3)"));
            await().until(() -> execute("vrrp:show r1/eth0").contains("State is Master")
                    && execute("vrrp:show r2/eth0").contains("State is Backup"));

            Map<String, String> ifIndex = interfaceIndexes(snmp);
            for (String where : List.of("r1/eth0", "r2/eth0")) {
                matchesShowVrrp(snmp, where, ifIndex.get(where) + ".1.1");
            }

            // an object this agent does not serve: answered, one WARN line, the agent goes on
            assertTrue(snmp.get("VRRPV3-MIB::vrrpv3OperationsStatus.99.1.1").output().contains("No Such Instance"));
            assertTrue(snmp.get("VRRPV3-MIB::vrrpv3OperationsStatus.98.1.1").output().contains("No Such Instance"));
            await().until(() -> karafLog(home).contains("SNMP: Get of 1.3.6.1.2.1.207.1.1.1.1.6.99.1.1"));
            assertEquals("at most one line a minute", 1, karafLog(home).lines()
                    .filter(l -> l.contains("SNMP: Get of")).count());
            // wrong credentials: snmpd refuses them; the next request is answered
            assertTrue(snmp.client("snmpget", NetSnmp.USER, "not-the-passphrase",
                    "VRRPV3-MIB::vrrpv3RouterChecksumErrors.0").output().contains("Authentication failure"));
            assertTrue(snmp.get("VRRPV3-MIB::vrrpv3RouterChecksumErrors.0").output().contains("Counter64: 0"));
            await().until(() -> snmp.traps().contains("SNMPv2-MIB::authenticationFailure")); // snmpd's, once

            String r1 = ifIndex.get("r1/eth0") + ".1.ipv4";
            String r2 = ifIndex.get("r2/eth0") + ".1.ipv4";
            execute("sim:router r1 stop");
            await().until(() -> snmp.traps().contains("vrrpv3NewMaster\tVRRPV3-MIB::vrrpv3OperationsMasterIpAddr."
                    + r2 + " = Hex-STRING: C0 00 02 03 \tVRRPV3-MIB::vrrpv3StatisticsNewMasterReason." + r2
                    + " = INTEGER: masterNoResponse(3)"));
            await().until(() -> snmp.get("VRRPV3-MIB::vrrpv3OperationsStatus." + r1).output()
                    .contains("initialize(1)"));
            execute("sim:router r1 start");
            await().until(() -> snmp.traps().contains("vrrpv3NewMaster\tVRRPV3-MIB::vrrpv3OperationsMasterIpAddr."
                    + r1 + " = Hex-STRING: C0 00 02 02 \tVRRPV3-MIB::vrrpv3StatisticsNewMasterReason." + r1
                    + " = INTEGER: preempted(2)"));

            // the VRRS registry's view, as vrrs:summary shows it
            await().until(() -> execute("vrrs:summary").matches("(?s).*DEMO-R1\\s+VRRP\\s+ACTIVE.*"));
            String vrrs = snmp.walk("OPENVRRS-VRRS-MIB::vrrsGroupTable").output();
            assertTrue(vrrs, vrrs.contains("vrrsGroupServer.\"DEMO-R1\" = STRING: VRRP"));
            assertTrue(vrrs, vrrs.contains("vrrsGroupState.\"VRRS_NAME_2\" = INTEGER: init(1)"));
            String clients = snmp.walk("OPENVRRS-VRRS-MIB::vrrsClientName").output();
            assertTrue(clients, clients.contains("STRING: VRRS-Plugins"));

            // switched off: the session closes, snmpd serves nothing of ours again
            cfg.update(properties(false, snmp.agentxSocket()));
            await().until(() -> snmp.walk("VRRPV3-MIB::vrrpv3MIB").output().contains("No Such Object"));
            cfg.delete();
        } finally {
            if (featuresService.isInstalled(featuresService.getFeature("openvrrs-snmp"))) {
                featuresService.uninstallFeature("openvrrs-snmp");
            }
        }
    }

    /** One group's row of vrrp:show --brief and vrrp:statistics, read back through SNMP. */
    private void matchesShowVrrp(NetSnmp snmp, String where, String index) {
        String brief = execute("vrrp:show --brief " + where);
        Matcher row = Pattern.compile("(?m)^" + Pattern.quote(where)
                + "\\s+1\\s+IPv4\\s+(\\d+)\\s+\\d+\\s+(?:Y\\s+)*(Master|Backup|Init)\\s+(\\S+)\\s+(\\S+)\\s*$")
                .matcher(brief);
        assertTrue(brief, row.find());
        String state = row.group(2).equals("Init") ? "initialize(1)" : row.group(2).equals("Master") ? "master(3)"
                : "backup(2)";
        assertGet(snmp, "VRRPV3-MIB::vrrpv3OperationsStatus." + index, "INTEGER: " + state);
        assertGet(snmp, "VRRPV3-MIB::vrrpv3OperationsPriority." + index, "Gauge32: " + row.group(1));
        assertGet(snmp, "VRRPV3-MIB::vrrpv3OperationsMasterIpAddr." + index, "Hex-STRING: " + hex(row.group(3)));
        assertGet(snmp, "VRRPV3-MIB::vrrpv3OperationsAddrCount." + index, "INTEGER: 1");
        assertGet(snmp, "VRRPV3-MIB::vrrpv3OperationsVirtualMacAddr." + index, "STRING: 0:0:5e:0:1:1");

        // counters that stay put in a steady state: Master transitions, and what a Master hears (a Backup hears
        // one advert a second, so its count moves between the two reads)
        String stats = execute("vrrp:statistics");
        Matcher m = Pattern.compile(Pattern.quote(where) + " - Group 1 \\(IPv4\\)\\n\\s+Became master (\\d+) times"
                + ".*\\n\\s+Adverts sent (\\d+), received (\\d+)").matcher(stats);
        assertTrue(stats, m.find());
        assertGet(snmp, "VRRPV3-MIB::vrrpv3StatisticsMasterTransitions." + index, "Counter32: " + m.group(1));
        if (state.equals("master(3)")) {
            assertGet(snmp, "VRRPV3-MIB::vrrpv3StatisticsRcvdAdvertisements." + index, "Counter64: " + m.group(3));
        }
    }

    private static void assertGet(NetSnmp snmp, String oid, String expected) {
        // the subagent reads anew at most once a second (vrrpv3StatisticsRefreshRate)
        await().until(() -> snmp.get(oid).output().contains(" = " + expected));
    }

    /** NETWORK/IFNAME to the ifIndex the VRRP MIBs use, from OPENVRRS-VRRS-MIB's interface table. */
    private static Map<String, String> interfaceIndexes(NetSnmp snmp) {
        return snmp.walk("OPENVRRS-VRRS-MIB::vrrsInterfaceName").output().lines()
                .map(l -> l.split("vrrsInterfaceName\\.|\\s+=\\s+STRING:\\s+"))
                .filter(p -> p.length == 3)
                .collect(Collectors.toMap(p -> p[2].trim(), p -> p[1].trim()));
    }

    /** 192.0.2.2 as net-snmp prints an InetAddress: C0 00 02 02. */
    private static String hex(String dotted) {
        return Arrays.stream(dotted.split("\\.")).map(p -> String.format("%02X", Integer.parseInt(p)))
                .collect(Collectors.joining(" "));
    }

    private static String karafLog(Path home) throws java.io.IOException {
        Path log = home.resolve("data/log/karaf.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    private static Dictionary<String, Object> properties(boolean enabled, String socket) {
        Dictionary<String, Object> d = new Hashtable<>();
        d.put("enabled", enabled);
        d.put("agentxSocket", socket);
        return d;
    }
}
