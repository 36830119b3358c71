package org.openvrrs.vrrs.api;

import java.util.List;

/**
 * A cumulative latency histogram read at one moment, in seconds (Prometheus's base unit).
 *
 * @param upperBoundsSeconds the buckets' inclusive upper bounds, ascending, without +Inf
 * @param cumulativeCounts   per bound, the observations at or below it (same size as the bounds)
 * @param count              every observation (the +Inf bucket)
 * @param sumSeconds         the sum of every observation
 */
public record LatencyHistogram(List<Double> upperBoundsSeconds, List<Long> cumulativeCounts, long count,
        double sumSeconds) {

    public LatencyHistogram {
        upperBoundsSeconds = List.copyOf(upperBoundsSeconds);
        cumulativeCounts = List.copyOf(cumulativeCounts);
        if (upperBoundsSeconds.size() != cumulativeCounts.size()) {
            throw new IllegalArgumentException("one cumulative count per bound");
        }
    }
}
