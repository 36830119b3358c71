package org.openvrrs.fhrp.vrrp.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Collectors;
import org.openvrrs.config.api.ConfigReader;
import org.openvrrs.fhrp.vrrp.internal.packet.GroupStatistics;
import org.openvrrs.fhrp.vrrp.internal.packet.VrrpStatistics;
import org.openvrrs.vrrs.api.IpAddresses;

/** The layouts of IOS's {@code show vrrp} and {@code show vrrp brief}, plus the RFC 6527 statistics. */
final class ShowVrrpFormat {
    /** JSON for {@code --json}: fields in order, absent values written as null (scripts expect every key). */
    static final com.fasterxml.jackson.jr.ob.JSON JSON_OUT = com.fasterxml.jackson.jr.ob.JSON.std
            .with(com.fasterxml.jackson.jr.ob.JSON.Feature.WRITE_NULL_PROPERTIES);

    private ShowVrrpFormat() {
    }

    static String where(VrrpGroupConfig c) {
        return VrrpEngine.networkName(c).equals(org.openvrrs.net.api.Network.LOCAL) ? c.interfaceName()
                : c.network() + "/" + c.interfaceName();
    }

    static String state(VirtualRouter.State s) {
        return switch (s) {
            case INITIALIZE -> "Init";
            case BACKUP -> "Backup";
            case MASTER -> "Master";
        };
    }

    static String detail(GroupStatus s) {
        VrrpGroupConfig c = s.config();
        StringBuilder out = new StringBuilder();
        out.append(where(c)).append(" - Group ").append(c.vrid()).append(" (").append(c.family().label())
                .append(", version ").append(c.version().number()).append(")\n");
        if (!c.description().isEmpty()) {
            out.append("  ").append(c.description()).append('\n');
        }
        out.append("  State is ").append(state(s.state()));
        String why = initReason(s);
        if (why != null) {
            out.append(" (").append(why).append(')');
        }
        out.append('\n');
        out.append("  Virtual IP address is ").append(IpAddresses.format(c.primaryVirtualAddress())).append('\n');
        for (int i = 1; i < c.addresses().size(); i++) {
            out.append("    Secondary Virtual IP address is ").append(IpAddresses.format(c.addresses().get(i)))
                    .append('\n');
        }
        out.append("  Virtual MAC address is ").append(s.virtualMac().toDotted()).append('\n');
        out.append("  Advertisement interval is ").append(seconds(c.advertIntervalCentis() * 10_000_000L))
                .append(" sec\n");
        out.append("  Preemption ").append(c.preempt() ? "enabled" : "disabled");
        if (c.preempt() && c.preemptDelaySeconds() > 0) {
            out.append(", delay min ").append(c.preemptDelaySeconds()).append(" secs");
        }
        out.append('\n');
        out.append("  Priority is ").append(s.priority()).append(s.priority() == 255 ? " (address owner)"
                : s.priority() != c.priority() ? " (configured " + c.priority() + ")" : "").append('\n');
        s.tracking().lines().forEach(l -> out.append("    ").append(l).append('\n'));
        if (s.masterAddress() != null) {
            boolean local = s.state() == VirtualRouter.State.MASTER;
            out.append("  Master Router is ").append(IpAddresses.format(s.masterAddress()))
                    .append(local ? " (local)" : "").append(", priority is ").append(s.masterPriority()).append('\n');
            out.append("  Master Advertisement interval is ")
                    .append(seconds(s.masterAdverIntervalCentis() * 10_000_000L)).append(" sec\n");
        } else {
            out.append("  Master Router is unknown\n");
        }
        out.append("  Master Down interval is ").append(seconds(s.masterDownIntervalNanos())).append(" sec\n");
        if (s.state() != VirtualRouter.State.INITIALIZE) {
            out.append("  Next ").append(s.state() == VirtualRouter.State.MASTER ? "advertisement" : "master down")
                    .append(" in ").append(seconds(s.nanosToNextEvent())).append(" sec\n");
        }
        out.append("  Accept mode ").append(c.acceptMode() ? "enabled" : "disabled").append(", IPv4 checksum ")
                .append(ConfigReader.spelling(c.checksum())).append('\n');
        if (c.version() == org.openvrrs.fhrp.vrrp.internal.packet.VrrpVersion.V2) {
            out.append("  Authentication ").append(c.authenticationText().isEmpty() ? "none" : "text, string <hidden>")
                    .append('\n');
        }
        if (!c.vrrsName().isEmpty()) {
            out.append("  VRRS Group name ").append(c.vrrsName()).append('\n');
        }
        out.append(options(s.options()));
        return out.toString();
    }

