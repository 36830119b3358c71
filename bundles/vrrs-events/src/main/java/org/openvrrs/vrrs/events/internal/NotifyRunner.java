package org.openvrrs.vrrs.events.internal;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the notify scripts of each transition off the registry's threads, strictly in order per group: each group has
 * its own queue, drained by one thread at a time, so a slow or hanging script holds back only later scripts of its
 * own group (until its timeout), never the registry or another group. The scripts of one event run one after the
 * other: those of each configuration by name, within one the state's script, then the generic one (keepalived's
 * order).
 */
final class NotifyRunner implements Subscriber, AutoCloseable {
    /** Transitions of one group waiting for their scripts; beyond this, a transition's scripts are not run. */
    static final int QUEUE_PER_GROUP = 256;
    private static final Logger LOG = LoggerFactory.getLogger(NotifyRunner.class);

    private final ScriptRunner scripts;
    private final Map<String, NotifySettings> settings = new ConcurrentHashMap<>();
    private final Map<String, GroupQueue> queues = new ConcurrentHashMap<>();
    private final AtomicLong dropped = new AtomicLong();
    private final ExecutorService threads;

    NotifyRunner(ScriptRunner scripts) {
        this.scripts = scripts;
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "vrrs-events-notify-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Adds or replaces the configuration {@code name}. */
    void put(String name, NotifySettings s) {
        settings.put(name, s);
    }

    void remove(String name) {
        settings.remove(name);
    }

    int configurations() {
        return settings.size();
    }

    @Override
    public boolean offer(TransitionEvent event) {
        String group = event.state().group();
        if (!event.transition() || settings.values().stream().noneMatch(s -> s.covers(group))) {
            return true;
        }
        queues.computeIfAbsent(group, GroupQueue::new).add(event);
        return true; // never dropped from the stream: a full group queue skips that transition's scripts (counted)
    }

    /** One group's transitions, run by at most one thread at a time. */
    private final class GroupQueue implements Runnable {
        private final String group;
        private final ArrayDeque<TransitionEvent> waiting = new ArrayDeque<>();
        private boolean draining;
        private long skipped; // since the last log line; guarded by this

        GroupQueue(String group) {
            this.group = group;
        }

        synchronized void add(TransitionEvent event) {
            if (waiting.size() >= QUEUE_PER_GROUP) {
                skipped++;
                dropped.incrementAndGet();
                return;
            }
            waiting.add(event);
            if (!draining) {
                try {
                    threads.execute(this);
                    draining = true;
                } catch (RejectedExecutionException closing) {
                    waiting.clear();
                }
            }
        }

        private synchronized TransitionEvent next() {
            if (skipped > 0) {
                LOG.warn("Notify scripts of {} transitions of group {} not run: {} were already waiting", skipped,
                        group, QUEUE_PER_GROUP);
                skipped = 0;
            }
            TransitionEvent e = waiting.poll();
            draining = e != null;
            return e;
        }

        @Override
        public void run() {
            try {
                for (TransitionEvent e = next(); e != null; e = next()) {
                    runScripts(e);
                }
            } catch (InterruptedException closing) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void runScripts(TransitionEvent event) throws InterruptedException {
        Map<String, String> environment = Map.of("VRRS_EVENT", event.jsonLine(), "VRRS_SEQ",
                Long.toString(event.seq()));
        List<String> names = settings.keySet().stream().sorted().toList();
        for (String name : names) {
            NotifySettings s = settings.get(name);
            if (s == null || !s.covers(event.state().group())) {
                continue;
            }
            for (List<String> command : NotifyArguments.commands(s, event)) {
                scripts.run(command, environment, s.timeout());
            }
        }
    }

    /** Transitions whose scripts were not run because their group's queue was full, since start. */
    long dropped() {
        return dropped.get();
    }

    ScriptRunner scripts() {
        return scripts;
    }

    @Override
    public void close() {
        threads.shutdownNow(); // interrupts waits: running scripts are killed
    }
}
