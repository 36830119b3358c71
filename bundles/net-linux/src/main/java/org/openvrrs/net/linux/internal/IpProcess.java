package org.openvrrs.net.linux.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs iproute2's {@code ip} once and returns what it printed: for reading state ({@code ip -json addr show}) and for
 * start/stop clean-up, never on the failover path (that goes through {@link IpBatch}).
 */
final class IpProcess {
    static final String IP = "ip";
    private static final long TIMEOUT_SECONDS = 10;

    private IpProcess() {
    }

    /** Runs {@code ip ARGS...}; throws {@link IllegalStateException} with ip's own message when it fails. */
    static String run(String... args) {
        List<String> command = new ArrayList<>();
        command.add(IP);
        command.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run iproute2's ip (is the iproute2 package installed?): "
                    + e.getMessage());
        }
        try {
            p.getOutputStream().close();
            byte[] out = readAll(p.getInputStream());
            String err = new String(readAll(p.getErrorStream()), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("ip " + String.join(" ", args) + " did not finish in "
                        + TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("ip " + String.join(" ", args) + ": "
                        + (err.isEmpty() ? "exit code " + p.exitValue() : err.lines().findFirst().orElse(err)));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("ip " + String.join(" ", args) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IllegalStateException("interrupted while running ip");
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }
}
