package org.openvrrs.vrrs.core.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.LongAdder;
import org.openvrrs.vrrs.api.ClientInfo;
import org.openvrrs.vrrs.api.ClientPriority;
import org.openvrrs.vrrs.api.GroupState;
import org.openvrrs.vrrs.api.VrrsBatchClient;
import org.openvrrs.vrrs.api.VrrsClient;
import org.openvrrs.vrrs.core.internal.GroupRounds.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A registered client and its mailbox: at most one pending state per group (a newer state replaces an older one not
 * yet taken), drained by one thread at a time so the client never sees two callbacks at once. A
 * {@link VrrsBatchClient} takes everything waiting in one call.
 */
final class ClientEntry {
    private static final Logger LOG = LoggerFactory.getLogger(ClientEntry.class);

    final int id;
    final String name;
    final ClientPriority priority;
    final boolean allGroups;
    final Object owner;
    private final VrrsClient callback;
    /** The callback as a batch client, or null. */
    private final VrrsBatchClient batch;
    /** Most states in one batch call: bounds the time one call holds the levels of the groups it carries. */
    static final int MAX_BATCH = 256;

    /** Groups followed by name. Guarded by the database lock. */
    final Set<String> following = new TreeSet<>();

    // Guarded by this.
    private final LinkedHashMap<String, Pending> mailbox = new LinkedHashMap<>();
    private final Map<String, Long> takenVersion = new HashMap<>();
    private boolean scheduled;
    private boolean closed;

    /** When the callback now running started (System.nanoTime), 0 when none runs: for the stall report. */
    private volatile long callbackSince;

    private final LongAdder delivered = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder coalesced = new LongAdder();

    private static final class Pending {
        GroupState state;
        long version;
        Level level;

        Pending(GroupState state, long version, Level level) {
            this.state = state;
            this.version = version;
            this.level = level;
        }
    }

    ClientEntry(int id, String name, ClientPriority priority, boolean allGroups, VrrsClient callback, Object owner) {
        this.id = id;
        this.name = name;
        this.priority = priority;
        this.allGroups = allGroups;
        this.callback = callback;
        this.batch = callback instanceof VrrsBatchClient b ? b : null;
        this.owner = owner;
    }

    /**
     * Puts a state in the mailbox.
     *
     * @param level the round level to count this client in when it takes the state, or null (a direct push)
     * @return true when the caller must schedule {@link #drain()}
     */
    boolean offer(GroupState state, long version, Level level) {
        Level toCount = null;
        boolean schedule = false;
        synchronized (this) {
            Pending p = mailbox.get(state.group());
            Long taken = takenVersion.get(state.group());
            if (closed || (taken != null && taken >= version) || (p != null && p.version >= version)) {
                toCount = level; // nothing to deliver: closed, already taken, or a newer state is waiting
            } else if (p != null) {
                coalesced.increment();
                toCount = p.level; // the older state is superseded; its round need not wait for it
                p.state = state;
                p.version = version;
                p.level = level;
            } else {
                mailbox.put(state.group(), new Pending(state, version, level));
                schedule = !scheduled;
                scheduled = true;
            }
        }
        if (toCount != null) {
            toCount.done();
        }
        return schedule;
    }

    /**
     * Delivers everything in the mailbox, one callback at a time (a batch client: everything waiting in one call),
     * then lets the next offer schedule again.
     */
    void drain() {
        while (true) {
            List<Pending> taken = new ArrayList<>(1);
            synchronized (this) {
                Iterator<Pending> it = mailbox.values().iterator();
                if (closed || !it.hasNext()) {
                    scheduled = false;
                    return;
                }
                do {
                    Pending p = it.next();
                    it.remove();
                    takenVersion.put(p.state.group(), p.version);
                    taken.add(p);
                } while (batch != null && taken.size() < MAX_BATCH && it.hasNext());
            }
            try {
                callbackSince = System.nanoTime() | 1; // never 0 while running
                if (batch != null) {
                    batch.groupsChanged(taken.stream().map(p -> p.state).toList());
                } else {
                    callback.groupChanged(taken.get(0).state);
                }
                delivered.add(taken.size());
            } catch (RuntimeException | LinkageError | AssertionError e) {
                failed.add(taken.size());
                GroupState first = taken.get(0).state;
                LOG.warn("VRRS client {} ({}) failed on group {} state {}{}: {}", id, name, first.group(),
                        first.state(), taken.size() > 1 ? " and " + (taken.size() - 1) + " more" : "", e.toString());
                LOG.debug("VRRS client {} failure", id, e);
            } finally {
                callbackSince = 0;
                for (Pending p : taken) {
                    if (p.level != null) {
                        p.level.done();
                    }
                }
            }
        }
    }

    /** Drops a group's pending state (the client stopped following it) so a round need not wait for it. */
    void forget(String group) {
        Pending p;
        synchronized (this) {
            p = mailbox.remove(group);
            takenVersion.remove(group);
        }
        if (p != null && p.level != null) {
            p.level.done();
        }
    }

    /** No callback starts after this returns; pending states are dropped and their rounds released. */
    void close() {
        List<Pending> dropped;
        synchronized (this) {
            closed = true;
            dropped = new ArrayList<>(mailbox.values());
            mailbox.clear();
        }
        for (Pending p : dropped) {
            if (p.level != null) {
                p.level.done();
            }
        }
    }


    /** How long the running callback has taken so far, 0 when none runs. */
    long callbackNanos(long now) {
        long since = callbackSince;
        return since == 0 ? 0 : now - since;
    }

    ClientInfo info() {
        return new ClientInfo(id, name, priority, allGroups, Collections.unmodifiableSortedSet(new TreeSet<>(following)),
                delivered.sum(), failed.sum(), coalesced.sum());
    }

    @Override
    public String toString() {
        return "client " + id + " (" + name + ")";
    }
}
