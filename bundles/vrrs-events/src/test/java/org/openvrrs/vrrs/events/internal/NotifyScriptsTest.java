package org.openvrrs.vrrs.events.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openvrrs.config.api.ConfigException;
import org.openvrrs.config.test.LogCapture;
import org.openvrrs.vrrs.api.VrrsState;

/**
 * Notify scripts as keepalived runs them: a script written for keepalived records how it was called, and the test
 * compares; a hanging, missing or non-executable script is one line and holds back nothing but its own group.
 */
@Timeout(180) // a safety net against a hang, not a measure
class NotifyScriptsTest {
    @TempDir
    Path dir;
    private EventsTestBed bed;

    @AfterEach
    void tearDown() {
        if (bed != null) {
            bed.close();
        }
    }

    /** A test resource copied into the test's directory, executable. */
    private Path script(String resource, String name) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/" + resource)) {
            Files.copy(in, target);
        }
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
        return target;
    }

    private void configure(String name, Map<String, Object> properties) {
        Map<String, Object> p = new HashMap<>(properties);
        p.put("service.pid", NotifySettings.FACTORY_PID + "~" + name);
        bed.events.notifyRunner().put(name, NotifySettings.READER.read(p));
    }

    private List<String> calls() throws IOException {
        Path calls = dir.resolve("calls.txt");
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    @Test
    void aKeepalivedScriptIsCalledAsKeepalivedCallsIt() throws Exception {
        Path recorder = script("keepalived-notify.sh", "notify.sh");
        bed = new EventsTestBed(dir, Map.of("socket", false));
        configure("g1", Map.of("group", "EVT-G",
                "notifyMaster", recorder + " master-arg",
                "notifyBackup", recorder + " backup-arg",
                "notifyFault", recorder + " fault-arg",
                "notify", recorder.toString()));
        bed.publish("EVT-G");
        bed.setAndAwait("EVT-G", VrrsState.BACKUP);
        bed.setAndAwait("EVT-G", VrrsState.ACTIVE);
        bed.setAndAwait("EVT-G", VrrsState.ACTIVE); // no transition: an update of the addresses, say
        bed.setAndAwait("EVT-G", VrrsState.INIT);
        bed.publish("EVT-OTHER"); // not this configuration's group

        List<String> expected = List.of(
                "fault-arg", "INSTANCE EVT-G FAULT 0", // first event of the group: INIT, as keepalived at start
                "backup-arg", "INSTANCE EVT-G BACKUP 0",
                "master-arg", "INSTANCE EVT-G MASTER 0",
                "fault-arg", "INSTANCE EVT-G FAULT 0");
        await().atMost(Duration.ofSeconds(30)).until(() -> calls().size() >= expected.size());
        assertThat(calls()).isEqualTo(expected);
        assertThat(bed.events.status()).containsEntry("notifyScriptsRun", 8L).containsEntry("notifyScriptsFailed", 0L);
    }

    @Test
    void hangingMissingAndNonExecutableScriptsAreEachOneLineAndHoldBackNoOtherGroup() throws Exception {
        Path recorder = script("keepalived-notify.sh", "notify.sh");
        Path hanging = script("hanging-notify.sh", "hang.sh");
        Path notExecutable = script("keepalived-notify.sh", "noexec.sh");
        Files.setPosixFilePermissions(notExecutable, PosixFilePermissions.fromString("rw-------"));
        Path missing = dir.resolve("missing.sh");
        bed = new EventsTestBed(dir, Map.of("socket", false));
        List<String> log = LogCapture.of(() -> {
            configure("a-good", Map.of("group", "EVT-G", "notify", recorder.toString()));
            configure("b-hang", Map.of("group", "EVT-H", "notify", hanging.toString(), "timeoutSeconds", 1));
            configure("c-missing", Map.of("allGroups", true, "notify", missing.toString()));
            configure("d-noexec", Map.of("allGroups", true, "notifyMaster", notExecutable.toString()));
            bed.publish("EVT-H");
            bed.setAndAwait("EVT-H", VrrsState.ACTIVE);
            bed.publish("EVT-G");
            bed.setAndAwait("EVT-G", VrrsState.ACTIVE);
            bed.setAndAwait("EVT-G", VrrsState.BACKUP);
            // EVT-G's scripts all ran while EVT-H's first hanging script still waits for its timeout
            await().atMost(Duration.ofSeconds(30)).until(() -> calls().size() == 3);
            // hang x2 (killed), missing x5 (every transition), not executable x2 (to MASTER)
            await().atMost(Duration.ofSeconds(60)).until(() -> bed.events.status().get("notifyScriptsFailed")
                    .equals(9L));
        });
        assertThat(calls()).containsExactly("INSTANCE EVT-G FAULT 0", "INSTANCE EVT-G MASTER 0",
                "INSTANCE EVT-G BACKUP 0");
        List<String> warnings = log.stream().filter(l -> l.contains(" WARN ")).toList();
        String all = String.join("\n", log);
        assertThat(warnings).as(all).hasSize(3);
        assertThat(warnings).as(all).anyMatch(l -> l.contains("Notify script " + hanging
                + " INSTANCE EVT-H FAULT 0 ran longer than 1 s and was killed; output: ")); // sh may say Terminated
        assertThat(warnings).as(all).anyMatch(l -> l.endsWith("Notify script " + missing
                + " is missing or not a file: not run"));
        assertThat(warnings).as(all).anyMatch(l -> l.endsWith("Notify script " + notExecutable
                + " is not executable: not run"));
        assertThat(log).as(all).noneMatch(l -> l.contains("Exception"));
        assertThat(log.stream().filter(l -> l.contains(" INFO ") && l.contains("Notify script " + recorder)))
                .as(all).hasSize(3).allMatch(l -> l.contains(" exited 0 after "));
    }

    @Test
    void aScriptsExitStatusAndOutputAreLogged() throws Exception {
        Path failing = dir.resolve("fail.sh");
        Files.writeString(failing, "#!/bin/sh\necho \"to $3\"\necho oops >&2\necho \"seq $VRRS_SEQ\"\nexit 3\n");
        Files.setPosixFilePermissions(failing, PosixFilePermissions.fromString("rwx------"));
        bed = new EventsTestBed(dir, Map.of("socket", false));
        List<String> log = LogCapture.of(() -> {
            configure("f", Map.of("group", "EVT-G", "notify", failing.toString()));
            bed.publish("EVT-G");
            await().atMost(Duration.ofSeconds(30)).until(() -> bed.events.status().get("notifyScriptsFailed")
                    .equals(1L));
        });
        assertThat(log).anyMatch(l -> l.contains(" WARN ") && l.matches(".*Notify script " + failing
                + " INSTANCE EVT-G FAULT 0 exited 3 after \\d+ ms; output: to FAULT\\\\noops\\\\nseq 1"));
    }

    @Test
    void aConfigurationIsRefusedInOneLineNamingTheKey() {
        assertThatThrownBy(() -> NotifySettings.READER.read(Map.of("group", "G", "notify", "notify.sh")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("configuration: notify = 'notify.sh': the script must be an absolute path");
        assertThatThrownBy(() -> NotifySettings.READER.read(Map.of("notify", "/bin/true")))
                .hasMessage("configuration: give either group = NAME or allGroups = true");
        assertThatThrownBy(() -> NotifySettings.READER.read(Map.of("group", "G", "allGroups", true,
                "notify", "/bin/true"))).hasMessage("configuration: give either group = NAME or allGroups = true");
        assertThatThrownBy(() -> NotifySettings.READER.read(Map.of("group", "G")))
                .hasMessage("configuration: no script: set notifyMaster, notifyBackup, notifyFault or notify");
        assertThatThrownBy(() -> NotifySettings.READER.read(Map.of("group", "G", "notify", "/bin/true",
                "timeoutSeconds", 0))).hasMessage("configuration: timeoutSeconds = 0: not within 1-3600");
        assertThatThrownBy(() -> NotifySettings.READER.read(Map.of("group", "G", "notify_master", "/bin/true")))
                .hasMessageStartingWith("configuration: notify_master = '/bin/true': unknown key");
    }
}
