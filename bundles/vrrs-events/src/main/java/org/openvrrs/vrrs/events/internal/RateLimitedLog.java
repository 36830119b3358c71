package org.openvrrs.vrrs.events.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Warnings of things an outsider controls (a script, a socket reader) that could otherwise repeat without end: per
 * key, the first is logged at once, then at most one a minute, saying how many were left out meanwhile.
 */
final class RateLimitedLog {
    static final long INTERVAL_NANOS = 60_000_000_000L;
    private final Logger log;
    private final LongSupplier nanoTime;
    private final Map<String, long[]> byKey = new HashMap<>(); // key -> {last logged at, left out since}

    RateLimitedLog(Logger log) {
        this(log, System::nanoTime);
    }

    RateLimitedLog(Logger log, LongSupplier nanoTime) {
        this.log = log;
        this.nanoTime = nanoTime;
    }

    /** Logs {@code message} at WARN unless a line of {@code key} was logged less than a minute ago. */
    void warn(String key, String message) {
        long now = nanoTime.getAsLong();
        long leftOut;
        synchronized (byKey) {
            long[] entry = byKey.get(key);
            if (entry != null && now - entry[0] < INTERVAL_NANOS) {
                entry[1]++;
                return;
            }
            leftOut = entry == null ? 0 : entry[1];
            if (byKey.size() >= 1000) { // keys are script paths and reader problems: few, unless something is wrong
                byKey.clear();
            }
            byKey.put(key, new long[] {now, 0});
        }
        log.warn(leftOut == 0 ? message : message + " (" + leftOut + " more like it in the last minute not logged)");
    }
}
