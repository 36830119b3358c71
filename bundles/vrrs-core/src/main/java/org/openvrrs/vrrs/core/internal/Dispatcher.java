package org.openvrrs.vrrs.core.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.openvrrs.vrrs.core.internal.GroupRounds.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers rounds to clients.
 *
 * <p>Clients that have something to take are handed to worker threads in chunks; a worker drains each client of its
 * chunk in turn, so a fan-out to thousands of clients costs one task per chunk, not one per client. A watchdog gives
 * the rest of a chunk to a rescue thread when a client's callback stalls, and releases the next priority level of a
 * round when a level has waited longer than the tier timeout, so one slow client holds back nobody but itself.
 */
final class Dispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    static final int CHUNK_SIZE = 128;
    private static final int MAX_RESCUE_THREADS = 32;

    private final ExecutorService workers;
    private final ThreadPoolExecutor rescuers;
    private final ScheduledExecutorService watchdog;
    private final long stallNanos;
    private final long tierTimeoutNanos;
    private final Set<Chunk> chunks = ConcurrentHashMap.newKeySet();
    private final Set<Level> levels = ConcurrentHashMap.newKeySet();
    private final LongAdder stalls = new LongAdder();
    private final LongAdder tierTimeouts = new LongAdder();

    /**
     * Clients handed to a worker together; any number of threads may work one chunk, each client taken once. With a
     * level, each client is first offered the level's state (so the offering is spread over the workers too).
     */
    private final class Chunk implements Runnable {
        private final ClientEntry[] clients;
        private final Level level;
        private final AtomicInteger next = new AtomicInteger();
        private volatile long progressNanos = System.nanoTime();

        Chunk(ClientEntry[] clients, Level level) {
            this.clients = clients;
            this.level = level;
        }

        @Override
        public void run() {
            int i;
            while ((i = next.getAndIncrement()) < clients.length) {
                long now = System.nanoTime();
                progressNanos = now;
                ClientEntry c = clients[i];
                if (level == null) {
                    c.drain();
                } else if (offer(c, level, now)) {
                    c.drain();
                }
            }
            chunks.remove(this);
        }

        boolean isStalled(long now) {
            return next.get() < clients.length && now - progressNanos > stallNanos;
        }
    }

    /**
     * @param threads          worker threads (at least 1)
     * @param stallMillis      a callback running longer than this has the rest of its chunk moved to a rescue thread
     * @param tierTimeoutMillis a priority level waiting longer than this on a stalled client lets the next level go
     */
    Dispatcher(int threads, long stallMillis, long tierTimeoutMillis) {
        this.stallNanos = TimeUnit.MILLISECONDS.toNanos(stallMillis);
        this.tierTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(tierTimeoutMillis);
        this.workers = Executors.newFixedThreadPool(threads, named("vrrs-dispatch"));
        this.rescuers = new ThreadPoolExecutor(0, MAX_RESCUE_THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                named("vrrs-rescue"));
        this.watchdog = Executors.newSingleThreadScheduledExecutor(named("vrrs-watchdog"));
        long period = Math.max(1, Math.min(stallMillis, tierTimeoutMillis) / 4);
        watchdog.scheduleWithFixedDelay(this::watch, period, period, TimeUnit.MILLISECONDS);
    }

    /** Offers a level's state to its clients, spread over the workers; the level counts who took it. */
    void offer(ClientEntry[] clients, Level level) {
        levels.add(level);
        submit(clients, level);
    }

    /** Offers the level's state to one client; returns true when the caller must drain it. */
    private boolean offer(ClientEntry c, Level level, long now) {
        // a client already stuck in a callback gets the state later but holds back no lower level meanwhile
        boolean stuck = c.callbackNanos(now) > stallNanos;
        boolean drain = c.offer(level.state(), level.version(), stuck ? null : level);
        if (stuck) {
            level.done();
        }
        return drain;
    }

    /** Hands clients to the workers in chunks: to offer the level's state and drain, or (level null) to drain. */
    private void submit(ClientEntry[] clients, Level level) {
        for (int from = 0; from < clients.length; from += CHUNK_SIZE) {
            int to = Math.min(clients.length, from + CHUNK_SIZE);
            ClientEntry[] part = from == 0 && to == clients.length ? clients
                    : Arrays.copyOfRange(clients, from, to);
            Chunk chunk = new Chunk(part, level);
            chunks.add(chunk);
            execute(chunk);
        }
    }

    /** Drains clients whose mailbox a direct push (follow, registration) filled. */
    void schedule(List<ClientEntry> ready) {
        if (!ready.isEmpty()) {
            submit(ready.toArray(new ClientEntry[0]), null);
        }
    }

    void schedule(ClientEntry client) {
        schedule(List.of(client));
    }

    /** Runs a task on a worker: a server's update never waits for the fan-out. */
    void execute(Runnable task) {
        try {
            workers.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("VRRS dispatcher is shut down; a notification was not delivered");
        }
    }

    private void watch() {
        try {
            long now = System.nanoTime();
            for (Chunk chunk : chunks) {
                if (chunk.isStalled(now)) {
                    chunk.progressNanos = now; // one rescue per stall period
                    stalls.increment();
                    rescue(chunk);
                }
            }
            levels.removeIf(Level::isReleased);
            for (Level level : levels) {
                if (now - level.startedNanos > tierTimeoutNanos) {
                    tierTimeouts.increment();
                    LOG.warn("VRRS: group {}: {} {} client(s) still busy after {} ms, notifying lower priorities",
                            level.state().group(), level.remaining(), level.priority.label(),
                            TimeUnit.NANOSECONDS.toMillis(now - level.startedNanos));
                    levels.remove(level);
                    rescue(level::release);
                }
            }
        } catch (RuntimeException e) {
            LOG.error("VRRS dispatcher watchdog failed", e);
        }
    }

    private void rescue(Runnable task) {
        try {
            rescuers.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.warn("VRRS: {} rescue threads are all busy with stalled clients; retrying", MAX_RESCUE_THREADS);
        }
    }

    /** Callbacks that ran longer than the stall limit, so far. */
    long stalls() {
        return stalls.sum();
    }

    /** Priority levels released before all their clients had taken the state. */
    long tierTimeouts() {
        return tierTimeouts.sum();
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        workers.shutdownNow();
        rescuers.shutdownNow();
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
