package org.openvrrs.fhrp.vrrp.internal.track;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.openvrrs.net.api.Network;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real checks: a route asked of the network, a script run as a process, a file read. Each runs on the probe
 * executor, never on a network's or the tracker's thread; a script that hangs is killed with its children when the
 * tracker's timeout cancels it.
 */
final class Probes {
    /** Every script's output, each run ({@code vrrp:debug vrrp track}). */
    private static final Logger DEBUG = LoggerFactory.getLogger("org.openvrrs.debug.vrrp.track");
    private static final File NO_INPUT = new File("/dev/null");

    private Probes() {
    }

    /** The probe of a polled object; {@code network} is null when the route's network is missing. */
    static Probe of(TrackConfig c, Network network, Executor executor) {
        return switch (c.type()) {
            case ROUTE -> () -> route(c, network, executor);
            case SCRIPT -> () -> script(c, executor);
            case FILE -> () -> file(c, executor);
            case INTERFACE -> throw new IllegalArgumentException("an interface is watched, not polled");
        };
    }

    private static Probe.Attempt route(TrackConfig c, Network network, Executor executor) {
        if (network == null) {
            return Probe.Attempt.done(Probe.Result.failed("network " + c.networkName() + " missing"));
        }
        return new Probe.Attempt(CompletableFuture.supplyAsync(() -> {
            try {
                return network.hasRoute(c.route().address(), c.route().prefixLength())
                        ? Probe.Result.ok("in the routing table") : Probe.Result.failed("not in the routing table");
            } catch (RuntimeException e) {
                return Probe.Result.failed("route query failed: " + e.getMessage());
            }
        }, executor), () -> { });
    }

    private static Probe.Attempt file(TrackConfig c, Executor executor) {
        return new Probe.Attempt(CompletableFuture.supplyAsync(() -> {
            String text;
            try {
                text = Files.readString(c.file(), StandardCharsets.UTF_8).trim();
            } catch (IOException | RuntimeException e) {
                return Probe.Result.failed("cannot read " + c.file() + ": " + e.getClass().getSimpleName());
            }
            try {
                long value = Long.parseLong(text.lines().findFirst().orElse("").trim());
                return new Probe.Result(value == 0, value, "value " + value);
            } catch (NumberFormatException e) {
                return Probe.Result.failed(c.file() + " does not hold a whole number");
            }
        }, executor), () -> { });
    }

    private static Probe.Attempt script(TrackConfig c, Executor executor) {
        AtomicReference<Process> running = new AtomicReference<>();
        CompletableFuture<Probe.Result> result = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                Process p = new ProcessBuilder(c.command()).redirectErrorStream(true)
                        .redirectInput(NO_INPUT).start();
                running.set(p);
                if (result.isDone()) { // timed out before it even started
                    kill(p);
                    return;
                }
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                int code = p.waitFor();
                if (!out.isEmpty()) {
                    DEBUG.debug("track {}: {} printed: {}", c.id(), c.command().get(0), out);
                }
                String last = out.isEmpty() ? "" : ": " + out.lines().reduce((a, b) -> b).orElse("");
                result.complete(code == 0 ? Probe.Result.ok("exit code 0" + last)
                        : Probe.Result.failed("exit code " + code + last));
            } catch (IOException e) {
                result.complete(Probe.Result.failed("cannot run " + c.command().get(0) + ": " + reason(e)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                result.complete(Probe.Result.failed("interrupted"));
            }
        });
        return new Probe.Attempt(result, () -> {
            result.complete(Probe.Result.failed("cancelled")); // a script not started yet is killed as it starts
            Process p = running.get();
            if (p != null) {
                kill(p);
            }
        });
    }

    /** Kills a script and what it started (a shell's sleep would keep the output pipe open). */
    private static void kill(Process p) {
        List<ProcessHandle> children = p.descendants().toList();
        p.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
    }

    /** "No such file or directory" rather than Java's "Cannot run program ...: error=2, ...". */
    private static String reason(IOException e) {
        String m = String.valueOf(e.getMessage());
        int i = m.lastIndexOf(", ");
        return i >= 0 ? m.substring(i + 2) : m;
    }
}
