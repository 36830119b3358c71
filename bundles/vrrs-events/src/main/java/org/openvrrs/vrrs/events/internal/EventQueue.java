package org.openvrrs.vrrs.events.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A consumer's own bounded queue of events: the stream appends without waiting, the consumer's thread takes. When
 * full, the queue refuses the event, marks itself overflowed and runs {@code onOverflow} (a socket reader closes its
 * connection), so the consumer is dropped rather than ever holding the stream back.
 */
final class EventQueue implements Subscriber {
    private final BlockingQueue<TransitionEvent> events;
    private final Runnable onOverflow;
    private volatile boolean overflowed;

    EventQueue(int capacity, Runnable onOverflow) {
        this.events = new ArrayBlockingQueue<>(capacity);
        this.onOverflow = onOverflow;
    }

    @Override
    public boolean offer(TransitionEvent event) {
        if (overflowed) {
            return false;
        }
        if (!events.offer(event)) {
            overflowed = true;
            onOverflow.run();
            return false;
        }
        return true;
    }

    /** The next event, or null when none came within {@code millis}. */
    TransitionEvent poll(long millis) throws InterruptedException {
        return events.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** Whether an event was refused because the consumer fell {@code capacity} events behind. */
    boolean overflowed() {
        return overflowed;
    }
}
