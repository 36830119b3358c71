package org.openvrrs.fhrp.vrrp.internal;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import org.openvrrs.vrrs.api.IpAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a group's log lines say, beside the group so it keeps to its protocol work. */
final class GroupLog {
    private static final Logger LOG = LoggerFactory.getLogger(VrrpGroup.class);

    private GroupLog() {
    }

    /** One line when a group starts (or is changed to run) without the link-local address RFC 5798 prefers. */
    static void warnWithoutLinkLocal(VrrpGroupConfig before, VrrpGroupConfig after) {
        if (after.lacksLinkLocal() && (before == null || !before.lacksLinkLocal())) {
            LOG.warn("VRRP {}: no link-local virtual address; RFC 5798 prefers one (fe80::/10) listed first, but "
                    + "adverts will list exactly {} as peers configured the same way expect", after.key(),
                    formatted(after.addresses()));
        }
    }

    static List<String> formatted(List<InetAddress> addresses) {
        return addresses.stream().map(IpAddresses::format).toList();
    }

    /** "; timer +0.012 ms, advert 0.031 ms, announce 0.210 ms": where the time of a takeover went. */
    static String takeoverTiming(VirtualRouter.Takeover t) {
        if (t == null) {
            return "";
        }
        String timer = t.timerLateNanos() < 0 ? ""
                : String.format(Locale.ROOT, "timer +%.3f ms, ", t.timerLateNanos() / 1e6);
        return String.format(Locale.ROOT, "; %sadvert %.3f ms, announce %.3f ms", timer, t.advertNanos() / 1e6,
                t.announceNanos() / 1e6);
    }
}