    /** The unicast peers and the name followed, one line each, when configured. */
    static String options(GroupOptions o) {
        StringBuilder out = new StringBuilder();
        if (o.unicast().isUnicast()) {
            out.append("  Unicast peers ").append(o.unicast().peers().stream().map(IpAddresses::format)
                    .collect(Collectors.joining(", "))).append(o.unicast().source() == null ? ""
                    : ", source " + IpAddresses.format(o.unicast().source())).append('\n');
        }
        if (o.follows()) {
            out.append("  Follows VRRS group ").append(o.leader()).append(" (no adverts of its own)\n");
        }
        return out.toString();
    }

    static String brief(List<GroupStatus> all) {
        int width = Math.max(10, all.stream().mapToInt(s -> where(s.config()).length()).max().orElse(0) + 1);
        String row = "%-" + width + "s %-4s %-4s %-3s %-5s %-3s %-3s %-7s %-15s %s%n";
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, row, "Interface", "Grp", "A-F", "Pri",
                "Time", "Own", "Pre", "State", "Master addr", "Group addr"));
        for (GroupStatus s : all) {
            VrrpGroupConfig c = s.config();
            out.append(String.format(Locale.ROOT, row, where(c), c.vrid(), c.family() == org.openvrrs.vrrs.api
                    .AddressFamily.IPV4 ? "IPv4" : "IPv6", s.priority(), s.masterDownIntervalNanos() / 1_000_000,
                    s.priority() == 255 ? "Y" : "", c.preempt() ? "Y" : "", state(s.state()),
                    s.masterAddress() == null ? "unknown" : IpAddresses.format(s.masterAddress()),
                    IpAddresses.format(c.primaryVirtualAddress())));
        }
        return out.toString();
    }

    static String statistics(VrrpStatistics router, List<GroupStatus> groups) {
        StringBuilder out = new StringBuilder("VRRP router statistics\n");
        out.append("  Checksum errors ").append(router.checksumErrors()).append(", version errors ")
                .append(router.versionErrors()).append(", VRID errors ").append(router.vrIdErrors()).append('\n');
        out.append("  Drops: ").append(router.totalDrops() + router.unlistedSources() == 0 ? "none" : "").append(router.dropCounts().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + " " + e.getValue())
                .collect(Collectors.joining(", "))).append(router.unlistedSources() == 0 ? ""
                : (router.totalDrops() == 0 ? "" : ", ") + "unicast_peer " + router.unlistedSources()).append('\n');
        for (int i = 0; i < groups.size(); i++) {
            GroupStatistics g = groups.get(i).statistics();
            VrrpGroupConfig c = groups.get(i).config();
            out.append(where(c)).append(" - Group ").append(c.vrid()).append(" (").append(c.family().label())
                    .append(")\n");
            out.append("  Became master ").append(g.masterTransitions()).append(" times, last reason ")
                    .append(g.newMasterReason().name().toLowerCase(Locale.ROOT)).append('\n');
            out.append("  Adverts sent ").append(g.sentAdvertisements()).append(", received ")
                    .append(g.rcvdAdvertisements()).append("; priority 0 sent ").append(g.sentPriZeroPackets())
                    .append(", received ").append(g.rcvdPriZeroPackets()).append('\n');
            out.append("  Errors: interval ").append(g.advIntervalErrors()).append(", TTL ").append(g.ipTtlErrors())
                    .append(", type ").append(g.rcvdInvalidTypePackets()).append(", address list ")
                    .append(g.addressListErrors()).append(", length ").append(g.packetLengthErrors())
                    .append("; last protocol error ").append(g.protoErrReason().name().toLowerCase(Locale.ROOT))
                    .append('\n');
            if (c.version() == org.openvrrs.fhrp.vrrp.internal.packet.VrrpVersion.V2) {
                out.append("  Authentication errors: wrong password ").append(g.authFailures())
                        .append(", type mismatch ").append(g.authTypeMismatch()).append(", unknown type ")
                        .append(g.invalidAuthType()).append('\n');
            }
            if (g.unlistedSources() > 0) {
                out.append("  Adverts from sources not among its unicast peers ").append(g.unlistedSources())
                        .append('\n');
            }
            out.append("  IPv4 checksums received: RFC 5798 ").append(g.rcvdPseudoHeaderChecksums())
                    .append(", RFC 9568 ").append(g.rcvdVrrpOnlyChecksums()).append('\n');
        }
        return out.toString();
    }

    /** {@code vrrp:statistics --json}: the router-wide counters with every drop reason, then each group's. */
    static Map<String, Object> statisticsJson(VrrpStatistics router, List<GroupStatus> groups) {
        Map<String, Object> drops = new LinkedHashMap<>();
        router.dropCounts().forEach((reason, count) -> drops.put(MonitorViews.dropName(reason), count));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("checksumErrors", router.checksumErrors());
        r.put("versionErrors", router.versionErrors());
        r.put("vrIdErrors", router.vrIdErrors());
        r.put("drops", drops);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("router", r);
        m.put("groups", groups.stream().map(ShowVrrpFormat::statisticsJson).toList());
        return m;
    }

    private static Map<String, Object> statisticsJson(GroupStatus s) {
        VrrpGroupConfig c = s.config();
        GroupStatistics g = s.statistics();
        boolean v2 = c.version() == org.openvrrs.fhrp.vrrp.internal.packet.VrrpVersion.V2;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("network", VrrpEngine.networkName(c));
        m.put("interface", c.interfaceName());
        m.put("vrid", c.vrid());
        m.put("addressFamily", c.family().label());
        m.put("version", c.version().number());
        m.put("masterTransitions", g.masterTransitions());
        m.put("newMasterReason", g.newMasterReason().name().toLowerCase(Locale.ROOT));
        m.put("sentAdvertisements", g.sentAdvertisements());
        m.put("rcvdAdvertisements", g.rcvdAdvertisements());
        m.put("sentPriZeroPackets", g.sentPriZeroPackets());
        m.put("rcvdPriZeroPackets", g.rcvdPriZeroPackets());
        m.put("advIntervalErrors", g.advIntervalErrors());
        m.put("ipTtlErrors", g.ipTtlErrors());
        m.put("rcvdInvalidTypePackets", g.rcvdInvalidTypePackets());
        m.put("addressListErrors", g.addressListErrors());
        m.put("packetLengthErrors", g.packetLengthErrors());
        m.put("protoErrReason", g.protoErrReason().name().toLowerCase(Locale.ROOT));
        m.put("authFailures", v2 ? g.authFailures() : null); // RFC 2787: VRRPv2 only
        m.put("authTypeMismatch", v2 ? g.authTypeMismatch() : null);
        m.put("invalidAuthType", v2 ? g.invalidAuthType() : null);
        m.put("rcvdPseudoHeaderChecksums", g.rcvdPseudoHeaderChecksums());
        m.put("rcvdVrrpOnlyChecksums", g.rcvdVrrpOnlyChecksums());
        return m;
    }

    /** One group for {@code vrrp:show --json}. */
    static Map<String, Object> json(GroupStatus s) {
        VrrpGroupConfig c = s.config();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("network", VrrpEngine.networkName(c));
        m.put("interface", c.interfaceName());
        m.put("vrid", c.vrid());
        m.put("addressFamily", c.family().label());
        m.put("version", c.version().number());
        m.put("state", state(s.state()));
        m.put("initReason", s.initReason() == null ? null : s.initReason().key());
        m.put("initReasonText", initReason(s));
        m.put("delayLeftMs", s.initReason() == InitReason.DELAY ? s.delayLeftNanos() / 1_000_000 : null);
        m.put("priority", s.priority());
        m.put("configuredPriority", c.priority());
        m.put("tracking", s.tracking().lines());
        m.put("owner", s.priority() == 255);
        m.put("virtualAddresses", c.addresses().stream().map(IpAddresses::format).toList());
        m.put("virtualMac", s.virtualMac().toDotted());
        m.put("advertIntervalMs", c.advertIntervalMillis());
        m.put("preempt", c.preempt());
        m.put("preemptDelaySeconds", c.preemptDelaySeconds());
        m.put("acceptMode", c.acceptMode());
        m.put("authentication", c.authenticationText().isEmpty() ? "none" : "text"); // never the password
        m.put("shutdown", c.shutdown());
        m.put("masterAddress", s.masterAddress() == null ? null : IpAddresses.format(s.masterAddress()));
        m.put("masterPriority", s.masterAddress() == null ? null : s.masterPriority());
        m.put("masterAdvertIntervalMs", s.masterAdverIntervalCentis() * 10);
        m.put("masterDownIntervalMs", s.masterDownIntervalNanos() / 1_000_000);
        m.put("vrrsName", c.vrrsName().isEmpty() ? null : c.vrrsName());
        m.put("unicastPeers", s.options().unicast().peers().stream().map(IpAddresses::format).toList());
        m.put("follows", s.options().follows() ? s.options().leader() : null);
        m.put("description", c.description());
        return m;
    }

    /** "interface missing", "waiting for vrrp delay, 12.000 sec left"; null when the group is not in Init. */
    static String initReason(GroupStatus s) {
        if (s.initReason() == null) {
            return null;
        }
        String label = s.initReason().label(s.config().family());
        if (s.initDetail() != null) {
            return label + ": " + s.initDetail();
        }
        return s.initReason() == InitReason.DELAY ? label + ", " + seconds(s.delayLeftNanos()) + " sec left" : label;
    }

    /** 3.609 (seconds with milliseconds, as IOS prints intervals). */
    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }
}
