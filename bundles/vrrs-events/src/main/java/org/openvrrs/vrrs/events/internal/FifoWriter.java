package org.openvrrs.vrrs.events.internal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * keepalived's {@code notify_fifo} for scripts written for it: each transition as a line
 * {@code INSTANCE "NAME" STATE PRIORITY} (see {@link NotifyArguments}), written by a thread of its own from its own
 * bounded queue. The FIFO is created (mode 0600) when absent and opened for reading and writing, as keepalived does,
 * so opening never waits for a reader; with no reader, lines wait in the pipe, and once it is full the writer waits
 * and further transitions are dropped from its queue (counted, one line a minute).
 */
final class FifoWriter implements AutoCloseable {
    static final int QUEUE = 1024;
    private static final Logger LOG = LoggerFactory.getLogger(FifoWriter.class);

    private final Path path;
    private final EventStream stream;
    private final RateLimitedLog warnings = new RateLimitedLog(LOG);
    private final Thread thread;
    private volatile boolean closed;
    private volatile long dropped;
    private EventQueue queue;

    FifoWriter(Path path, EventStream stream) throws IOException, InterruptedException {
        this.path = path;
        this.stream = stream;
        createFifo(path);
        RandomAccessFile fifo = new RandomAccessFile(path.toFile(), "rw");
        long subscribedAt = subscribe();
        thread = new Thread(() -> write(fifo, subscribedAt), "vrrs-events-fifo");
        thread.setDaemon(true);
        thread.start();
    }

    /** A new queue, live from now; returns the last sequence number before it. */
    private long subscribe() {
        queue = new EventQueue(QUEUE, () -> { });
        return stream.subscribe(queue);
    }

    private static void createFifo(Path path) throws IOException, InterruptedException {
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!a.isOther()) {
                throw new IOException(path + " exists and is not a FIFO");
            }
            return;
        }
        Process mkfifo = new ProcessBuilder("mkfifo", "-m", "0600", path.toString()).redirectErrorStream(true)
                .start();
        if (!mkfifo.waitFor(10, TimeUnit.SECONDS) || mkfifo.exitValue() != 0) {
            mkfifo.destroyForcibly();
            throw new IOException("mkfifo " + path + " failed: "
                    + new String(mkfifo.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
        }
    }

    private void write(RandomAccessFile fifo, long subscribedAt) {
        long lastSeen = subscribedAt;
        try (fifo) {
            while (!closed) {
                TransitionEvent e = queue.poll(500);
                if (e == null && queue.overflowed()) { // the queue is written out: start again from now
                    long lost = subscribe() - lastSeen;
                    dropped += lost;
                    lastSeen += lost;
                    warnings.warn("full", "Notify FIFO " + path + " has no reader keeping up: " + lost
                            + " events dropped");
                }
                if (e != null) {
                    lastSeen = e.seq();
                    if (e.transition()) {
                        fifo.write((e.fifoLine() + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        } catch (IOException e) {
            if (!closed) {
                LOG.error("Notify FIFO {} no longer written: {}", path, e.getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stream.unsubscribe(queue);
        }
    }

    /** Transitions not written because the FIFO's queue was full, since start. */
    long dropped() {
        return dropped;
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt(); // a write blocked on a full pipe is not interruptible; the thread is a daemon
    }
}
