package org.openvrrs.fhrp.vrrp.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openvrrs.fhrp.vrrp.api.VrrpGroupCounters;
import org.openvrrs.fhrp.vrrp.api.VrrpGroupView;
import org.openvrrs.fhrp.vrrp.api.VrrpRouterCounters;
import org.openvrrs.fhrp.vrrp.api.VrrpState;
import org.openvrrs.fhrp.vrrp.internal.packet.GroupStatistics;
import org.openvrrs.fhrp.vrrp.internal.packet.VrrpStatistics;

/** Turns the server's internal snapshots into the monitoring API's values ({@link org.openvrrs.fhrp.vrrp.api}). */
final class MonitorViews {
    private MonitorViews() {
    }

    static VrrpGroupView of(GroupStatus s) {
        VrrpGroupConfig c = s.config();
        return new VrrpGroupView(c.network(), c.interfaceName(), c.vrid(), c.family(), c.version().number(),
                c.vrrsName(), c.description(), VrrpState.valueOf(s.state().name()), c.priority(), s.priority(),
                s.sourceAddress(), s.masterAddress(), c.addresses(), c.advertIntervalCentis(),
                s.masterAdverIntervalCentis(), c.preempt(), c.acceptMode(), s.virtualMac(), of(s.statistics()));
    }

    static VrrpGroupCounters of(GroupStatistics g) {
        // the internal enums are declared in RFC 6527's order, so their ordinals are the MIB's codes
        return new VrrpGroupCounters(g.masterTransitions(), g.newMasterReason().ordinal(), g.rcvdAdvertisements(),
                g.sentAdvertisements(), g.advIntervalErrors(), g.ipTtlErrors(), g.protoErrReason().ordinal(),
                g.rcvdPriZeroPackets(), g.sentPriZeroPackets(), g.rcvdInvalidTypePackets(), g.addressListErrors(),
                g.packetLengthErrors(), g.authFailures(), g.invalidAuthType(), g.authTypeMismatch());
    }

    static VrrpRouterCounters of(VrrpStatistics r) {
        Map<String, Long> drops = new LinkedHashMap<>();
        r.dropCounts().forEach((reason, count) -> drops.put(dropName(reason), count));
        return new VrrpRouterCounters(r.checksumErrors(), r.versionErrors(), r.vrIdErrors(), drops);
    }

    /** The name {@code vrrp:statistics} prints for a drop reason. */
    static String dropName(Enum<?> reason) {
        return reason.name().toLowerCase(Locale.ROOT);
    }
}
