package org.openvrrs.cli.ios.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.karaf.features.BootFinished;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openvrrs.cli.ios.internal.RunningConfiguration.ApplyResult;
import org.openvrrs.config.test.LogCapture;
import org.openvrrs.net.sim.VirtualScheduler;

class ConfigurationStoreTest {
    private static final BootFinished BOOTED = new BootFinished() { };
    private static final List<String> SAVED = List.of("hostname r1", "interface GigabitEthernet0/0/0",
            " vrrp 1 ip 192.0.2.1");

    @TempDir
    Path home;
    Path etc;
    final VirtualScheduler scheduler = new VirtualScheduler();
    final TestClock clock = new TestClock(Instant.parse("2026-12-06T01:00:00Z"));
    SecretCipher cipher;
    FakeRunningConfiguration running;
    ConfigurationStore store;

    @BeforeEach
    void setUp() throws IOException {
        etc = Files.createDirectories(home.resolve("etc"));
        cipher = new SecretCipher(etc.resolve(SecretCipher.KEY_FILE));
        running = new FakeRunningConfiguration(cipher);
        System.clearProperty(ConfigurationStore.APPLIED_PROPERTY);
        store = start("launch-1");
    }

    @AfterEach
    void tearDown() {
        System.clearProperty(ConfigurationStore.APPLIED_PROPERTY);
    }

    /** A store as the component makes it at the start of framework launch {@code launch}, bound to the same state. */
    private ConfigurationStore start(String launch) {
        ConfigurationStore s = new ConfigurationStore(new StoreFiles(home, etc), scheduler, clock, launch);
        s.bindRunning(running);
        s.bindBootFinished(BOOTED);
        scheduler.runUntilIdle();
        // a refused startup is tried again before it is applied line by line
        scheduler.advance(ConfigurationStore.STARTUP_RETRY.multipliedBy(ConfigurationStore.STARTUP_ATTEMPTS));
        return s;
    }

    /** The appliance restarted: a new framework launch, Config Admin's state (the fake's) kept. */
    private ConfigurationStore restart(String launch) throws Exception {
        store.close();
        return start(launch);
    }

