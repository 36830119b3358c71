package org.openvrrs.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The distribution's default: the VRRP demo on the simulated LAN, as an operator sees it through vrrs:summary,
 * vrrp:show and sim:arp, including a failover and the preemption back; and vrrp:configure's validation.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class VrrpDemoIT extends OpenVrrsTestSupport {

    /** The summary row of a group: [server, state, virtual address], or null. */
    private List<String> row(String group) {
        return Arrays.stream(execute("vrrs:summary").split("\n"))
                .map(String::trim)
                .filter(l -> l.startsWith(group + " "))
                .map(l -> Arrays.asList(l.split("\\s+")).subList(1, 4))
                .findFirst().orElse(null);
    }

    @Test
    public void theDemoGroupFailsOverWhenItsMasterStopsAndComesBackWhenItReturns() {
        await().until(() -> List.of("VRRP", "ACTIVE", "192.0.2.1").equals(row("DEMO-R1")));
        assertEquals(List.of("VRRP", "BACKUP", "192.0.2.1"), row("DEMO-R2"));
        assertTrue(execute("vrrs:group DEMO-R2"), execute("vrrs:group DEMO-R2")
                .contains("Active interface address 192.0.2.2, standby interface address 192.0.2.3"));

        execute("sim:router r1 stop");
        await().until(() -> List.of("VRRP", "ACTIVE", "192.0.2.1").equals(row("DEMO-R2")));
        assertEquals(List.of("VRRP", "INIT", "192.0.2.1"), row("DEMO-R1"));
        assertTrue(execute("vrrp:show r2/eth0").contains("State is Master"));
        assertEquals("192.0.2.1 is at 0000.5e00.0101", execute("sim:arp host1 192.0.2.1").trim());
        assertTrue(execute("vrrs:group DEMO-R1").contains("state INIT, old state ACTIVE, reason Interface"));

        execute("sim:router r1 start");
        await().until(() -> List.of("VRRP", "ACTIVE", "192.0.2.1").equals(row("DEMO-R1")));
        await().until(() -> List.of("VRRP", "BACKUP", "192.0.2.1").equals(row("DEMO-R2")));
        assertTrue(execute("vrrp:statistics"), execute("vrrp:statistics").contains("last reason preempted"));
    }

    @Test
    public void configureRefusesInvalidGroupsAndChangesNothing() {
        String before = execute("vrrp:show --brief");
        assertEquals("ERROR: VRID 256 is outside 1-255",
                execute("vrrp:configure --network r1 --address 192.0.2.50 eth0 256").trim());
        assertEquals("ERROR: priority 255 is outside 1-254 (255 is taken by the address owner automatically)",
                execute("vrrp:configure --network r1 --priority 255 eth0 1").trim());
        assertEquals("ERROR: virtual address '192.0.2.300' is not an IPv4 or IPv6 address",
                execute("vrrp:configure --network r1 --address 192.0.2.300 eth0 9").trim());
        assertEquals("ERROR: virtual address 2001:db8::9 is not IPv4",
                execute("vrrp:configure --network r1 --address 2001:db8::9 eth0 9").trim());
        assertEquals(before.replaceAll("\\d+\\s+(Y\\s+)?Y\\s+(Master|Backup)", ""),
                execute("vrrp:show --brief").replaceAll("\\d+\\s+(Y\\s+)?Y\\s+(Master|Backup)", ""));
    }

    @Test
    public void aNewGroupRunsAtOnceAndARenameMovesItsVrrsRegistration() {
        assertEquals("VRRP group r2/eth0 9 (IPv4) configured", execute(
                "vrrp:configure --network r2 --address 198.51.100.1 --priority 150 --name DEMO-NEW eth0 9").trim());
        // r2 is alone on VRID 9: Master after its master down interval
        await().until(() -> List.of("VRRP", "ACTIVE", "198.51.100.1").equals(row("DEMO-NEW")));

        execute("vrrp:configure --network r2 --name DEMO-RENAMED eth0 9");
        await().until(() -> List.of("VRRP", "ACTIVE", "198.51.100.1").equals(row("DEMO-RENAMED")));
        await().until(() -> row("DEMO-NEW") == null);

        assertEquals("VRRP group eth0 9 removed", execute("vrrp:remove --network r2 eth0 9").trim());
        await().until(() -> row("DEMO-RENAMED") == null);
        assertEquals("ERROR: no VRRP group 9 (ipv4) on eth0", execute("vrrp:remove --network r2 eth0 9").trim());
    }

    @Test
    public void theVrrpServerLeavesAndRejoinsVrrsWithItsBundleAndWithTheRegistry() throws Exception {
        await().until(() -> row("DEMO-R1") != null && row("DEMO-R1").get(1).equals("ACTIVE"));
        org.osgi.framework.Bundle vrrp = bundle("org.openvrrs.fhrp.vrrp");
        vrrp.stop();
        // no server any more; the demo's subinterfaces still follow the names, so the groups stay, unserved
        await().until(() -> List.of("UNKNOW", "INIT").equals(row("DEMO-R1").subList(0, 2))
                && List.of("UNKNOW", "INIT").equals(row("DEMO-R2").subList(0, 2)));
        vrrp.start();
        await().until(() -> List.of("VRRP", "ACTIVE", "192.0.2.1").equals(row("DEMO-R1")));

        org.osgi.framework.Bundle core = bundle("org.openvrrs.vrrs.core");
        core.stop();
        core.start();
        // the groups publish themselves again, with their current state, without any operator action
        await().until(() -> List.of("VRRP", "ACTIVE", "192.0.2.1").equals(row("DEMO-R1")));
        await().until(() -> List.of("VRRP", "BACKUP", "192.0.2.1").equals(row("DEMO-R2")));
    }
}
