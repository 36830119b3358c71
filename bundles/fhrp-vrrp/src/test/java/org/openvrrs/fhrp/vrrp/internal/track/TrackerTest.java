package org.openvrrs.fhrp.vrrp.internal.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openvrrs.config.api.ConfigException;
import org.openvrrs.net.sim.VirtualScheduler;

/** Track objects on the virtual clock: rise and fall, timeouts, scripts that hang or do not exist, files. */
class TrackerTest {
    static final long SECOND = 1_000_000_000L;
    final VirtualScheduler clock = new VirtualScheduler();
    final ExecutorService executor = Executors.newCachedThreadPool();
    final List<TrackState> seen = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    static TrackConfig script(int id, List<String> command, int timeout, int rise, int fall) {
        return new TrackConfig(id, TrackType.SCRIPT, "", "", null, command, null, 1, timeout, rise, fall, 0);
    }

    /** The last state the subscription was handed. */
    TrackState last() {
        return seen.get(seen.size() - 1);
    }

    Tracker scripted(Deque<Boolean> results) {
        return new Tracker(clock, () -> 0L, (c, n) -> () -> Probe.Attempt.done(results.isEmpty()
                ? Probe.Result.failed("no result") : results.poll() ? Probe.Result.ok("exit code 0")
                : Probe.Result.failed("exit code 1")));
    }

    @Test
    void riseAndFallCountResultsInARow() {
        Deque<Boolean> results = new ArrayDeque<>(List.of(true, false, false, true, false, false, false, true, true));
        Tracker tracker = scripted(results);
        tracker.configure(script(1, List.of("check"), 1, 2, 3));
        tracker.subscribe("g", List.of(1), s -> seen.add(s.get(1)));
        clock.runUntilIdle();
        assertThat(last().up()).as("first result sets the state").isTrue();
        List<Boolean> states = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            clock.advance(SECOND);
            states.add(last().up());
        }
        // false false (2 < fall 3) true (resets) false false false (3: Down) true (1 < rise 2) true (Up)
        assertThat(states).containsExactly(true, true, true, true, true, false, false, true);
        assertThat(last().changes()).isEqualTo(2);
    }

    @Test
    void aScriptThatHangsIsKilledAtItsTimeoutAndCountsAsAFailure() throws IOException {
        Path started = dir.resolve("started");
        Path script = executable("hang.sh", "#!/bin/sh\necho started > " + started + "\nexec sleep 30\n");
        Tracker tracker = new Tracker(clock, executor);
        tracker.configure(new TrackConfig(2, TrackType.SCRIPT, "", "", null, List.of(script.toString()), null, 5, 2,
                1, 1, 0));
        tracker.subscribe("g", List.of(2), s -> seen.add(s.get(2)));
        clock.runUntilIdle();
        Awaitility.await("script started").atMost(Duration.ofSeconds(10)).until(() -> Files.exists(started));
        clock.advance(SECOND);
        assertThat(last().up()).as("still within its timeout").isTrue();
        clock.advance(SECOND);
        assertThat(last().up()).isFalse();
        assertThat(last().detail()).isEqualTo("timed out after 2 s");
        Awaitility.await("the hung script killed").atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.current()
                .descendants().noneMatch(p -> p.isAlive() && p.info().command().orElse("").endsWith("sleep")));
    }

    @Test
    void aScriptThatDoesNotExistIsDownWithOneLineSayingWhy() {
        Tracker tracker = new Tracker(clock, executor);
        tracker.configure(script(3, List.of(dir.resolve("missing.sh").toString()), 2, 1, 1));
        tracker.subscribe("g", List.of(3), s -> seen.add(s.get(3)));
        Awaitility.await("result").atMost(Duration.ofSeconds(10)).until(() -> {
            clock.runUntilIdle();
            return !last().up();
        });
        assertThat(last().detail()).isEqualTo("cannot run " + dir.resolve("missing.sh")
                + ": No such file or directory");
    }

    @Test
    void aScriptsExitCodeAndLastOutputLineAreItsDetail() throws IOException {
        Path script = executable("fail.sh", "#!/bin/sh\necho backend gone\nexit 3\n");
        Tracker tracker = new Tracker(clock, executor);
        tracker.configure(script(4, List.of(script.toString()), 2, 1, 1));
        tracker.subscribe("g", List.of(4), s -> seen.add(s.get(4)));
        Awaitility.await("result").atMost(Duration.ofSeconds(10)).until(() -> {
            clock.runUntilIdle();
            return !last().up();
        });
        assertThat(last().detail()).isEqualTo("exit code 3: backend gone");
    }

    @Test
    void aFileIsUpWhileItHoldsZeroAndCarriesItsValue() throws IOException {
        Path file = dir.resolve("weight");
        Files.writeString(file, "3\n");
        Tracker tracker = new Tracker(clock, executor);
        tracker.configure(new TrackConfig(5, TrackType.FILE, "", "", null, List.of(), file, 1, 1, 1, 1, -10));
        tracker.subscribe("g", List.of(5), s -> seen.add(s.get(5)));
        Awaitility.await("first read").atMost(Duration.ofSeconds(10)).until(() -> {
            clock.runUntilIdle();
            return last().value() == 3;
        });
        assertThat(last().up()).isFalse();
        assertThat(last().detail()).isEqualTo("value 3");
        Files.writeString(file, "0\n");
        Awaitility.await("second read").atMost(Duration.ofSeconds(10)).until(() -> {
            clock.advance(SECOND);
            return last().value() == 0;
        });
        assertThat(last().up()).isTrue();
    }

    @Test
    void anObjectNotConfiguredIsAbsentAndCountsAsUp() {
        Tracker tracker = scripted(new ArrayDeque<>());
        tracker.subscribe("g", List.of(9), s -> seen.add(s.get(9)));
        clock.runUntilIdle();
        assertThat(last().exists()).isFalse();
        assertThat(last().up()).isTrue();
    }

    @Test
    void badTrackObjectsAreRefusedInOneLine() {
        assertThatThrownBy(() -> TrackComponent.READER.read(props("type", "route", "route", "198.51.100.1/24")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("configuration: route '198.51.100.1/24' has host bits set after /24");
        assertThatThrownBy(() -> TrackComponent.READER.read(props("type", "route", "route", "198.51.100.0/33")))
                .hasMessageStartingWith("configuration: route '198.51.100.0/33' is not a prefix")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> TrackComponent.READER.read(props("type", "route", "route", "example.com/24")))
                .hasMessageStartingWith("configuration: route 'example.com/24' is not a prefix");
        assertThatThrownBy(() -> TrackComponent.READER.read(props("type", "script")))
                .hasMessage("configuration: a script track needs script (the command to run)");
        assertThatThrownBy(() -> TrackComponent.READER.read(props("type", "ping")))
                .hasMessageContaining("type").hasMessageNotContaining("\n");
        TrackConfig ok = TrackComponent.READER.read(props("type", "route", "route", "198.51.100.0/24"));
        assertThat(ok.describe()).isEqualTo("ip route 198.51.100.0/24 reachability");
    }

    static Map<String, Object> props(String... kv) {
        Map<String, Object> m = new HashMap<>(Map.of("id", 1));
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private Path executable(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }
}
