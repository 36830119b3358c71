package org.openvrrs.vrrs.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * How the registry's notification rounds perform, offered as an OSGi service by the registry next to
 * {@link VrrsRegistry} for monitoring bundles. Read-only; the per-client counts are in {@link ClientInfo}.
 */
@ProviderType
public interface VrrsRegistryStatistics {

    /**
     * The fan-out latency since the registry started: per round, from a server's update (or a membership change)
     * being published to the last recipient of its last priority level having returned from its callback (or been
     * let go by the stall and tier limits).
     */
    LatencyHistogram fanoutLatency();

    /** Callbacks that ran past the stall limit since the registry started. */
    long stalls();

    /** Priority levels let go before all their clients had taken a state, since the registry started. */
    long tierTimeouts();
}
