package org.openvrrs.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.Collection;
import java.util.function.Function;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.openvrrs.net.api.NetInterface;
import org.openvrrs.net.api.Network;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * The VRRS Interface-State and MAC-Address plug-ins in the shipped demo: the guide's example outputs, and hot plug:
 * uninstalling the plug-in bundles gives every subinterface back (administrative line protocol, burned-in MAC, no
 * filter entry, no client), installing them takes control at once, 50 times while a followed group flips state.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginsHotPlugIT extends OpenVrrsTestSupport {
    private static final String IFSTATE = "org.openvrrs.plugin.ifstate";
    private static final String MACADDR = "org.openvrrs.plugin.macaddr";
    private static final String TEST_GROUP = "ITEST-PLUGINS";
    private static final String VMAC = "0000.5e00.0101";
    private static final int ROUNDS = 50;

    @Test
    public void theDemoReproducesTheGuidesPluginExamples() throws Exception {
        await().until(() -> execute("vrrs:plugin-database").contains("Name = DEMO-R1\n"
                + "Server connection = Live\nState = Active\nMAC addr = " + VMAC + "\n"));
        String database = execute("vrrs:plugin-database");
        assertTrue(database, database.startsWith("VRRS Plugin Database\n-----\n"));
        assertTrue(database, database.contains("Name = VRRS_NAME_2\nServer connection = Disconnected\n"
                + "State = Disabled\nMAC addr = 0000.0000.0000\nTest Control = False\n"));
        assertTrue(database, database.contains("Interface list =\n                r1/eth0.2\n                r1/eth0.3\n"));
        assertTrue(database, database.contains("Interface list =\n                r1/eth0.4\n"));

        String clients = execute("vrrs:clients");
        assertTrue(clients, clients.lines().anyMatch(l -> l.matches("\\s*\\d+\\s+High\\s+No\\s+VRRS-Plugins\\s*")));

        String brief = execute("vrrs:ip-interface-brief --network r1");
        assertTrue(brief, brief.lines().anyMatch(l -> l.matches("eth0\\.2\\s+198\\.51\\.100\\.1\\s+YES manual\\s+up\\s+up")));
        assertTrue(brief, brief.contains("down\n! \"interface-state\" DOWN due to no VRRS server\n"));
        await().until(() -> execute("vrrs:ip-interface-brief --network r2").contains(
                "! \"interface-state\" DOWN due to VRRS DEMO-R2 state BACKUP"));

        assertEquals("198.51.100.1 is at " + VMAC, execute("sim:arp host2 198.51.100.1").trim());
        String arp = execute("vrrs:ip-arp --network r1");
        assertTrue(arp, arp.lines().anyMatch(l -> l.matches("Internet\\s+198\\.51\\.100\\.1\\s+-\\s+" + VMAC.replace(".", "\\.")
                + "\\s+ARPA\\s+eth0\\.2")));
        assertTrue(arp, arp.lines().anyMatch(l -> l.matches("Internet\\s+198\\.51\\.100\\.129\\s+-\\s+0200\\.0000\\.0101"
                + "\\s+ARPA\\s+eth0\\.4")));
        assertTrue(execute("vrrs:controller --network r1 eth0"), execute("vrrs:controller --network r1 eth0")
                .contains(": 0 " + VMAC + " 0000.0000.0000 0\n")); // the guide's row: hash: length addr mask hits

        // a failover moves the subinterfaces with the group: r2's come up with the virtual MAC, r1's go down
        assertTrue(virtualAddresses("r2", "eth0.2").isEmpty());
        ok("sim:router r1 stop");
        try {
            await().until(() -> line("r2", "eth0.2") && !virtualAddresses("r2", "eth0.2").isEmpty()
                    && line("r2", "eth0.3"));
            assertEquals("198.51.100.1 is at " + VMAC, execute("sim:arp host2 198.51.100.1").trim());
            assertTrue(virtualAddresses("r1", "eth0.2").isEmpty());
        } finally {
            ok("sim:router r1 start");
        }
        await().until(() -> line("r1", "eth0.2") && !line("r2", "eth0.2")
                && virtualAddresses("r2", "eth0.2").isEmpty() && !virtualAddresses("r1", "eth0.2").isEmpty());

        // the registry restarts: no VRRS means no server (down), then the groups are pushed again (up)
        org.osgi.framework.Bundle core = bundle("org.openvrrs.vrrs.core");
        core.stop();
        await().until(() -> !line("r1", "eth0.2") && virtualAddresses("r1", "eth0.2").isEmpty());
        core.start();
        await().until(() -> line("r1", "eth0.2") && !virtualAddresses("r1", "eth0.2").isEmpty());
        await().until(() -> execute("vrrs:clients").contains("VRRS-Plugins"));

        // the configuration commands: validated before anything is written, changes applied live
        assertEquals("ERROR: arp duration 5 is outside 10 (the interval)-86400 seconds",
                execute("vrrs:mac-address --network r1 eth0.4 arp interval 10 duration 5").trim());
        assertEquals("ERROR: no vrrs follow on r1/eth0.9: configure vrrs:follow first",
                execute("vrrs:interface-state --network r1 eth0.9").trim());
        String removed = ok("vrrs:interface-state --network r1 --no eth0.4");
        assertTrue(removed, removed.contains("Warning: mac-address without interface-state on r1/eth0.4"));
        await().until(() -> line("eth0.4"));
        ok("vrrs:interface-state --network r1 eth0.4");
        await().until(() -> !line("eth0.4"));
        assertEquals("ERROR: r1/eth0 is not a subinterface: VRRS plug-ins go on subinterfaces sharing the physical "
                + "interface of the FHRP group they follow; r1/eth0 runs VRRP group 1: VRRS plug-ins go on "
                + "subinterfaces without an FHRP", execute("vrrs:follow --network r1 eth0 DEMO-R1").trim());
    }

    @Test
    public void plugInsComeAndGoFiftyTimesWhileTheGroupFlipsLeavingNothingBehind() throws Exception {
        // the demo's networks come up with the container; this test may run first
        await().until(() -> !execute("vrrs:ip-interface-brief --network r1").contains("ERROR"));
        ok("vrrs:test-server --virtual-address 203.0.113.1 --virtual-mac " + VMAC + " " + TEST_GROUP + " backup");
        String follow = ok("vrrs:follow --network r1 eth0.3 " + TEST_GROUP);
        assertTrue(follow, follow.contains("Warning: no FHRP group here publishes VRRS name " + TEST_GROUP));
        await().until(() -> !line("eth0.3"));
        int threadsBefore = Thread.getAllStackTraces().size();
        String version = required("openvrrs.project.version");
        try {
            for (int round = 0; round < ROUNDS; round++) {
                boolean active = round % 2 == 0;
                ok("vrrs:test-server " + TEST_GROUP + (active ? " active" : " backup"));
                await().until(() -> line("eth0.3") == active && virtualAddresses("eth0.3").isEmpty() != active);

                bundle(IFSTATE).uninstall();
                bundle(MACADDR).uninstall();
                await().until(() -> line("eth0.3") && line("eth0.4"));
                assertTrue("burned-in MAC back", virtualAddresses("eth0.2").isEmpty()
                        && virtualAddresses("eth0.3").isEmpty());
                assertTrue("filter entry removed", iface("eth0").macFilter().isEmpty());
                assertFalse("no client left", execute("vrrs:clients").contains("VRRS-Plugins"));

                bundleContext.installBundle("mvn:org.openvrrs/plugin-ifstate/" + version).start();
                bundleContext.installBundle("mvn:org.openvrrs/plugin-macaddr/" + version).start();
                await().until(() -> !line("eth0.4") && line("eth0.3") == active
                        && virtualAddresses("eth0.3").isEmpty() != active && line("eth0.2"));
                await().until(() -> execute("vrrs:clients").contains("VRRS-Plugins"));
            }
        } finally {
            ok("vrrs:follow --network r1 eth0.3 DEMO-R1");
            execute("vrrs:test-server " + TEST_GROUP + " remove");
        }
        assertEquals("one VRRS-Plugins client", 1, execute("vrrs:clients").lines()
                .filter(l -> l.contains("VRRS-Plugins")).count());
        assertTrue("threads before " + threadsBefore + ", after " + Thread.getAllStackTraces().size(),
                Thread.getAllStackTraces().size() <= threadsBefore + 10);
        await().until(() -> line("eth0.3") && !virtualAddresses("eth0.3").isEmpty());
    }

    private String ok(String command) {
        String out = execute(command);
        assertFalse(command + " failed: " + out, out.contains("ERROR: "));
        return out;
    }

    private boolean line(String ifname) {
        return line("r1", ifname);
    }

    private boolean line(String router, String ifname) {
        return withRouter(router, r -> r.find(ifname).orElseThrow()).lineProtocolUp();
    }

    private NetInterface iface(String ifname) {
        return withRouter("r1", r -> r.find(ifname).orElseThrow());
    }

    private Collection<?> virtualAddresses(String ifname) {
        return virtualAddresses("r1", ifname);
    }

    /** The simulated router's data-plane table; net-sim exports no package, so its public method is called by name. */
    private Collection<?> virtualAddresses(String router, String ifname) {
        return withRouter(router, r -> {
            try {
                return ((java.util.Map<?, ?>) r.getClass().getMethod("virtualAddresses", String.class)
                        .invoke(r, ifname)).keySet();
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("router " + router + " is not a simulated router", e);
            }
        });
    }

    /** Asks a simulated router, looked up now. */
    private <T> T withRouter(String router, Function<Network, T> question) {
        try {
            Collection<ServiceReference<Network>> refs = bundleContext.getServiceReferences(Network.class,
                    "(network.name=" + router + ")");
            assertFalse("router " + router + " is a Network service", refs.isEmpty());
            ServiceReference<Network> ref = refs.iterator().next();
            Network n = bundleContext.getService(ref);
            try {
                assertNotNull(n);
                return question.apply(n);
            } finally {
                bundleContext.ungetService(ref);
            }
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new AssertionError(e);
        }
    }
}
