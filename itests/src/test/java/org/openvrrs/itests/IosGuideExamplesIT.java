package org.openvrrs.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.Session;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.openvrrs.net.api.NetInterface;
import org.openvrrs.net.api.Network;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The guide's five configuration examples (src/test/resources/guide-examples, verbatim, prompts included) pasted
 * into the demo as an operator pastes them ({@code configure terminal} reading standard input), and the state and
 * shows checked against what the guide prints. Before each test the appliance's own configuration is removed and
 * its network back to the demo's, so each example starts from a freshly started demo.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class IosGuideExamplesIT extends OpenVrrsTestSupport {
    private static final List<String> OWN_PIDS = List.of("org.openvrrs.interface", "org.openvrrs.vrrp.group",
            "org.openvrrs.plugin.subinterface", "org.openvrrs.accounting.group", "org.openvrrs.accounting.attributelist",
            "org.openvrrs.accounting.methodlist", "org.openvrrs.accounting.servergroup",
            "org.openvrrs.accounting.server", "org.openvrrs.track");

    @Inject
    protected ConfigurationAdmin configAdmin;

    @Inject
    protected FeaturesService featuresService;

    @Before
    public void freshDemo() throws Exception {
        for (String pid : OWN_PIDS) {
            Configuration[] entries = configAdmin.listConfigurations("(service.factoryPid=" + pid + ")");
            for (Configuration c : entries == null ? new Configuration[0] : entries) {
                Object network = c.getProperties().get("network");
                if (network == null || network.toString().isBlank() || network.toString().equals("local")) {
                    c.delete();
                }
            }
        }
        for (String pid : List.of("org.openvrrs.vrrp", "org.openvrrs.cli.ios")) {
            Configuration[] c = configAdmin.listConfigurations("(service.pid=" + pid + ")");
            if (c != null) {
                c[0].delete();
            }
        }
        await().until(() -> !bundleContext.getServiceReferences(Network.class, "(network.name=local)").isEmpty());
        await().untilAsserted(() -> {
            List<NetInterface> now = local().interfaces();
            assertEquals("the demo's own router has only its interface again", 1, now.size());
            assertTrue(now.get(0).addresses().stream().noneMatch(a -> a.address() instanceof java.net.Inet4Address));
        });
    }

    private Network local() {
        try {
            Collection<ServiceReference<Network>> refs = bundleContext.getServiceReferences(Network.class,
                    "(network.name=local)");
            return bundleContext.getService(refs.iterator().next());
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Pastes lines into {@code configure terminal} as {@code ssh host 'configure terminal' < file} does. */
    private String paste(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                out, out);
        try {
            session.execute("ios:configure terminal");
            return bytes.toString(StandardCharsets.UTF_8);
        } catch (Exception e) {
            return bytes.toString(StandardCharsets.UTF_8) + "ERROR: " + e.getMessage();
        } finally {
            session.close();
        }
    }

    private static String example(String file) throws IOException {
        try (InputStream in = IosGuideExamplesIT.class.getResourceAsStream("/guide-examples/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Output lines without the "% Warning" lines and with the columns' spaces folded (the guide's text has tabs). */
    private static List<String> rows(String output) {
        return output.lines().filter(l -> !l.isBlank() && !l.startsWith("% Warning"))
                .map(l -> String.join(" ", l.trim().split("\\s+"))).collect(Collectors.toList());
    }

    private static void assertAccepted(String output) {
        assertTrue("refused lines:\n" + output, output.lines().allMatch(l -> l.startsWith("% Warning")
                || !l.startsWith("%") && !l.contains("ERROR")));
    }

    private String running() {
        return execute("ios:show running-config");
    }

    @Test
    public void theServerExampleMakesTheGroupNamedName1WithItsDelay() throws Exception {
        assertAccepted(paste(example("1-server.txt")));
        String running = running();
        assertTrue(running, running.contains("interface GigabitEthernet0/0/0\n ip address 10.0.0.1 255.255.255.0\n"
                + " vrrp 1 ip 10.0.1.20\n vrrp 1 name name1\n vrrp delay minimum 30 reload 60\n"));
        // the group waits for its delay (minimum 30 s after the interface came up) before it runs
        await().untilAsserted(() -> assertTrue(rows(execute("ios:sh vrrp br")).stream().anyMatch(r ->
                r.startsWith("GigabitEthernet0/0/0 1 IPv4 100") && r.endsWith("10.0.1.20"))));
        assertTrue(rows(execute("ios:show vrrs summary")).stream().anyMatch(r -> r.startsWith("name1 VRRP")));
    }

    @Test
    public void theClientsExampleMakesTheSubinterfaceFollowName1() throws Exception {
        assertAccepted(paste(example("1-server.txt")));
        assertAccepted(paste(example("2-clients.txt")));
        assertTrue(local().find("GigabitEthernet0/0/0.1").isPresent());
        String running = running();
        assertTrue(running, running.contains("interface GigabitEthernet0/0/0.1\n ip address 10.0.0.1 255.255.255.0\n"
                + " vrrs follow name1\n vrrs interface-state\n vrrs mac-address\n"));
        assertTrue(rows(execute("ios:show vrrs plugin database")).containsAll(List.of("Name = name1",
                "GigE0/0/0.1")));
    }

    @Test
    public void theAccountingExampleIsAcceptedAsWritten() throws Exception {
        featuresService.installFeature("openvrrs-accounting");
        try {
            String output = paste(example("3-accounting.txt"));
            assertAccepted(output);
            // METHOD1 is not defined: IOS accepts it with a warning, and so do we
            assertTrue(output, output.contains("% Warning: accounting method list METHOD1 is not defined yet"));
            String running = running();
            assertTrue(running, running.contains("aaa accounting vrrs vrrp-mlist-1 start-stop group radius\n"
                    + "aaa attribute list vrrp-1-attr\n attribute type account-delay \"10\"\n!\n"
                    + "vrrs vrrp-name-1\n accounting delay 10\n accounting method METHOD1\n"
                    + " attribute list vrrp-1-attr\n"));
        } finally {
            featuresService.uninstallFeature("openvrrs-accounting");
        }
    }

    @Test
    public void theInterfaceStateExampleShowsWhatTheGuidePrints() throws Exception {
        assertAccepted(paste(example("4-interface-state.txt")));
        // as the guide prints it, but for GigabitEthernet0/0/0.1's address: the guide configures 172.16.1.1 and
        // then prints 172.24.1.1 (its next example's); and "manual" is followed by one space, as on its other rows
        List<String> guide = rows("""
                Interface                IP-Address      OK? Method Status          Protocol
                GigabitEthernet0/0/0      unassigned      YES NVRAM  up              up
                GigabitEthernet0/0/0.1    172.16.1.1      YES manual  up              up
                GigabitEthernet0/0/0.2    192.168.42.1    YES manual  up              up
                GigabitEthernet0/0/0.3    192.168.43.1    YES manual  up              up
                GigabitEthernet0/0/0.4    192.168.44.1    YES manual  up              down
                ! "interface-state" DOWN due to no VRRS server
                """);
        // VRRS_NAME_1 becomes Master after the master down interval
        await().untilAsserted(() -> assertEquals(guide, rows(execute("ios:show ip interface brief"))));
        String brief = execute("ios:show ip interface brief");
        assertEquals("the guide's columns", "GigabitEthernet0/0/0.4    192.168.44.1    YES manual up              "
                + "down", brief.lines().filter(l -> l.startsWith("GigabitEthernet0/0/0.4")).findFirst().get());
        List<String> database = rows(execute("ios:show vrrs plugin database"));
        int one = database.indexOf("Name = VRRS_NAME_1");
        assertEquals(List.of("Name = VRRS_NAME_1", "Server connection = Live", "State = Active",
                "MAC addr = 0000.5e00.0101", "Test Control = False"), database.subList(one, one + 5));
        assertEquals(List.of("Interface list =", "GigE0/0/0.2", "GigE0/0/0.3"), database.subList(one + 6, one + 9));
        int two = database.indexOf("Name = VRRS_NAME_2");
        assertEquals(List.of("Name = VRRS_NAME_2", "Server connection = Disconnected", "State = Disabled",
                "MAC addr = 0000.0000.0000", "Test Control = False"), database.subList(two, two + 5));
        assertTrue(database.subList(two, database.size()).contains("GigE0/0/0.4"));
        assertTrue(rows(execute("ios:show vrrs summary")).contains("VRRS_NAME_1 VRRP ACTIVE 172.16.1.254"));
    }

    @Test
    public void theMacAddressExampleShowsWhatTheGuidePrints() throws Exception {
        assertAccepted(paste(example("5-mac-address.txt")));
        // the guide's table without its "!" commentary lines
        List<String> guide = rows("""
                Protocol	Address	Age (min)	Hardware Addr	Type	Interface
                Internet	172.24.1.1	-	aabb.cc00.fb00	ARPA	GigabitEthernet0/0/0.1
                Internet	172.24.1.254	-	0000.5e00.0101	ARPA	GigabitEthernet0/0/0.1
                Internet	192.168.42.1	-	0000.5e00.0101	ARPA	GigabitEthernet0/0/0.2
                Internet	192.168.43.1	-	0000.5e00.0101	ARPA	GigabitEthernet0/0/0.3
                Internet	192.168.44.1	-	aabb.cc00.fb00	ARPA	GigabitEthernet0/0/0.4
                """);
        await().untilAsserted(() -> assertEquals(guide, rows(execute("ios:show ip arp"))));
        String controller = execute("ios:show controller gigabitethernet0/0/0");
        assertTrue(controller, controller.contains("0000.5e00.0101") && controller.contains("aabb.cc00.fb00"));
    }

    @Test
    public void theRunningConfigPastedIntoAFreshApplianceGivesTheSameRunningConfig() throws Exception {
        assertAccepted(paste(example("4-interface-state.txt")));
        assertAccepted(paste(String.join("\n", "interface GigabitEthernet0/0/0.2", " description to the core",
                " vrrs mac-address arp interval 5 duration 360", "interface GigabitEthernet0/0/0.5",
                " encapsulation dot1Q 50", " ip address 192.168.45.1 255.255.255.0", " shutdown",
                " vrrp 2 address-family ipv6", "  address 2001:db8::2", "  priority 110", "  exit-vrrp",
                " vrrp 3 ip 192.168.45.254", " vrrp 3 priority 120", " vrrp 3 preempt delay minimum 10",
                " vrrp 3 timers advertise msec 500", "hostname edge-1")));
        String before = running();
        assertTrue(before, before.contains("hostname edge-1") && before.contains("  address 2001:db8::2"));
        String lines = before.substring(before.indexOf("hostname"), before.lastIndexOf("end"));
        freshDemo();
        assertTrue(running().contains("hostname Router"));
        assertAccepted(paste(lines));
        assertEquals(before, running());
    }

    @Test
    public void trackingLinesRoundTripAndShowTrackListsTheObjects() throws Exception {
        assertAccepted(paste(String.join("\n", "track 1 interface GigabitEthernet0/0/0 line-protocol",
                "track 2 ip route 198.51.100.0/24 reachability", "track 3 ipv6 route 2001:db8:1::/48 reachability",
                "interface GigabitEthernet0/0/0", " ip address 10.0.0.1 255.255.255.0", " vrrp 1 ip 10.0.0.254",
                " vrrp 1 track 1 decrement 20", " vrrp 1 track 2 shutdown", " vrrp 1 track 3")));
        String before = running();
        assertTrue(before, before.contains("track 1 interface GigabitEthernet0/0/0 line-protocol\n"
                + "track 2 ip route 198.51.100.0/24 reachability\ntrack 3 ipv6 route 2001:db8:1::/48 reachability\n")
                && before.contains(" vrrp 1 track 1 decrement 20\n vrrp 1 track 2 shutdown\n"
                + " vrrp 1 track 3 decrement 10\n"));
        String show = execute("ios:show track 2");
        assertTrue(show, show.contains("Track 2") && show.contains("198.51.100.0/24"));
        String refused = paste("track 4 ip route 198.51.100.1/24 reachability");
        assertTrue(refused, refused.contains("host bits"));
        String lines = before.substring(before.indexOf("hostname"), before.lastIndexOf("end"));
        freshDemo();
        assertFalse(running().contains("track 1"));
        assertAccepted(paste(lines));
        assertEquals(before, running());

        // configure replace swaps the IOS track objects and leaves a script object (no IOS form) alone
        String script = execute("vrrp:track 9 script /bin/true");
        assertTrue(script, script.contains("Track 9"));
        Path file = Path.of(System.getProperty("karaf.home"), "etc", "track-replace");
        Files.writeString(file, "hostname Router\ntrack 5 ip route 203.0.113.0/24 reachability\n");
        String replaced = execute("ios:configure replace etc/track-replace");
        String after = running();
        assertTrue(replaced + after, after.contains("track 5 ip route 203.0.113.0/24 reachability\n")
                && !after.contains("track 1 ") && !after.contains("track 9") && !after.contains("vrrp 1"));
        String kept = execute("ios:show track 9");
        assertTrue(kept, kept.contains("Track 9"));
    }

    @Test
    public void badInputIsAnsweredAsIosDoesAndChangesNothing() throws Exception {
        String before = running();
        String output = paste(String.join("\n",
                "interface GigabitEthernet0/0/0",
                "vrrp 1 ipp 10.0.1.20",
                "vrrp 1 ip",
                "vrr 1 ip 10.0.1.20",
                "vrrp 1 ip 10.0.1.256",
                "interface GigabitEthernet9/9/9"));
        assertEquals(Arrays.asList(
                "% Line 2: vrrp 1 ipp 10.0.1.20", "^", "% Invalid input detected at '^' marker.",
                "% Line 3: vrrp 1 ip", "% Incomplete command.",
                "% Line 4: vrr 1 ip 10.0.1.20", "% Ambiguous command: \"vrr\"",
                "% Line 5: vrrp 1 ip 10.0.1.256", "^", "% Invalid input detected at '^' marker.",
                "% Line 6: interface GigabitEthernet9/9/9", "^", "% Invalid input detected at '^' marker.",
                "ERROR: % 5 of 6 lines refused"), rows(output));
        assertTrue(output, output.contains("% Line 5: vrrp 1 ip 10.0.1.256\n" + " ".repeat(20) + "^\n"));
        assertEquals(before, running());
        assertFalse(local().find("GigabitEthernet9/9/9").isPresent());
    }
}