    @Test
    void savedConfigurationIsAppliedAtTheNextStart() throws Exception {
        running.merge(SAVED);
        store.save();

        assertThat(Files.readAllLines(etc.resolve("startup-config"))).isEqualTo(SAVED);
        assertThat(store.startupLines()).isEqualTo(SAVED);
        store = restart("launch-2");
        assertThat(running.lines()).isEqualTo(SAVED);
        try (var files = Files.list(etc)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void aChangeNotSavedDoesNotSurviveARestart() throws Exception {
        running.merge(SAVED);
        store.save();
        running.merge(List.of("hostname changed", "no hostname r1", "interface GigabitEthernet0/0/1"));

        List<String> log = LogCapture.of(() -> store = restart("launch-2"));

        assertThat(running.lines()).isEqualTo(SAVED);
        assertThat(log).anyMatch(l -> l.contains("Startup configuration etc/startup-config applied (3 lines)"));
    }

    @Test
    void theStartupConfigurationWaitsForKarafsBootToBeOver() throws Exception {
        running.merge(SAVED);
        store.save();
        running.merge(List.of("hostname unsaved"));
        store.close();

        store = new ConfigurationStore(new StoreFiles(home, etc), scheduler, clock, "launch-2");
        store.bindRunning(running);
        scheduler.runUntilIdle();
        assertThat(running.lines()).contains("hostname unsaved");

        store.bindBootFinished(BOOTED);
        scheduler.runUntilIdle();
        assertThat(running.lines()).isEqualTo(SAVED);
    }

    @Test
    void aRestartAfterASaveReplacesNothing() throws Exception {
        running.merge(SAVED);
        store.save();

        List<String> log = LogCapture.of(() -> store = restart("launch-2"));

        assertThat(running.replaces()).isZero();
        assertThat(running.lines()).isEqualTo(SAVED);
        assertThat(log).anyMatch(l -> l.contains("Startup configuration etc/startup-config is the running "
                + "configuration (3 lines)"));
    }

    @Test
    void restartingTheBundleWithinOneLaunchKeepsUnsavedChanges() throws Exception {
        running.merge(SAVED);
        store.save();
        running.merge(List.of("hostname unsaved"));

        store = restart("launch-1");

        assertThat(running.lines()).contains("hostname unsaved");
    }

    @Test
    void withoutAStartupFileTheConfigAdminStateStays() throws Exception {
        running.merge(SAVED);

        List<String> log = LogCapture.of(() -> store = restart("launch-2"));

        assertThat(running.lines()).isEqualTo(SAVED);
        assertThat(log).anyMatch(l -> l.contains("No startup configuration (etc/startup-config)"));
    }

    @Test
    void aStartupFileWithRefusedLinesIsAppliedLineByLineAndEachRefusalLogged() throws Exception {
        running.merge(List.of("hostname unsaved"));
        Files.write(etc.resolve("startup-config"), List.of("hostname r1", "bogus line", "interface Gi0/0/0",
                "bogus key Clear-Secret-1"));

        List<String> log = LogCapture.of(() -> store = restart("launch-2"));

        assertThat(running.lines()).containsExactly("hostname r1", "interface Gi0/0/0");
        assertThat(LogCapture.errors(log)).containsExactly(
                "etc/startup-config: % Invalid input detected at line 2: bogus line",
                "etc/startup-config: % Invalid input detected at line 4: bogus key <hidden>");
        assertThat(log).anyMatch(l -> l.contains("applied line by line: 2 of its 4 lines refused"))
                .noneMatch(l -> l.contains("Clear-Secret-1"));
    }

    @Test
    void eachSaveKeepsThePreviousStartupInABoundedArchive() throws Exception {
        for (int i = 1; i <= 12; i++) {
            running.merge(List.of("hostname r" + i));
            store.save();
            clock.advance(Duration.ofMinutes(1));
        }

        List<String> listing = store.archiveListing();
        assertThat(listing).hasSize(StoreFiles.ARCHIVE_KEEP);
        // saves 2..12 each archived the one before: entries 1..11, the oldest gone; times are their saves'
        assertThat(listing.get(0)).isEqualTo("startup-config-2     2026-12-06 01:01:00 Z");
        assertThat(listing.get(9)).isEqualTo("startup-config-11    2026-12-06 01:10:00 Z");
        assertThat(Files.exists(etc.resolve("archive/startup-config-1"))).isFalse();
        assertThat(Files.readAllLines(etc.resolve("archive/startup-config-11")))
                .contains("hostname r11").doesNotContain("hostname r12");
        assertThat(store.startupLines()).contains("hostname r12");
    }

    @Test
    void aFileIsMergedByPathOrByArchiveName() throws Exception {
        running.merge(List.of("hostname r1"));
        store.save();
        running.merge(List.of("no hostname r1", "hostname r2"));
        store.save();
        Files.write(etc.resolve("site-config"), List.of("interface GigabitEthernet0/0/1", "bogus"));

        ApplyResult fromPath = store.mergeFile("etc/site-config");
        ApplyResult fromArchive = store.mergeFile("startup-config-1");

        assertThat(fromPath.errors()).containsExactly("% Invalid input detected at line 2: bogus");
        assertThat(fromArchive.ok()).isTrue();
        assertThat(running.lines()).containsExactly("hostname r2", "interface GigabitEthernet0/0/1", "hostname r1");
    }

    @Test
    void iosNamesOfFilesAreUnderstood() throws Exception {
        running.merge(List.of("hostname r1"));
        store.save();
        Files.write(etc.resolve("site-config"), List.of("interface GigabitEthernet0/0/1"));

        assertThat(store.mergeFile("flash:site-config").ok()).isTrue();
        assertThat(running.lines()).containsExactly("hostname r1", "interface GigabitEthernet0/0/1");
        assertThat(store.replaceWith("nvram:startup-config", null).ok()).isTrue();
        assertThat(running.lines()).containsExactly("hostname r1");
        assertThatThrownBy(() -> store.mergeFile("flash:../outside")).hasMessageContaining("Permission denied");
    }

    @Test
    void replaceIsAllOrNothing() throws Exception {
        running.merge(SAVED);
        Files.write(etc.resolve("broken"), List.of("hostname x", "bogus"));
        Files.write(etc.resolve("good"), List.of("hostname x"));

        ApplyResult refused = store.replaceWith("etc/broken", null);
        assertThat(refused.ok()).isFalse();
        assertThat(running.lines()).isEqualTo(SAVED);

        assertThat(store.replaceWith("etc/good", null).ok()).isTrue();
        assertThat(running.lines()).containsExactly("hostname x");
        scheduler.advance(Duration.ofHours(1));
        assertThat(running.lines()).containsExactly("hostname x");
    }

    @Test
    void aTimedReplaceNotConfirmedRollsBackByItself() throws Exception {
        running.merge(SAVED);
        Files.write(etc.resolve("new-config"), List.of("hostname new"));

        assertThat(store.replaceWith("etc/new-config", Duration.ofMinutes(1)).ok()).isTrue();
        running.merge(List.of("interface typed-after")); // rolled back too: the point is the last confirmed state
        scheduler.advance(Duration.ofSeconds(59));
        assertThat(running.lines()).containsExactly("hostname new", "interface typed-after");

        List<String> log = LogCapture.of(() -> scheduler.advance(Duration.ofSeconds(1)));

        assertThat(running.lines()).isEqualTo(SAVED);
        assertThat(log).hasSize(1).allMatch(l -> l.endsWith("Rollback: configure replace etc/new-config was not "
                + "confirmed within 1 minute: the configuration from before it is restored"));
        assertThat(store.confirm()).isFalse();
    }

    @Test
    void aConfirmedTimedReplaceStays() throws Exception {
        running.merge(SAVED);
        Files.write(etc.resolve("new-config"), List.of("hostname new"));
        store.replaceWith("etc/new-config", Duration.ofMinutes(5));
        scheduler.advance(Duration.ofMinutes(4));

        assertThat(store.confirm()).isTrue();
        scheduler.advance(Duration.ofMinutes(10));

        assertThat(running.lines()).containsExactly("hostname new");
        assertThat(store.confirm()).isFalse();
    }

    @Test
    void aSecondTimedReplaceKeepsTheFirstRollbackPointAndRestartsTheTimer() throws Exception {
        running.merge(SAVED);
        Files.write(etc.resolve("a"), List.of("hostname a"));
        Files.write(etc.resolve("b"), List.of("hostname b"));
        store.replaceWith("etc/a", Duration.ofMinutes(2));
        scheduler.advance(Duration.ofMinutes(1));
        store.replaceWith("etc/b", Duration.ofMinutes(2));

        scheduler.advance(Duration.ofSeconds(90));
        assertThat(running.lines()).containsExactly("hostname b");
        scheduler.advance(Duration.ofSeconds(30));
        assertThat(running.lines()).isEqualTo(SAVED);
    }

    @Test
    void savingWhileARollbackIsPendingIsRefused() throws Exception {
        running.merge(SAVED);
        store.save();
        Files.write(etc.resolve("new-config"), List.of("hostname new"));
        store.replaceWith("etc/new-config", Duration.ofMinutes(1));

        assertThatThrownBy(store::save).isInstanceOf(IOException.class)
                .hasMessage("% A configure replace waits for configure confirm: confirm it (or let it roll back) "
                        + "before saving");
        assertThat(store.startupLines()).isEqualTo(SAVED);
    }

    @Test
    void anUnconfirmedReplaceDoesNotSurviveARestart() throws Exception {
        running.merge(SAVED);
        store.save();
        Files.write(etc.resolve("new-config"), List.of("hostname new"));
        store.replaceWith("etc/new-config", Duration.ofMinutes(10));

        store = restart("launch-2");

        assertThat(running.lines()).isEqualTo(SAVED);
    }

    @Test
    void anUnconfirmedReplaceIsRolledBackWhenTheStoreStopsWithinOneLaunch() throws Exception {
        running.merge(SAVED);
        Files.write(etc.resolve("new-config"), List.of("hostname new"));
        store.replaceWith("etc/new-config", Duration.ofMinutes(10));

        List<String> log = LogCapture.of(() -> store = restart("launch-1"));

        assertThat(running.lines()).isEqualTo(SAVED);
        assertThat(log).anyMatch(l -> l.endsWith("Rollback: configure replace etc/new-config was not confirmed "
                + "before the configuration store stopped: the configuration from before it is restored"));
    }

    @Test
    void aRollbackDueWhileTheRunningConfigurationIsAwayRunsWhenItIsBack() throws Exception {
        running.merge(SAVED);
        Files.write(etc.resolve("new-config"), List.of("hostname new"));
        store.replaceWith("etc/new-config", Duration.ofMinutes(1));
        store.unbindRunning(running);

        scheduler.advance(Duration.ofMinutes(1));
        assertThat(running.lines()).containsExactly("hostname new");
        store.bindRunning(running);
        scheduler.runUntilIdle();

        assertThat(running.lines()).isEqualTo(SAVED);
    }

    @Test
    void filesOutsideEtcAndTheApplianceKeyAreRefusedInOneLine() throws Exception {
        running.merge(SAVED);
        Path outside = Files.writeString(home.resolve("outside"), "hostname evil\n");
        Files.createSymbolicLink(etc.resolve("link"), outside);
        Files.writeString(etc.resolve("users.properties"), "alice = secret\n");
        cipher.encrypt("makes the key file");

        for (String name : List.of("../outside", "etc/../outside", "outside", outside.toString(), "/etc/passwd",
                "etc/link", "etc/openvrrs.key", "etc/users.properties")) {
            assertThatThrownBy(() -> store.mergeFile(name)).as(name).isInstanceOf(IOException.class)
                    .hasMessageStartingWith("%Error opening " + name + " (Permission denied")
                    .hasMessageNotContaining("\n");
            assertThatThrownBy(() -> store.replaceWith(name, Duration.ofMinutes(1))).as(name)
                    .hasMessageStartingWith("%Error opening " + name + " (Permission denied");
        }
        assertThatThrownBy(() -> store.mergeFile("etc/missing"))
                .hasMessage("%Error opening etc/missing (No such file or directory)");
        assertThatThrownBy(() -> store.mergeFile("etc/bad\0name")).isInstanceOf(IOException.class)
                .hasMessage("%Error opening etc/bad\0name (invalid file name)");
        Files.createDirectories(etc.resolve("folder"));
        assertThatThrownBy(() -> store.mergeFile("flash:folder")).isInstanceOf(IOException.class)
                .hasMessage("%Error opening flash:folder (Is a directory)");
        assertThat(running.lines()).isEqualTo(SAVED);
    }

    @Test
    void withoutTheRunningConfigurationEachOperationAnswersOneLine() throws Exception {
        store.unbindRunning(running);
        Files.write(etc.resolve("x"), List.of("hostname x"));
        String line = "% The running configuration is not available (the IOS front end is not started)";

        assertThatThrownBy(store::save).hasMessage(line);
        assertThatThrownBy(() -> store.mergeFile("etc/x")).hasMessage(line);
        assertThatThrownBy(() -> store.replaceWith("etc/x", null)).hasMessage(line);
        assertThat(store.startupLines()).isEmpty();
        assertThat(store.archiveListing()).isEmpty();
    }

    @Test
    void theSavedFileHoldsTheRadiusKeyOnlyEncryptedAndTheApplianceReadsItBack() throws Exception {
        String clear = "Sup3r-Secret-Radius-Key";
        running.merge(List.of("radius server r1", " key " + clear));
        store.save();

        String saved = Files.readString(etc.resolve("startup-config"), StandardCharsets.UTF_8);
        assertThat(saved).doesNotContain(clear).contains(" key 6 ");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(etc.resolve("startup-config"))))
                .isEqualTo("rw-------");
        running.merge(List.of(" key changed-and-not-saved"));
        store = restart("launch-2");
        assertThat(running.radiusKey()).isEqualTo(clear);
    }

    /** A clock a test moves. */
    static final class TestClock extends Clock {
        private Instant now;

        TestClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
