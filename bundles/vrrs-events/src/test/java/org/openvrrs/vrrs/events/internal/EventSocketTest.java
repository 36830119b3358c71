package org.openvrrs.vrrs.events.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openvrrs.config.test.LogCapture;
import org.openvrrs.vrrs.api.VrrsState;

/**
 * The event socket with the registry's own dispatcher: every transition reaches a reader once, in order, numbered
 * without gaps; a reader resumes without loss inside the replay window and is told plainly when it asks for more;
 * garbage from a reader ends that reader alone.
 */
@Timeout(180) // a safety net against a hang, not a measure
class EventSocketTest {
    private static final List<String> GROUPS = List.of("EVT-A", "EVT-B", "EVT-C", "EVT-D");
    @TempDir
    Path dir;
    private EventsTestBed bed;

    @AfterEach
    void tearDown() {
        if (bed != null) {
            bed.close();
        }
    }

    private static VrrsState flip(int i) {
        return i % 2 == 0 ? VrrsState.ACTIVE : VrrsState.BACKUP;
    }

    /** Flips every group {@code flips} times, the groups at once, each from its own thread. */
    private void flipAll(int flips) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(GROUPS.size());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String g : GROUPS) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < flips; i++) {
                        bed.setAndAwait(g, flip(i));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Reads events until the one numbered {@code last}; control lines are returned too. */
    private static List<Map<String, Object>> readUntil(EventsTestBed.Reader reader, long last) throws Exception {
        List<Map<String, Object>> lines = new ArrayList<>();
        while (true) {
            Map<String, Object> m = reader.next();
            assertThat(m).as("the socket ended before event " + last).isNotNull();
            lines.add(m);
            if (m.containsKey("seq") && ((Number) m.get("seq")).longValue() >= last) {
                return lines;
            }
        }
    }

    private static List<Long> seqs(List<Map<String, Object>> lines) {
        return lines.stream().filter(m -> m.containsKey("seq")).map(m -> ((Number) m.get("seq")).longValue())
                .toList();
    }

    private static List<Long> range(long first, long last) {
        List<Long> out = new ArrayList<>();
        for (long s = first; s <= last; s++) {
            out.add(s);
        }
        return out;
    }

    @Test
    void aThousandFlipsOfFourGroupsReachAReaderOnceInOrderPerGroupNumberedWithoutGaps() throws Exception {
        bed = new EventsTestBed(dir, Map.of());
        GROUPS.forEach(bed::publish);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(bed.socket))).isEqualTo("rw-------");

        try (EventsTestBed.Reader reader = bed.connect()) {
            reader.send("{\"resume-after\": 0}");
            flipAll(250);
            long last = bed.events.stream().lastSeq();
            assertThat(last).isEqualTo(GROUPS.size() * 251L); // each group: published (INIT), then 250 flips

            List<Map<String, Object>> lines = readUntil(reader, last);
            assertThat(lines.get(0)).containsEntry("resume", "ok").containsEntry("after", 0);
            assertThat(seqs(lines)).isEqualTo(range(1, last));
            for (String g : GROUPS) {
                List<String> states = new ArrayList<>(List.of("INIT"));
                for (int i = 0; i < 250; i++) {
                    states.add(flip(i).name());
                }
                assertThat(lines.stream().filter(m -> g.equals(m.get("group"))).map(m -> m.get("state")).toList())
                        .as("states of %s in order", g).isEqualTo(states);
            }
            // the JSON line carries every field, as the stream recorded it
            Map<String, Object> first = lines.get(1);
            assertThat(first.keySet()).containsExactly("seq", "time", "group", "server", "state", "oldState",
                    "reason", "addressFamily", "virtualAddress", "virtualMac", "activeAddress", "standbyAddress");
            Map<String, Object> active = lines.stream().filter(m -> "ACTIVE".equals(m.get("state"))).findFirst()
                    .orElseThrow();
            assertThat(active).containsEntry("server", "VRRP").containsEntry("oldState", "INIT")
                    .containsEntry("reason", "Protocol").containsEntry("addressFamily", "IPv4")
                    .containsEntry("virtualAddress", "192.0.2.1").containsEntry("virtualMac", "0000.5e00.0101")
                    .containsEntry("activeAddress", "192.0.2.2").containsEntry("standbyAddress", "192.0.2.3");
            assertThat((String) active.get("time")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        }
    }

    @Test
    void aReaderThatDisconnectsResumesWithoutLossInsideTheReplayWindow() throws Exception {
        bed = new EventsTestBed(dir, Map.of("replayCapacity", 1000));
        GROUPS.forEach(bed::publish);
        long seen;
        try (EventsTestBed.Reader reader = bed.connect()) {
            reader.send("{\"resume-after\": 0}");
            flipAll(20);
            seen = 50;
            List<Map<String, Object>> lines = readUntil(reader, seen);
            assertThat(seqs(lines)).isEqualTo(range(1, seen));
        } // gone, in the middle of what was sent
        flipAll(30);
        long last = bed.events.stream().lastSeq();
        try (EventsTestBed.Reader reader = bed.connect()) {
            reader.send("{\"resume-after\": " + seen + "}");
            List<Map<String, Object>> lines = readUntil(reader, last);
            assertThat(lines.get(0)).containsEntry("resume", "ok").containsEntry("continuesWith", (int) seen + 1);
            assertThat(seqs(lines)).isEqualTo(range(seen + 1, last));
            // and it is live after the replay
            bed.setAndAwait("EVT-A", VrrsState.INIT);
            Map<String, Object> live = reader.next();
            assertThat(live).containsEntry("seq", (int) last + 1).containsEntry("group", "EVT-A")
                    .containsEntry("state", "INIT");
            assertThat(bed.recorded.stream().map(e -> e.jsonLine()).toList().get((int) last))
                    .isEqualTo(TransitionEvent.JSON_OUT.asString(live));
        }
    }

    @Test
    void aReaderAskingForMoreThanTheReplayWindowKeepsIsToldPlainlyWhatIsGone() throws Exception {
        bed = new EventsTestBed(dir, Map.of("replayCapacity", 10));
        GROUPS.forEach(bed::publish);
        flipAll(10); // 44 events, the last 10 kept
        try (EventsTestBed.Reader reader = bed.connect()) {
            reader.send("{\"resume-after\": 5}");
            Map<String, Object> answer = reader.next();
            assertThat(answer).containsEntry("resume", "gone").containsEntry("after", 5)
                    .containsEntry("continuesWith", 35).containsEntry("lastSeq", 44)
                    .containsEntry("message", "events 6 to 34 are gone (the replay buffer keeps the last 10 events);"
                            + " continuing with 35");
            assertThat(seqs(readUntil(reader, 44))).isEqualTo(range(35, 44));
        }
        try (EventsTestBed.Reader reader = bed.connect()) {
            reader.send("{\"resume-after\": 500}"); // from before a restart of the appliance
            Map<String, Object> answer = reader.next();
            assertThat(answer).containsEntry("resume", "gone").containsEntry("continuesWith", 35);
            assertThat((String) answer.get("message")).startsWith("sequence number 500 is ahead of this event stream"
                    + " (last 44): the appliance or its event stream restarted since");
            assertThat(seqs(readUntil(reader, 44))).isEqualTo(range(35, 44));
        }
    }

    @Test
    void aReaderThatSaysNothingGetsTheLiveEventsFromWhenItConnected() throws Exception {
        bed = new EventsTestBed(dir, Map.of());
        bed.publish("EVT-A");
        try (EventsTestBed.Reader reader = bed.connect()) {
            await().until(() -> bed.events.status().get("socketReaders").equals(1));
            bed.setAndAwait("EVT-A", VrrsState.ACTIVE);
            Map<String, Object> first = reader.next();
            assertThat(first).containsEntry("seq", 2).containsEntry("state", "ACTIVE");
        }
    }

    @Test
    void garbageFromAReaderIsOneLineAndClosesThatReaderAlone() throws Exception {
        bed = new EventsTestBed(dir, Map.of());
        bed.publish("EVT-A");
        List<Map<String, Object>> answers = new CopyOnWriteArrayList<>();
        List<String> log = LogCapture.of(() -> {
            try (EventsTestBed.Reader good = bed.connect(); EventsTestBed.Reader bad = bed.connect();
                    EventsTestBed.Reader late = bed.connect()) {
                good.send("{\"resume-after\": 0}");
                bad.send("GET / HTTP/1.0");
                answers.add(bad.next());
                assertThat(bad.next()).as("closed after the error").isNull();
                late.send("{\"resume-after\": 0}\n{\"resume-after\": 1}"); // one write: no broken pipe
                for (Map<String, Object> m = late.next(); m != null; m = late.next()) {
                    if (m.containsKey("error")) {
                        answers.add(m);
                    }
                }
                bed.setAndAwait("EVT-A", VrrsState.ACTIVE);
                assertThat(seqs(readUntil(good, 2))).isEqualTo(List.of(1L, 2L));
            }
        });
        assertThat(answers.get(0)).containsEntry("error", "not JSON: disconnected");
        assertThat(answers.get(1)).containsEntry("error", "more than one request: disconnected");
        assertThat(log.stream().filter(l -> l.contains("WARN") && l.contains("Event socket reader")).toList())
                .as(String.join("\n", log)).hasSize(1) // the second refusal within the minute is not logged
                .allMatch(l -> l.endsWith("refused: not JSON"));
        assertThat(bed.events.status()).containsEntry("socketReadersRefused", 2L);
    }

    @Test
    void theSocketRefusesAStrangersFileAndReplacesAStaleSocket() throws Exception {
        Path taken = dir.resolve("e.sock");
        Files.writeString(taken, "not a socket");
        List<String> log = LogCapture.of(() -> {
            bed = new EventsTestBed(dir, Map.of());
        });
        assertThat(LogCapture.errors(log)).containsExactly("VRRS event socket " + taken + " not offered: " + taken
                + " exists and is not a socket");
        assertThat(Files.readString(taken)).isEqualTo("not a socket");
        bed.close();
        Files.delete(taken);

        // a socket file left behind by a crash: the next start replaces it
        try (ServerSocketChannel crashed = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            crashed.bind(UnixDomainSocketAddress.of(taken));
        }
        assertThat(taken).exists();
        bed = new EventsTestBed(dir, Map.of());
        try (EventsTestBed.Reader reader = bed.connect()) {
            reader.send("{\"resume-after\": 0}");
            assertThat(reader.next()).containsEntry("resume", "ok");
        }
    }
}
