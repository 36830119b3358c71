package org.openvrrs.vrrs.events.internal;

/** A consumer of the event stream. */
@FunctionalInterface
interface Subscriber {
    /**
     * Hands over one event, on the registry's thread: must return at once (append to a bounded queue, never block).
     *
     * @return false when the subscriber cannot take it (its queue is full): the stream drops the subscriber, which
     *         is expected to end itself (a socket reader is disconnected)
     */
    boolean offer(TransitionEvent event);
}
