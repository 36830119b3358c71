package org.openvrrs.plugin.accounting.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.openvrrs.net.api.Scheduler;
import org.openvrrs.plugin.accounting.internal.queue.AccountingRecord;
import org.openvrrs.plugin.accounting.internal.queue.DurableQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-group delivery of records: the durable queue, and the order. Each group has at most one record in flight, so
 * a group's records reach the server in queue order (an On made during a pending Off's accounting delay waits behind
 * it); groups proceed independently. A record waits until its not-before time (the accounting delay), goes through a
 * {@link RadiusExchange} along its group's route, and leaves the queue, on disk too, only when acknowledged. When
 * every server failed it stays at the head of its group and the route is tried again after the retry interval.
 *
 * <p>{@link #submit} runs on the caller's thread; everything else on the scheduler's thread, which alone touches
 * the groups.
 */
final class GroupDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(GroupDelivery.class);
    private static final Logger ERR = LoggerFactory.getLogger("org.openvrrs.debug.accounting.errors");

    /**
     * A group's delivery as status shows it.
     *
     * @param last      the group's last record, or null before the first
     * @param sendingTo the server the record in flight goes to, or null when none is in flight
     */
    record GroupView(String group, int queued, AccountingRecord last, String lastResult, RadiusServer sendingTo) {
    }

    private static final class GroupQueue {
        final String name;
        final ArrayDeque<AccountingRecord> pending = new ArrayDeque<>();
        RadiusExchange.Exchange current;
        Scheduler.Timer wake;
        AccountingRecord last;
        String lastResult = "";

        GroupQueue(String name) {
            this.name = name;
        }
    }

    private final DurableQueue queue;
    private final Scheduler scheduler;
    private final Clock clock;
    private final RadiusExchange exchange;
    private final Supplier<AccountingModel> model;
    private final Map<String, GroupQueue> groups = new TreeMap<>();
    private volatile boolean closed;

    /**
     * @param clock wall-clock time, which records' not-before times are in
     * @param model the configuration in force (routes, retry interval)
     */
    GroupDelivery(DurableQueue queue, Scheduler scheduler, Clock clock, RadiusExchange exchange,
            Supplier<AccountingModel> model) {
        this.queue = queue;
        this.scheduler = scheduler;
        this.clock = clock;
        this.exchange = exchange;
        this.model = model;
    }

    /** Delivers what the durable queue held when it was opened, in sequence order. */
    void resume() {
        List<AccountingRecord> loaded = queue.loaded();
        if (!loaded.isEmpty()) {
            LOG.info("Accounting: {} queued record(s) found in {}, delivering", loaded.size(), queue.directory());
        }
        scheduler.execute(() -> loaded.forEach(this::enqueue));
    }

    /**
     * Writes {@code records} to the durable queue with one flush, so that when this returns every one survives a
     * power loss, then queues them for delivery. Any thread.
     */
    void submit(List<AccountingRecord> records) {
        try {
            queue.appendAll(records);
        } catch (IOException e) {
            // still sent from memory, but would not survive a restart: say so loudly
            LOG.error("Accounting: cannot write {} record(s) ({} of {} first) to {}: {}", records.size(),
                    records.get(0).typeName(), records.get(0).group(), queue.directory(), e.getMessage());
            for (AccountingRecord r : records) {
                ERR.debug("VRRS/ACCT/ERR: {} {} session {} not written to disk: {}", r.group(), r.typeName(),
                        r.sessionId(), e.getMessage());
            }
        }
        try {
            scheduler.execute(() -> records.forEach(this::enqueue));
        } catch (IllegalStateException schedulerClosed) {
            // stopping: the records are on disk for the next start
        }
    }

    /** The configuration changed: groups waiting to retry try the new one at once. */
    void configurationChanged() {
        scheduler.execute(() -> groups.values().forEach(g -> {
            if (g.current == null) {
                cancelWake(g);
                pump(g);
            }
        }));
    }

    /** Every group's delivery now. Scheduler thread. */
    List<GroupView> groups() {
        List<GroupView> out = new ArrayList<>();
        for (GroupQueue g : groups.values()) {
            out.add(new GroupView(g.name, g.pending.size(), g.last, g.lastResult,
                    g.current == null ? null : g.current.server()));
        }
        return out;
    }

    /** Starts nothing more; records not yet acknowledged stay on disk. Any thread. */
    void stop() {
        closed = true;
    }

    private void enqueue(AccountingRecord r) {
        GroupQueue g = groups.computeIfAbsent(r.group(), GroupQueue::new);
        g.pending.add(r);
        g.last = r;
        g.lastResult = "queued";
        pump(g);
    }

    /** Starts the group's head record if nothing of the group is in flight or waiting. */
    private void pump(GroupQueue g) {
        if (closed || g.current != null || g.wake != null || g.pending.isEmpty()) {
            return;
        }
        AccountingRecord r = g.pending.peek();
        long wait = r.notBeforeMillis() - clock.millis();
        if (wait > 0) {
            wakeIn(g, Duration.ofMillis(wait));
            return;
        }
        AccountingModel m = model.get();
        List<RadiusServer> route = m.route(r.group());
        if (route.isEmpty()) {
            ERR.debug("VRRS/ACCT/ERR: {} no RADIUS server in method list {}: {} record(s) stay queued", g.name,
                    m.settings(r.group()).methodList(), g.pending.size());
            wakeIn(g, m.retryInterval());
            return;
        }
        g.current = exchange.start(r, route, outcome(g, r));
    }

    private RadiusExchange.Outcome outcome(GroupQueue g, AccountingRecord r) {
        return new RadiusExchange.Outcome() {
            @Override
            public void sending(RadiusServer server, int tries) {
                g.lastResult = "sending to " + server.name() + (tries > 0 ? " (try " + (tries + 1) + ")" : "");
            }

            @Override
            public void acknowledged(RadiusServer by) {
                try {
                    queue.remove(r);
                } catch (IOException e) {
                    LOG.error("Accounting: cannot remove acknowledged record {} from {}: {}", r.seq(),
                            queue.directory(), e.getMessage());
                }
                g.pending.remove(r);
                g.current = null;
                g.lastResult = "acknowledged by " + by.name();
                pump(g);
            }

            @Override
            public void everyServerFailed() {
                Duration retry = model.get().retryInterval();
                ERR.debug("VRRS/ACCT/ERR: {} every server of the method list failed: {} record(s) stay queued, "
                        + "retry in {} s", g.name, g.pending.size(), retry.toSeconds());
                g.current = null;
                g.lastResult = "queued, every server failed";
                wakeIn(g, retry);
            }
        };
    }

    private void wakeIn(GroupQueue g, Duration delay) {
        g.wake = scheduler.schedule(delay, () -> {
            g.wake = null;
            pump(g);
        });
    }

    private void cancelWake(GroupQueue g) {
        if (g.wake != null) {
            g.wake.cancel();
            g.wake = null;
        }
    }
}
