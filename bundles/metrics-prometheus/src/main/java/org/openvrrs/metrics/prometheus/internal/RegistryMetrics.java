package org.openvrrs.metrics.prometheus.internal;

import static org.openvrrs.metrics.prometheus.internal.Exposition.Type.COUNTER;
import static org.openvrrs.metrics.prometheus.internal.Exposition.Type.GAUGE;
import static org.openvrrs.metrics.prometheus.internal.Exposition.Type.HISTOGRAM;

import java.util.List;
import org.openvrrs.vrrs.api.ClientInfo;
import org.openvrrs.vrrs.api.GroupState;
import org.openvrrs.vrrs.api.LatencyHistogram;
import org.openvrrs.vrrs.api.VrrsRegistry;
import org.openvrrs.vrrs.api.VrrsRegistryStatistics;

/** The VRRS registry's families: every group's state, every client's deliveries, the rounds' fan-out latency. */
final class RegistryMetrics {
    private RegistryMetrics() {
    }

    static void write(VrrsRegistry registry, Exposition out) {
        List<GroupState> groups = registry.groups();
        out.each("openvrrs_vrrs_group_state", GAUGE, "VRRS state: 1 init, 2 backup, 3 active.", groups,
                g -> new String[] {"group", g.group()}, g -> g.state().ordinal() + 1);
        out.each("openvrrs_vrrs_group_served", GAUGE, "1 when a server (VRRP) publishes the group, 0 when it is "
                + "only followed.", groups, g -> new String[] {"group", g.group()}, g -> g.hasServer() ? 1 : 0);
        List<ClientInfo> clients = registry.clients();
        out.each("openvrrs_vrrs_client_deliveries_total", COUNTER, "Callbacks the client completed.", clients,
                RegistryMetrics::labels, ClientInfo::delivered);
        out.each("openvrrs_vrrs_client_failures_total", COUNTER, "Callbacks of the client that threw.", clients,
                RegistryMetrics::labels, ClientInfo::failed);
        out.each("openvrrs_vrrs_client_coalesced_total", COUNTER, "States replaced by a newer one of the same "
                + "group before the client took them.", clients, RegistryMetrics::labels, ClientInfo::coalesced);
    }

    static void write(VrrsRegistryStatistics statistics, Exposition out) {
        LatencyHistogram h = statistics.fanoutLatency();
        out.family("openvrrs_vrrs_fanout_duration_seconds", HISTOGRAM, "Per notification round, from a group's "
                + "update to the last client of its last priority level having returned.");
        for (int i = 0; i < h.upperBoundsSeconds().size(); i++) {
            out.sample("_bucket", h.cumulativeCounts().get(i), "le", Exposition.bound(h.upperBoundsSeconds().get(i)));
        }
        out.sample("_bucket", h.count(), "le", "+Inf");
        out.sample("_sum", h.sumSeconds());
        out.sample("_count", h.count());
        out.single("openvrrs_vrrs_dispatch_stalls_total", COUNTER, "Client callbacks that ran past the stall "
                + "limit.", statistics.stalls());
        out.single("openvrrs_vrrs_dispatch_tier_timeouts_total", COUNTER, "Priority levels let go before all "
                + "their clients had taken a state.", statistics.tierTimeouts());
    }

    /** The id tells apart two clients of one name. */
    private static String[] labels(ClientInfo c) {
        return new String[] {"client", c.name(), "id", Integer.toString(c.id()), "priority", c.priority().label()};
    }
}
