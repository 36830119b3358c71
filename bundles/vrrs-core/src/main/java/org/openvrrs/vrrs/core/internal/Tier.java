package org.openvrrs.vrrs.core.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.openvrrs.vrrs.api.ClientPriority;

/**
 * One priority level of one notification round: counts the clients of that level still to take the round's state,
 * and releases the next level when the count reaches zero or when the dispatcher gives up waiting on a stalled client.
 */
final class Tier {
    final Round round;
    final ClientPriority priority;
    final long startedNanos;
    private final AtomicInteger remaining;
    private final AtomicBoolean released = new AtomicBoolean();

    Tier(Round round, ClientPriority priority, int clients, long startedNanos) {
        this.round = round;
        this.priority = priority;
        this.startedNanos = startedNanos;
        this.remaining = new AtomicInteger(clients);
    }

    /** A client of this tier took the state (or a newer one, or left): count it. */
    void done() {
        if (remaining.decrementAndGet() == 0) {
            release();
        }
    }

    int remaining() {
        return remaining.get();
    }

    /** Lets the next priority level go. Returns false when it had already been released. */
    boolean release() {
        if (!released.compareAndSet(false, true)) {
            return false;
        }
        round.tierReleased(this);
        return true;
    }

    boolean isReleased() {
        return released.get();
    }
}
