package org.openvrrs.metrics.prometheus.internal;

import static org.openvrrs.metrics.prometheus.internal.Exposition.Type.COUNTER;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scrape: every source present writes its families into a buffer of its own, which is kept only when the source
 * finished, so a source that fails leaves out its families, never half of one. Failures are counted per source and
 * logged, at most one line a minute.
 */
final class Scrape {
    private static final Logger LOG = LoggerFactory.getLogger(Scrape.class);
    private static final long LOG_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    /** A named writer of families; {@code write} may throw (the VRRP server or the registry going away). */
    record Part(String name, Consumer<Exposition> write) {
    }

    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final AtomicLong lastLog = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

    String text(List<Part> parts) {
        StringBuilder out = new StringBuilder();
        for (Part p : parts) {
            Exposition e = new Exposition();
            try {
                p.write().accept(e);
                out.append(e.text());
            } catch (RuntimeException ex) {
                errors.computeIfAbsent(p.name(), k -> new LongAdder()).increment();
                long now = System.nanoTime();
                long last = lastLog.get();
                if (now - last >= LOG_EVERY_NANOS && lastLog.compareAndSet(last, now)) {
                    LOG.warn("Prometheus metrics: {} left out of a scrape: {}", p.name(), ex.toString());
                }
            }
        }
        List<Map.Entry<String, LongAdder>> failed = new ArrayList<>(new java.util.TreeMap<>(errors).entrySet());
        out.append(new Exposition().each("openvrrs_metrics_source_errors_total", COUNTER, "Scrapes that left a "
                + "source out because reading it failed.", failed, e -> new String[] {"source", e.getKey()},
                e -> e.getValue().sum()).text());
        return out.toString();
    }
}
