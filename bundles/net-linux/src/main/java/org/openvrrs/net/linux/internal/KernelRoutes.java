package org.openvrrs.net.linux.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.openvrrs.vrrs.api.IpAddresses;

/**
 * Route tracking on Linux ({@code track N ip route A/M reachability}): asks the kernel's main table once per call
 * with {@code ip -json route show exact A/M}. Polled by the tracker off the protocol thread, so a plain query is
 * simpler than keeping a copy of the table current with {@code ip monitor route}.
 */
final class KernelRoutes {
    private KernelRoutes() {
    }

    /**
     * Whether the main table has a usable route to exactly {@code prefix/length}: present, a unicast route (not
     * unreachable, blackhole or prohibit) and not marked {@code linkdown} (its device lost carrier).
     *
     * @throws IllegalStateException with ip's message when the query fails
     */
    static boolean present(InetAddress prefix, int length) {
        String family = prefix instanceof Inet6Address ? "-6" : "-4";
        String out = IpProcess.run("-json", family, "route", "show", "exact",
                IpAddresses.format(prefix) + "/" + length);
        return usable(out);
    }

    /** Reads {@code ip -json route show} output: any usable route. */
    static boolean usable(String json) {
        if (json.isBlank()) {
            return false;
        }
        if (!(Json.parse(json.trim()) instanceof List<?> routes)) {
            return false;
        }
        for (Object o : routes) {
            if (o instanceof Map<?, ?> route) {
                Object type = route.get("type");
                boolean unicast = type == null || "unicast".equals(type);
                boolean linkDown = route.get("flags") instanceof List<?> flags && flags.contains("linkdown");
                if (unicast && !linkDown) {
                    return true;
                }
            }
        }
        return false;
    }
}
