package org.openvrrs.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The event stream in the distribution: installed at run time, a reader of its socket (in data/, mode 0600) and
 * {@code vrrs:events} see the demo fail over and back, numbered without gaps, and a keepalived-style notify script
 * configured in etc/ is called as keepalived calls it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EventsIT extends OpenVrrsTestSupport {
    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");

    @Inject
    protected FeaturesService featuresService;

    private static long count(List<String> lines, String group, String state) {
        return lines.stream().filter(l -> l.contains("\"group\":\"" + group + "\"")
                && l.contains("\"state\":\"" + state + "\"")).count();
    }

    private static boolean has(List<String> lines, String group, String state) {
        return count(lines, group, state) > 0;
    }

    @Test
    public void aSocketReaderVrrsEventsAndANotifyScriptSeeTheDemoFailOverAndBack() throws Exception {
        Path scripts = Files.createTempDirectory("evt-it");
        Path script = scripts.resolve("notify.sh");
        Files.writeString(script, "#!/bin/sh\necho \"$*\" >> \"$(dirname \"$0\")/calls.txt\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Path calls = scripts.resolve("calls.txt");

        featuresService.installFeature("openvrrs-events");
        Path socket = Path.of(System.getProperty("karaf.data"), "events", "vrrs-events.sock");
        await().until(() -> Files.exists(socket));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
        await().until(() -> execute("vrrs:clients").lines()
                .anyMatch(l -> l.matches("\\s*\\d+\\s+Low\\s+Yes\\s+VRRS-Events\\s*")));

        // as an operator configures it: a file in etc/, read by Felix File Install
        Path cfg = Path.of(System.getProperty("karaf.etc"), "org.openvrrs.events.notify-evt-it.cfg");
        Files.writeString(cfg, "group = DEMO-R2\nnotify = " + script + "\n");
        await().until(() -> execute("vrrs:events --status").matches("(?s).*notifyConfigurations\\s+1\\s.*"));

        List<String> lines = new CopyOnWriteArrayList<>();
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            channel.write(ByteBuffer.wrap("{\"resume-after\": 0}\n".getBytes(StandardCharsets.UTF_8)));
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel),
                        StandardCharsets.UTF_8))) {
                    for (String l = in.readLine(); l != null; l = in.readLine()) {
                        lines.add(l);
                    }
                } catch (Exception closed) {
                    // the test closes it
                }
            });
            reader.start();
            await().until(() -> has(lines, "DEMO-R1", "ACTIVE") && has(lines, "DEMO-R2", "BACKUP"));
            assertTrue(lines.get(0), lines.get(0).startsWith("{\"resume\":\"ok\",\"after\":0,"));

            assertFalse(execute("sim:router r1 stop").contains("ERROR"));
            await().until(() -> has(lines, "DEMO-R2", "ACTIVE") && has(lines, "DEMO-R1", "INIT"));
            assertFalse(execute("sim:router r1 start").contains("ERROR"));
            // r1 preempts again: DEMO-R1 ACTIVE and DEMO-R2 BACKUP a second time
            await().until(() -> count(lines, "DEMO-R1", "ACTIVE") >= 2 && count(lines, "DEMO-R2", "BACKUP") >= 2);

            List<String> snapshot = new ArrayList<>(lines);
            List<String> events = snapshot.subList(1, snapshot.size());
            List<Long> seqs = new ArrayList<>();
            for (String e : events) {
                Matcher m = SEQ.matcher(e);
                assertTrue(e, m.find());
                seqs.add(Long.parseLong(m.group(1)));
            }
            for (int i = 0; i < seqs.size(); i++) {
                assertEquals("numbered without gaps: " + seqs, i + 1L, (long) seqs.get(i));
            }
            String fromShell = execute("vrrs:events --after 0 --json --count " + events.size());
            assertEquals("vrrs:events prints what the socket carries", events,
                    fromShell.lines().filter(l -> !l.isBlank()).collect(Collectors.toList()));
            String text = execute("vrrs:events --after 0 --count " + events.size());
            assertTrue(text, text.lines().anyMatch(l -> l.matches("\\d+ \\S+Z DEMO-R2 BACKUP -> ACTIVE, .*")));
        }

        await().until(() -> Files.exists(calls) && Files.readAllLines(calls).size() >= 2);
        assertEquals("keepalived's notify arguments", List.of("INSTANCE DEMO-R2 MASTER 0",
                "INSTANCE DEMO-R2 BACKUP 0"), Files.readAllLines(calls));

        Files.delete(cfg);
        await().until(() -> execute("vrrs:events --status").matches("(?s).*notifyConfigurations\\s+0\\s.*"));
        featuresService.uninstallFeature("openvrrs-events");
        await().until(() -> !Files.exists(socket));
    }
}
