package org.openvrrs.net.linux.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code nft -f -} with the lines {@link AcceptRules} builds, in order, on a thread of its own: becoming Master
 * never waits for the fork. A refused script is one warning with nft's message.
 */
final class Nft implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Nft.class);
    private static final long TIMEOUT_SECONDS = 10;

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "net-linux nft");
        t.setDaemon(true);
        return t;
    });

    /** Queues {@code lines} as one nft transaction; nothing for an empty list. */
    void submit(List<String> lines) {
        if (!lines.isEmpty()) {
            thread.execute(() -> {
                String error = run(lines);
                if (error != null) {
                    LOG.warn("nft {}: {}", String.join("; ", lines), error);
                }
            });
        }
    }

    /**
     * Deletes the table a crashed run left behind, now (at start). Without nft nothing can have been left, so a
     * missing nft is only logged at debug.
     */
    void removeStale() {
        String error = run(List.of(AcceptRules.DELETE_TABLE));
        if (error == null) {
            LOG.info("removed nftables table {} left behind by an earlier run", AcceptRules.TABLE);
        } else if (!error.contains("No such file or directory")) {
            LOG.debug("no stale nftables table removed: {}", error);
        }
    }

    /** Runs what is queued, then stops (at most 10 s). */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("nft did not finish in {} s; table {} may be left until the next start",
                        TIMEOUT_SECONDS, AcceptRules.TABLE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs one {@code nft -f -} transaction; returns null when it worked, else the reason in one line. */
    static String run(List<String> lines) {
        Process p;
        try {
            p = new ProcessBuilder("nft", "-f", "-").redirectErrorStream(true).start();
        } catch (IOException e) {
            return "cannot run nft, so accept mode off is not enforced (Debian: apt-get install nftables): "
                    + e.getMessage();
        }
        try {
            try (OutputStream in = p.getOutputStream()) {
                in.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "did not finish in " + TIMEOUT_SECONDS + " s";
            }
            return p.exitValue() == 0 ? null
                    : out.isEmpty() ? "exit code " + p.exitValue() : out.lines().findFirst().orElse(out);
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return "interrupted";
        }
    }
}
