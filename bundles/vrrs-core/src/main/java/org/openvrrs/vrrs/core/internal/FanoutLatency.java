package org.openvrrs.vrrs.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.openvrrs.vrrs.api.LatencyHistogram;

/**
 * The rounds' fan-out latency as fixed buckets: recording is a bucket search and two adds on the worker that ends a
 * round, nothing on the failover path. Bounds from 50 µs (one round to a few clients) to 5 s (a level held back by a
 * stalled client until the tier timeout).
 */
final class FanoutLatency {
    private static final long[] BOUNDS_NANOS = {50_000, 100_000, 250_000, 500_000, 1_000_000, 2_500_000, 5_000_000,
            10_000_000, 25_000_000, 50_000_000, 100_000_000, 250_000_000, 500_000_000, 1_000_000_000L,
            2_500_000_000L, 5_000_000_000L};

    private final LongAdder[] buckets = new LongAdder[BOUNDS_NANOS.length + 1]; // the last one is +Inf
    private final LongAdder sumNanos = new LongAdder();

    FanoutLatency() {
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    void record(long nanos) {
        int i = 0;
        while (i < BOUNDS_NANOS.length && nanos > BOUNDS_NANOS[i]) {
            i++;
        }
        buckets[i].increment();
        sumNanos.add(nanos);
    }

    /** Cumulative counts as Prometheus wants them; read while rounds end, so only roughly one instant. */
    LatencyHistogram snapshot() {
        List<Double> bounds = new ArrayList<>();
        List<Long> cumulative = new ArrayList<>();
        long running = 0;
        for (int i = 0; i < BOUNDS_NANOS.length; i++) {
            running += buckets[i].sum();
            bounds.add(BOUNDS_NANOS[i] / 1e9);
            cumulative.add(running);
        }
        running += buckets[BOUNDS_NANOS.length].sum();
        return new LatencyHistogram(bounds, cumulative, running, sumNanos.sum() / 1e9);
    }
}
