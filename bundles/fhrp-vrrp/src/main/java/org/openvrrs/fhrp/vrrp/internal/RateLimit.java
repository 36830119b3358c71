package org.openvrrs.fhrp.vrrp.internal;

/**
 * Lets one log line through per period and counts the events held back meanwhile, so an error every advert
 * (10 a second from a peer at 100 ms) shows as its first occurrence, then one line a period with the count since
 * the last line. Not thread-safe: used on the network's scheduler thread.
 */
final class RateLimit {
    /** {@link #admit} when the event is not to be logged. */
    static final long HOLD = -1;

    private final long periodNanos;
    private boolean loggedAny;
    private long lastLogNanos;
    private long held;

    RateLimit(long periodNanos) {
        this.periodNanos = periodNanos;
    }

    /**
     * An event at {@code nowNanos}.
     *
     * @return {@link #HOLD} when not to log it, else how many events were held back since the last line logged
     */
    long admit(long nowNanos) {
        if (loggedAny && nowNanos - lastLogNanos < periodNanos) {
            held++;
            return HOLD;
        }
        long since = held;
        loggedAny = true;
        lastLogNanos = nowNanos;
        held = 0;
        return since;
    }
}
