package org.openvrrs.vrrs.events.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.BufferedReader;
import java.io.FileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openvrrs.config.api.ConfigException;
import org.openvrrs.vrrs.api.VrrsState;

/** keepalived's notify FIFO, what vrrs:events prints, and the stream's settings. */
@Timeout(120) // a safety net against a hang, not a measure
class FifoAndFollowerTest {
    @TempDir
    Path dir;
    private EventsTestBed bed;

    @AfterEach
    void tearDown() {
        if (bed != null) {
            bed.close();
        }
    }

    @Test
    void theFifoCarriesKeepalivedLinesOfEachTransition() throws Exception {
        Path fifo = dir.resolve("notify.fifo");
        bed = new EventsTestBed(dir, Map.of("socket", false, "fifoPath", fifo.toString()));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fifo))).isEqualTo("rw-------");
        try (BufferedReader in = new BufferedReader(new FileReader(fifo.toFile()))) {
            bed.publish("EVT-G");
            bed.setAndAwait("EVT-G", VrrsState.ACTIVE);
            bed.setAndAwait("EVT-G", VrrsState.ACTIVE); // not a transition
            bed.setAndAwait("EVT-G", VrrsState.BACKUP);
            assertThat(List.of(in.readLine(), in.readLine(), in.readLine())).containsExactly(
                    "INSTANCE \"EVT-G\" FAULT 0", "INSTANCE \"EVT-G\" MASTER 0", "INSTANCE \"EVT-G\" BACKUP 0");
        }
    }

    @Test
    void theFollowerReplaysSaysWhatIsGoneAndPrintsLive() throws Exception {
        bed = new EventsTestBed(dir, Map.of("socket", false, "replayCapacity", 3));
        bed.publish("EVT-G");
        for (int i = 0; i < 5; i++) {
            bed.setAndAwait("EVT-G", i % 2 == 0 ? VrrsState.ACTIVE : VrrsState.BACKUP);
        }
        List<String> text = new CopyOnWriteArrayList<>();
        new EventFollower(bed.events.stream(), false, text::add).follow(1, 2);
        assertThat(text).hasSize(3);
        assertThat(text.get(0)).isEqualTo("% events 2 to 3 are gone (the replay buffer keeps the last 3 events); "
                + "continuing with 4");
        assertThat(text.get(1)).matches("4 \\S+Z EVT-G BACKUP -> ACTIVE, reason Protocol, server VRRP, IPv4 "
                + "192\\.0\\.2\\.1 0000\\.5e00\\.0101, active 192\\.0\\.2\\.2, standby 192\\.0\\.2\\.3");
        assertThat(text.get(2)).startsWith("5 ");

        List<String> json = new CopyOnWriteArrayList<>();
        Thread follower = new Thread(() -> {
            try {
                new EventFollower(bed.events.stream(), true, json::add).follow(5, 2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        follower.start();
        bed.setAndAwait("EVT-G", VrrsState.INIT); // live, after the one replayed
        follower.join();
        assertThat(json).hasSize(2);
        assertThat(JSON.std.mapFrom(json.get(0))).containsEntry("seq", 6).containsEntry("state", "ACTIVE");
        assertThat(JSON.std.mapFrom(json.get(1))).containsEntry("seq", 7).containsEntry("state", "INIT")
                .containsEntry("oldState", "ACTIVE");
    }

    @Test
    void theSettingsAreReadStrictly() {
        Path socket = dir.resolve("d.sock");
        EventsSettings defaults = EventsSettings.reader(socket).read(Map.of());
        assertThat(defaults).isEqualTo(new EventsSettings(10000, java.util.Optional.of(socket), 16, 1024,
                java.util.Optional.empty()));
        assertThatThrownBy(() -> EventsSettings.reader(socket).read(Map.of("socketPath", "events.sock")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("configuration: socketPath = 'events.sock': not an absolute path");
        assertThatThrownBy(() -> EventsSettings.reader(socket).read(Map.of("replayCapacity", 0)))
                .hasMessage("configuration: replayCapacity = 0: not within 1-1000000");
    }

    @Test
    void aResumeRequestIsOneSmallJsonObject() {
        assertThat(ReaderProtocol.resumeAfter("{\"resume-after\": 42}")).isEqualTo(42);
        assertThat(ReaderProtocol.resumeAfter(" {\"resume-after\":0} ")).isZero();
        for (String bad : List.of("", "42", "{}", "{\"resume-after\": -1}", "{\"resume-after\": 1.5}",
                "{\"resume-after\": \"1\"}", "{\"resume-after\": 1, \"x\": 2}", "[1]", "{\"resume\": 1}")) {
            assertThatThrownBy(() -> ReaderProtocol.resumeAfter(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
