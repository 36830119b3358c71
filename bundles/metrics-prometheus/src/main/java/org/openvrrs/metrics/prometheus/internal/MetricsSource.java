package org.openvrrs.metrics.prometheus.internal;

/**
 * The families of a bundle that may be absent (the plug-ins, accounting), as a service of this bundle: its
 * component is enabled only when this bundle is wired to that bundle's API package.
 */
public interface MetricsSource {
    /** Names the source in a log line. */
    String name();

    void write(Exposition out);
}
