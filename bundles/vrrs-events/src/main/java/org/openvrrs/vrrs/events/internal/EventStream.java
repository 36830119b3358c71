package org.openvrrs.vrrs.events.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openvrrs.vrrs.api.GroupState;
import org.openvrrs.vrrs.api.VrrsClient;
import org.openvrrs.vrrs.api.VrrsState;

/**
 * The ordered event stream: a {@link VrrsClient} of every group that numbers each update it is pushed, keeps the last
 * ones in a {@link ReplayBuffer} and hands each to its subscribers (socket readers, notify scripts, the FIFO, shell
 * followers), each of which queues it for a thread of its own. The callback never waits on a consumer: it takes one
 * short lock (sequence, buffer, subscriber list) and returns.
 */
public final class EventStream implements VrrsClient {
    private final Clock clock;
    private final ReplayBuffer buffer;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final Map<String, VrrsState> lastState = new HashMap<>();
    private long seq;
    private long dropped;

    public EventStream(int replayCapacity, Clock clock) {
        this.buffer = new ReplayBuffer(replayCapacity);
        this.clock = clock;
    }

    @Override
    public void groupChanged(GroupState state) {
        synchronized (this) {
            VrrsState before = lastState.put(state.group(), state.state());
            TransitionEvent event = new TransitionEvent(++seq, clock.instant(), state, before != state.state());
            buffer.add(event);
            for (Subscriber s : subscribers) {
                if (!s.offer(event)) {
                    subscribers.remove(s);
                    dropped++;
                }
            }
        }
    }

    /**
     * What a subscriber that asked to resume is given before the live events.
     *
     * @param events  the kept events after the sequence number asked for, up to where it subscribed, oldest first
     * @param gap     true when some it asked for are gone: dropped from the replay buffer, or never sent by this
     *                stream (the number is ahead of it: the appliance or the stream restarted since)
     * @param lastSeq where it subscribed: live events start after this one
     */
    public record Resume(List<TransitionEvent> events, boolean gap, long lastSeq) {
        /** The first sequence number it is given: the first replayed, else the first live one. */
        public long continuesWith() {
            return events.isEmpty() ? lastSeq + 1 : events.get(0).seq();
        }
    }

    /**
     * Adds a subscriber, live from now: it is offered every event recorded after this call returns.
     *
     * @return the last sequence number recorded before it was added (0 when none), for {@link #resume}
     */
    public synchronized long subscribe(Subscriber subscriber) {
        subscribers.add(subscriber);
        return seq;
    }

    /**
     * The kept events after {@code after} up to {@code upTo} (where a subscriber was added), so that with its live
     * events it has each once, in order, or is told which are gone.
     */
    public synchronized Resume resume(long after, long upTo) {
        boolean ahead = after > upTo;
        List<TransitionEvent> events = buffer.after(ahead ? 0 : after);
        events.removeIf(e -> e.seq() > upTo);
        boolean evicted = !ahead && after < upTo && (events.isEmpty() || events.get(0).seq() > after + 1);
        return new Resume(events, ahead || evicted, upTo);
    }

    public void unsubscribe(Subscriber subscriber) {
        subscribers.remove(subscriber);
    }

    public synchronized long lastSeq() {
        return seq;
    }

    public synchronized long firstSeq() {
        return buffer.firstSeq();
    }

    public int replayCapacity() {
        return buffer.capacity();
    }

    /** Subscribers dropped since start because their queue was full (slow or stuck readers). */
    public synchronized long droppedSubscribers() {
        return dropped;
    }
}
