package org.openvrrs.vrrs.core.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.openvrrs.vrrs.api.ClientPriority;
import org.openvrrs.vrrs.api.GroupState;

/**
 * The notification rounds of one group, from start to end. A round offers one state to the group's recipients, High
 * clients first, then Normal, then Low: each level starts when the one before has taken the state (or the
 * dispatcher gave up waiting on a stalled client). At most one round runs per group; states published meanwhile are
 * coalesced into one more round with the latest of them when the running one ends.
 *
 * <p>It knows nothing of the database: the database publishes to it (under its own lock; this class then takes
 * only its own) and the dispatcher runs the levels it hands over.
 */
final class GroupRounds {
    private static final int LEVELS = ClientPriority.values().length;

    private final String group;
    private final Dispatcher dispatcher;
    private final FanoutLatency latency;

    // guarded by this
    private boolean running;
    private GroupState nextState;
    private long nextVersion;
    private ClientEntry[][] nextRecipients;
    private long nextPublishedNanos;

    GroupRounds(String group, Dispatcher dispatcher, FanoutLatency latency) {
        this.group = group;
        this.dispatcher = dispatcher;
        this.latency = latency;
    }

    /**
     * Notifies {@code state} now, or after the running round.
     *
     * @param recipients the clients by priority level (index = ClientPriority ordinal), never modified afterwards
     */
    void publish(GroupState state, long version, ClientEntry[][] recipients) {
        synchronized (this) {
            nextState = state;
            nextVersion = version;
            nextRecipients = recipients;
            nextPublishedNanos = System.nanoTime();
            if (running) {
                return;
            }
            running = true;
        }
        startNext();
    }

    /** Starts a round with the latest published state, or ends the run of rounds when none is waiting. */
    private void startNext() {
        Round round;
        synchronized (this) {
            if (nextState == null) {
                running = false;
                return;
            }
            round = new Round(nextState, nextVersion, nextRecipients, nextPublishedNanos);
            nextState = null;
            nextRecipients = null;
        }
        DebugLog.EVENTS.debug("VRRS: Notify group {} state {}", group, round.state.state());
        dispatcher.execute(() -> round.startLevel(0));
    }

    /** One state offered to the recipients, level by level. */
    private final class Round {
        final GroupState state;
        final long version;
        final ClientEntry[][] recipients;
        final long publishedNanos;

        Round(GroupState state, long version, ClientEntry[][] recipients, long publishedNanos) {
            this.state = state;
            this.version = version;
            this.recipients = recipients;
            this.publishedNanos = publishedNanos;
        }

        /** Offers the state to level {@code from}, or the first non-empty level after it; ends when none is left. */
        void startLevel(int from) {
            int l = from;
            while (l < LEVELS && recipients[l].length == 0) {
                l++;
            }
            if (l == LEVELS) {
                latency.record(System.nanoTime() - publishedNanos);
                startNext();
                return;
            }
            ClientEntry[] clients = recipients[l];
            dispatcher.offer(clients, new Level(this, ClientPriority.values()[l], clients.length));
        }
    }

    /**
     * One priority level of one round: counts the clients still to take the state, and starts the next level when the
     * count reaches zero or when the dispatcher lets it go early.
     */
    final class Level {
        private final Round round;
        final ClientPriority priority;
        final long startedNanos = System.nanoTime();
        private final AtomicInteger remaining;
        private final AtomicBoolean released = new AtomicBoolean();

        private Level(Round round, ClientPriority priority, int clients) {
            this.round = round;
            this.priority = priority;
            this.remaining = new AtomicInteger(clients);
        }

        GroupState state() {
            return round.state;
        }

        long version() {
            return round.version;
        }

        /** A client of this level took the state (or a newer one, or left): count it. */
        void done() {
            if (remaining.decrementAndGet() == 0) {
                release();
            }
        }

        int remaining() {
            return remaining.get();
        }

        /** Lets the next level go, once. */
        void release() {
            if (released.compareAndSet(false, true)) {
                round.startLevel(priority.ordinal() + 1);
            }
        }

        boolean isReleased() {
            return released.get();
        }
    }
}
