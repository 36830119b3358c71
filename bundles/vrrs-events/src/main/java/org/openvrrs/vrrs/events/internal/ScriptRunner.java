package org.openvrrs.vrrs.events.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one notify script and waits for it, at most its timeout (then SIGTERM, and SIGKILL two seconds later, to it
 * and what it started). Its exit status and the start of its output (stdout and stderr, through a private temporary
 * file so a script that writes much never blocks on a full pipe) are logged in one line. A script that is missing, not
 * executable or cannot start, or that is killed, is one warning line, at most one a minute per script.
 */
final class ScriptRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ScriptRunner.class);
    private static final int OUTPUT_SHOWN = 1024;
    private static final long KILL_GRACE_MILLIS = 2000;

    private final RateLimitedLog warnings;
    private final AtomicLong run = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    ScriptRunner() {
        this(new RateLimitedLog(LOG));
    }

    ScriptRunner(RateLimitedLog warnings) {
        this.warnings = warnings;
    }

    /**
     * Runs {@code command} (an absolute path, then arguments) with {@code environment} added to the appliance's.
     *
     * @return whether it ran and exited 0
     */
    boolean run(List<String> command, Map<String, String> environment, Duration timeout)
            throws InterruptedException {
        Path script = Path.of(command.get(0));
        String shown = String.join(" ", command);
        if (!Files.isRegularFile(script)) {
            return problem(script, "Notify script " + script + " is missing or not a file: not run");
        }
        if (!Files.isExecutable(script)) {
            return problem(script, "Notify script " + script + " is not executable: not run");
        }
        Path output;
        try {
            output = Files.createTempFile("vrrs-notify-", ".out"); // mode 0600
        } catch (IOException e) {
            return problem(script, "Notify script " + script + " not run: no temporary file for its output ("
                    + e.getMessage() + ")");
        }
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().putAll(environment);
            long started = System.nanoTime();
            Process process;
            try {
                process = pb.start();
            } catch (IOException e) {
                return problem(script, "Notify script " + script + " could not start: " + e.getMessage());
            }
            run.incrementAndGet();
            if (!waitOrKill(process, timeout)) {
                return problem(script, "Notify script " + shown + " ran longer than " + timeout.toSeconds()
                        + " s and was killed; output: " + output(output));
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            int exit = process.exitValue();
            String line = "Notify script " + shown + " exited " + exit + " after " + millis + " ms; output: "
                    + output(output);
            if (exit == 0) {
                LOG.info(line);
                return true;
            }
            failed.incrementAndGet();
            LOG.warn(line);
            return false;
        } finally {
            try {
                Files.deleteIfExists(output);
            } catch (IOException e) {
                LOG.debug("Notify output {} not removed: {}", output, e.getMessage());
            }
        }
    }

    private boolean problem(Path script, String message) {
        failed.incrementAndGet();
        warnings.warn(script.toString(), message);
        return false;
    }

    /** Whether the process ended in time; when not, it and its descendants are killed. */
    private static boolean waitOrKill(Process process, Duration timeout) throws InterruptedException {
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            kill(process); // the runner is closing
            throw e;
        }
        kill(process);
        return false;
    }

    private static void kill(Process process) throws InterruptedException {
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(KILL_GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    /** The start of what the script wrote, on one line ({@code \n} for its line ends); "(none)" when nothing. */
    private static String output(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(OUTPUT_SHOWN);
            String text = new String(head, StandardCharsets.UTF_8).strip();
            boolean more = in.read() >= 0;
            return text.isEmpty() ? "(none)" : text.replace("\n", "\\n") + (more ? "..." : "");
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** Scripts started since start. */
    long run() {
        return run.get();
    }

    /** Scripts that did not exit 0: missing, not executable, not started, killed or exit status not 0. */
    long failed() {
        return failed.get();
    }
}
