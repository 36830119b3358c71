package org.openvrrs.vrrs.events.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The last {@code capacity} events, oldest first, in a ring. Not thread-safe: {@link EventStream} guards it.
 */
final class ReplayBuffer {
    private final TransitionEvent[] ring;
    private int size;
    private int next; // where the next event goes

    ReplayBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("replay capacity must be 1 or more");
        }
        ring = new TransitionEvent[capacity];
    }

    void add(TransitionEvent event) {
        ring[next] = event;
        next = (next + 1) % ring.length;
        size = Math.min(size + 1, ring.length);
    }

    int capacity() {
        return ring.length;
    }

    /** The oldest sequence number kept; 0 when empty. */
    long firstSeq() {
        return size == 0 ? 0 : ring[(next - size + ring.length) % ring.length].seq();
    }

    /** The events with a sequence number above {@code seq}, oldest first (events are added in sequence). */
    List<TransitionEvent> after(long seq) {
        List<TransitionEvent> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            TransitionEvent e = ring[(next - size + i + ring.length) % ring.length];
            if (e.seq() > seq) {
                out.add(e);
            }
        }
        return out;
    }
}
