package org.openvrrs.metrics.prometheus.internal;

import static org.openvrrs.metrics.prometheus.internal.Exposition.Type.COUNTER;
import static org.openvrrs.metrics.prometheus.internal.Exposition.Type.GAUGE;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import org.openvrrs.fhrp.vrrp.api.VrrpGroupCounters;
import org.openvrrs.fhrp.vrrp.api.VrrpGroupView;
import org.openvrrs.fhrp.vrrp.api.VrrpMonitor;
import org.openvrrs.fhrp.vrrp.api.VrrpRouterCounters;

/**
 * The VRRP server's families: per group its state, priorities and every RFC 6527 (and, for VRRPv2, RFC 2787)
 * statistic, labelled by where it runs; then the router-wide counters and drops by reason.
 */
final class VrrpMetrics {
    private static final String GROUP = "openvrrs_vrrp_group_";
    /** The appliance's own network, named as the shows name it (net-api's Network.LOCAL). */
    private static final String LOCAL = "local";

    /** Every per-group counter: metric name (after the group prefix, without _total), help, value. */
    private record GroupCounter(String name, String help, ToLongFunction<VrrpGroupCounters> value) {
    }

    static final List<GroupCounter> COUNTERS = List.of(
            new GroupCounter("master_transitions", "Transitions to master (vrrpv3StatisticsMasterTransitions).",
                    VrrpGroupCounters::masterTransitions),
            new GroupCounter("advertisements_received", "Advertisements received (vrrpv3StatisticsRcvdAdvertisements).",
                    VrrpGroupCounters::rcvdAdvertisements),
            new GroupCounter("advertisements_sent", "Advertisements sent.", VrrpGroupCounters::sentAdvertisements),
            new GroupCounter("advertisement_interval_errors", "Advertisements with another interval "
                    + "(vrrpv3StatisticsAdvIntervalErrors).", VrrpGroupCounters::advIntervalErrors),
            new GroupCounter("ip_ttl_errors", "Packets with a TTL or hop limit other than 255 "
                    + "(vrrpv3StatisticsIpTtlErrors).", VrrpGroupCounters::ipTtlErrors),
            new GroupCounter("priority_zero_received", "Advertisements with priority 0 received "
                    + "(vrrpv3StatisticsRcvdPriZeroPackets).", VrrpGroupCounters::rcvdPriZeroPackets),
            new GroupCounter("priority_zero_sent", "Advertisements with priority 0 sent "
                    + "(vrrpv3StatisticsSentPriZeroPackets).", VrrpGroupCounters::sentPriZeroPackets),
            new GroupCounter("invalid_type_received", "Packets with an invalid type "
                    + "(vrrpv3StatisticsRcvdInvalidTypePackets).", VrrpGroupCounters::rcvdInvalidTypePackets),
            new GroupCounter("address_list_errors", "Advertisements whose address list differs from the group's "
                    + "(vrrpv3StatisticsAddressListErrors).", VrrpGroupCounters::addressListErrors),
            new GroupCounter("packet_length_errors", "Packets shorter than their header says "
                    + "(vrrpv3StatisticsPacketLengthErrors).", VrrpGroupCounters::packetLengthErrors),
            new GroupCounter("auth_failures", "VRRPv2 advertisements with a wrong password "
                    + "(RFC 2787 vrrpStatsAuthFailures).", VrrpGroupCounters::authFailures),
            new GroupCounter("invalid_auth_type", "VRRPv2 advertisements with an unknown authentication type "
                    + "(RFC 2787 vrrpStatsInvalidAuthType).", VrrpGroupCounters::invalidAuthType),
            new GroupCounter("auth_type_mismatch", "VRRPv2 advertisements with another authentication type "
                    + "(RFC 2787 vrrpStatsAuthTypeMismatch).", VrrpGroupCounters::authTypeMismatch));

    private VrrpMetrics() {
    }

    static void write(VrrpMonitor monitor, Exposition out) {
        List<VrrpGroupView> groups = monitor.groups();
        out.each(GROUP + "state", GAUGE, "VRRP state: 1 initialize, 2 backup, 3 master (vrrpv3OperationsStatus).",
                groups, VrrpMetrics::labels, g -> g.state().mibValue());
        out.each(GROUP + "priority", GAUGE, "Priority the group runs at (255 as address owner).", groups,
                VrrpMetrics::labels, VrrpGroupView::priority);
        out.each(GROUP + "configured_priority", GAUGE, "Configured priority.", groups, VrrpMetrics::labels,
                VrrpGroupView::configuredPriority);
        out.each(GROUP + "master_advertisement_interval_seconds", GAUGE, "The master's advertised interval.",
                groups, VrrpMetrics::labels, g -> g.masterAdverIntervalCentis() / 100.0);
        out.each(GROUP + "new_master_reason", GAUGE, "Why it last became master: 0 not master, 1 priority, "
                + "2 preempted, 3 master no response (vrrpv3StatisticsNewMasterReason).", groups,
                VrrpMetrics::labels, g -> g.counters().newMasterReason());
        out.each(GROUP + "protocol_error_reason", GAUGE, "Last protocol error: 0 none, 1 IP TTL, 2 version, "
                + "3 checksum, 4 VRID (vrrpv3StatisticsProtoErrReason).", groups, VrrpMetrics::labels,
                g -> g.counters().protoErrReason());
        for (GroupCounter c : COUNTERS) {
            out.each(GROUP + c.name() + "_total", COUNTER, c.help(), groups, VrrpMetrics::labels,
                    g -> c.value().applyAsLong(g.counters()));
        }

        VrrpRouterCounters router = monitor.routerCounters();
        out.single("openvrrs_vrrp_router_checksum_errors_total", COUNTER, "Packets with a wrong checksum "
                + "(vrrpv3RouterChecksumErrors).", router.checksumErrors());
        out.single("openvrrs_vrrp_router_version_errors_total", COUNTER, "Packets of an unknown version "
                + "(vrrpv3RouterVersionErrors).", router.versionErrors());
        out.single("openvrrs_vrrp_router_vrid_errors_total", COUNTER, "Packets for a VRID not configured "
                + "(vrrpv3RouterVrIdErrors).", router.vrIdErrors());
        List<Map.Entry<String, Long>> drops = List.copyOf(new TreeMap<>(router.drops()).entrySet());
        out.each("openvrrs_vrrp_dropped_packets_total", COUNTER, "Packets no group took, by reason (as "
                + "vrrp:statistics names them).", drops, e -> new String[] {"reason", e.getKey()},
                Map.Entry::getValue);
    }

    /** Where a group runs and what it is: enough to tell any two groups apart. */
    static String[] labels(VrrpGroupView g) {
        String network = g.network().isEmpty() ? LOCAL : g.network();
        return new String[] {"network", network, "interface", g.interfaceName(), "vrid",
            Integer.toString(g.vrid()), "family", g.family().name().toLowerCase(java.util.Locale.ROOT), "version",
            Integer.toString(g.version()), "vrrs_name", g.vrrsName()};
    }
}
