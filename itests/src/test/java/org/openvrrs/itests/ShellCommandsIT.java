package org.openvrrs.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The {@code vrrs:} commands as an operator uses them, and the layouts scripts written for the IOS guide parse.
 * Each test uses its own group names: the container is shared by the class.
 *
 * <p>Karaf's shell reads options only before the first argument ({@code vrrs:test-server --virtual-address A GROUP
 * active}); what follows the first argument is arguments.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ShellCommandsIT extends OpenVrrsTestSupport {

    private static final String SUMMARY_HEADER = "Group            Server  State   Virtual-address";
    private static final String CLIENTS_HEADER = "ID  Priority  All-groups  Name";
    private static final Pattern REGISTERED = Pattern.compile("Client (\\d+) (.+) registered");
    private static final Pattern CLIENT_ROW =
            Pattern.compile("\\s*(\\d+)\\s+(High|Normal|Low)\\s+(Yes|No)\\s+(.+?)\\s*");

    @Test
    public void summaryListsEveryGroupInAlignedColumns() {
        ok("vrrs:test-server --virtual-address 192.0.2.1 --active-address 192.0.2.2 --standby-address 192.0.2.3"
                + " SUM-A active");
        ok("vrrs:test-server --virtual-address 192.0.2.11 SUM-B backup");
        int client = addClient("vrrs:test-client --name SUMMARY-FOLLOWER add");
        ok("vrrs:test-client follow " + client + " SUM-C"); // known only because a client follows it

        List<String> lines = lines(execute("vrrs:summary"));
        assertEquals("summary header", SUMMARY_HEADER, lines.get(0).stripTrailing());
        assertRow(lines, "SUM-A", "VRRP", "ACTIVE", "192.0.2.1");
        assertRow(lines, "SUM-B", "VRRP", "BACKUP", "192.0.2.11");
        // no server: the guide prints UNKNOW (sic) in the six-wide server column
        String row = row(lines, "SUM-C");
        assertEquals(List.of("SUM-C", "UNKNOW", "INIT"), Arrays.asList(row.trim().split("\\s+")).subList(0, 3));
        assertAligned(lines.get(0), row, "SUM-C", "UNKNOW", "INIT");
    }

    @Test
    public void groupShowsServerAddressesAndFollowers() {
        String options = "--virtual-address 192.0.2.1 --virtual-mac 0000.5e00.0101 --active-address 192.0.2.2"
                + " --standby-address 192.0.2.3 --reason protocol";
        ok("vrrs:test-server " + options + " GRP-4 backup");
        ok("vrrs:test-server " + options + " GRP-4 active");
        int high = addClient("vrrs:test-client --name GROUP-HIGH --priority high add");
        int normal = addClient("vrrs:test-client --name GROUP-NORMAL --priority normal add");
        ok("vrrs:test-client follow " + high + " GRP-4");
        ok("vrrs:test-client follow " + normal + " GRP-4");

        List<String> lines = lines(execute("vrrs:group GRP-4"));
        assertEquals("group name on its own line: " + lines, "GRP-4", lines.get(0).strip());
        for (String line : lines.subList(1, lines.size())) {
            assertTrue("detail lines are indented: '" + line + "'", Character.isWhitespace(line.charAt(0)));
        }
        List<String> details = stripped(lines.subList(1, lines.size()));
        assertTrue(details.toString(),
                details.contains("Server VRRP, state ACTIVE, old state BACKUP, reason Protocol"));
        assertTrue(details.toString(),
                details.contains("Address family IPv4, Virtual address 192.0.2.1, Virtual mac 0000.5e00.0101"));
        assertTrue(details.toString(),
                details.contains("Active interface address 192.0.2.2, standby interface address 192.0.2.3"));
        assertTrue(details.toString(), details.contains("Client " + high + " GROUP-HIGH, priority High"));
        assertTrue(details.toString(), details.contains("Client " + normal + " GROUP-NORMAL, priority Normal"));

        // an IPv6 group: the family follows the virtual address
        ok("vrrs:test-server --virtual-address 2001:db8::1 --active-address 2001:db8::2 --standby-address 2001:db8::3"
                + " GRP-6 active");
        String v6 = String.join("\n", stripped(lines(execute("vrrs:group GRP-6"))));
        assertTrue(v6, v6.contains("Address family IPv6, Virtual address 2001:db8::1"));
        assertTrue(v6, v6.contains("Active interface address 2001:db8::2, standby interface address 2001:db8::3"));

        // a followed group without server
        ok("vrrs:test-client follow " + high + " GRP-NONE");
        List<String> none = stripped(lines(execute("vrrs:group GRP-NONE")));
        assertEquals("GRP-NONE", none.get(0));
        assertTrue(none.toString(), none.get(1).startsWith("Server Not configured, state INIT"));
        assertTrue(none.toString(), none.contains("Client " + high + " GROUP-HIGH, priority High"));

        // without a name: every group, each under its name
        List<String> all = stripped(lines(execute("vrrs:group")));
        assertTrue(all.toString(), all.containsAll(List.of("GRP-4", "GRP-6", "GRP-NONE")));
    }

    @Test
    public void clientsListsIdPriorityAllGroupsAndName() {
        String added = ok("vrrs:test-client add");
        Matcher m = REGISTERED.matcher(added.strip());
        assertTrue("'" + added + "'", m.matches());
        int defaultClient = Integer.parseInt(m.group(1));
        assertEquals("default name", "VRRS TEST CLIENT", m.group(2));
        int all = addClient("vrrs:test-client --name CLIENTS-ALL --priority high --all-groups add");

        List<String> lines = lines(execute("vrrs:clients"));
        assertEquals("clients header", CLIENTS_HEADER, lines.get(0).stripTrailing());
        assertEquals(List.of("Low", "No", "VRRS TEST CLIENT"), clientRow(lines, defaultClient));
        assertEquals(List.of("High", "Yes", "CLIENTS-ALL"), clientRow(lines, all));

        ok("vrrs:test-client remove " + all);
        await().untilAsserted(() -> assertTrue(lines(execute("vrrs:clients")).stream()
                .noneMatch(l -> l.contains("CLIENTS-ALL"))));
    }

    @Test
    public void testClientIsPushedEveryStateOfWhatItFollows() {
        int client = addClient("vrrs:test-client --name PUSHED --priority normal add");
        ok("vrrs:test-client follow " + client + " PUSH-1");
        ok("vrrs:test-server --virtual-address 192.0.2.21 PUSH-1 active");
        awaitReceived(client, "PUSH-1 ACTIVE");
        ok("vrrs:test-server --virtual-address 192.0.2.21 PUSH-1 backup");
        awaitReceived(client, "PUSH-1 BACKUP");
        ok("vrrs:test-server PUSH-1 remove");
        awaitReceived(client, "PUSH-1 INIT");
        List<String> group = stripped(lines(execute("vrrs:group PUSH-1")));
        assertTrue(group.toString(), group.get(1).startsWith("Server Not configured, state INIT"));

        // after unfollow the client is no longer listed under the group, nor pushed its changes
        ok("vrrs:test-client unfollow " + client + " PUSH-1");
        assertFalse(execute("vrrs:group PUSH-1").contains("PUSHED"));
        ok("vrrs:test-server --virtual-address 192.0.2.21 PUSH-1 active");
        ok("vrrs:test-client follow " + client + " PUSH-2");
        ok("vrrs:test-server --virtual-address 192.0.2.22 PUSH-2 active");
        awaitReceived(client, "PUSH-2 ACTIVE"); // pushes are in order: anything for PUSH-1 would have come first
        assertTrue(received(client).contains("PUSH-1 INIT"));

        ok("vrrs:test-client remove " + client);
        assertTrue(lines(execute("vrrs:clients")).stream().noneMatch(l -> l.contains("PUSHED")));
    }

    /**
     * An option written after the arguments (as the guide's IOS commands would have it) is either honoured or
     * refused; it is never silently dropped.
     */
    @Test
    public void optionsAfterTheArgumentsAreHonouredOrRefused() {
        String server = execute("vrrs:test-server LATE-OPT active --virtual-address 192.0.2.31");
        if (!server.startsWith("ERROR: ")) {
            assertRow(lines(execute("vrrs:summary")), "LATE-OPT", "VRRP", "ACTIVE", "192.0.2.31");
        }
        String client = execute("vrrs:test-client add --name LATE-NAME --priority high");
        if (!client.startsWith("ERROR: ")) {
            Matcher m = REGISTERED.matcher(client.strip());
            assertTrue("'" + client + "'", m.matches());
            assertEquals("the --name written after 'add'", "LATE-NAME", m.group(2));
            assertEquals(List.of("High", "No", "LATE-NAME"),
                    clientRow(lines(execute("vrrs:clients")), Integer.parseInt(m.group(1))));
        }
    }

    @Test
    public void debugSwitchesOnAndOff() {
        for (String what : List.of("all", "client", "events", "server")) {
            ok("vrrs:debug infra " + what);
        }
        assertTrue(execute("vrrs:debug"), execute("vrrs:debug").contains("VRRS infra client debugging is on"));
        int id = addClient("vrrs:test-client --name DEBUG-CLIENT add");
        // the guide's lines, in the log an operator reads with log:display (the log configuration applies
        // asynchronously, so each try follows a new group)
        AtomicInteger n = new AtomicInteger();
        await().untilAsserted(() -> {
            String group = "DEBUG-ON-" + n.incrementAndGet();
            ok("vrrs:test-client follow " + id + " " + group);
            String log = execute("log:display");
            assertTrue(log.contains("VRRS: Client " + id + " add, group " + group + " does not exist, allocating..."));
            assertTrue(log.contains("VRRS: Client " + id + " add to " + group));
        });

        ok("vrrs:debug --off infra all");
        assertTrue(execute("vrrs:debug"), execute("vrrs:debug").contains("No VRRS debugging is on"));
        await().untilAsserted(() -> {
            String group = "DEBUG-OFF-" + n.incrementAndGet();
            ok("vrrs:test-client follow " + id + " " + group);
            assertFalse(execute("log:display").contains(group));
        });
        assertOneLineError(execute("vrrs:debug infra bogus"), "bogus");
    }


    @Test
    public void errorsAreOneClearLineWithoutStackTrace() {
        assertOneLineError(execute("vrrs:test-client follow 9999 X"), "9999");
        assertOneLineError(execute("vrrs:test-client --priority urgent add"), "urgent");
        assertOneLineError(execute("vrrs:test-server --virtual-address 192.0.2.300 BAD-ADDR active"), "192.0.2.300");
        assertOneLineError(execute("vrrs:test-server BAD-ACTION promote"), "promote");
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Runs a command that must succeed, and returns its output. */
    private String ok(String command) {
        String out = execute(command);
        assertFalse(command + " failed: " + out, out.contains("ERROR: "));
        return out;
    }

    private int addClient(String command) {
        String out = ok(command).strip();
        Matcher m = REGISTERED.matcher(out);
        assertTrue(command + " printed '" + out + "'", m.matches());
        return Integer.parseInt(m.group(1));
    }

    private void awaitReceived(int client, String line) {
        await().untilAsserted(() -> {
            List<String> received = received(client);
            assertTrue("client " + client + " received " + received, received.contains(line));
        });
    }

    private List<String> received(int client) {
        return stripped(lines(ok("vrrs:test-client received " + client)));
    }

    private static void assertOneLineError(String output, String mentioned) {
        assertTrue("expected a failure: '" + output + "'", output.startsWith("ERROR: "));
        String message = output.substring("ERROR: ".length()).strip();
        assertFalse("no message", message.isEmpty() || message.equals("null"));
        assertFalse("one line: '" + message + "'", message.contains("\n"));
        assertFalse("no exception class in '" + message + "'", message.matches(".*\\b\\w+(Exception|Error)\\b.*"));
        assertTrue("'" + message + "' names " + mentioned, message.contains(mentioned));
    }

    private static void assertRow(List<String> lines, String group, String server, String state, String address) {
        String row = row(lines, group);
        assertEquals(row, List.of(group, server, state, address), Arrays.asList(row.trim().split("\\s+")));
        assertAligned(lines.get(0), row, group, server, state, address);
    }

    /** Each value starts in the column of its header word. */
    private static void assertAligned(String header, String row, String... values) {
        String[] words = header.trim().split("\\s+");
        for (int i = 0; i < values.length; i++) {
            int column = header.indexOf(words[i]);
            assertTrue("'" + values[i] + "' under '" + words[i] + "' in\n" + header + "\n" + row,
                    row.startsWith(values[i], column) && (column == 0 || row.charAt(column - 1) == ' '));
        }
    }

    private static String row(List<String> lines, String group) {
        return lines.stream()
                .filter(l -> l.startsWith(group + " "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + group + " in " + lines));
    }

    /** Priority, all-groups and name of a client's row in {@code vrrs:clients}. */
    private static List<String> clientRow(List<String> lines, int id) {
        for (String line : lines.subList(1, lines.size())) {
            Matcher m = CLIENT_ROW.matcher(line);
            if (m.matches() && Integer.parseInt(m.group(1)) == id) {
                return List.of(m.group(2), m.group(3), m.group(4));
            }
        }
        throw new AssertionError("no row for client " + id + " in " + lines);
    }

    private static List<String> lines(String output) {
        assertNotNull(output);
        return output.lines().filter(l -> !l.isBlank()).collect(Collectors.toList());
    }

    private static List<String> stripped(List<String> lines) {
        return lines.stream().map(String::strip).collect(Collectors.toList());
    }
}
