package org.openvrrs.net.linux.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.openvrrs.vrrs.api.IpAddresses;

/**
 * Accept mode off (RFC 5798 6.1) as nftables rules: which virtual addresses refuse traffic, and the {@code nft -f}
 * lines each change needs. Pure bookkeeping, like {@link VirtualAddresses}; {@link Nft} runs the lines.
 *
 * <p>Everything lives in one table of our own, {@value #TABLE}, that exists only while some address refuses traffic:
 * two sets (IPv4, IPv6) of refused addresses and one input chain that drops packets to them, except ICMPv6 neighbour
 * discovery (ARP is not IP, so the inet table never sees it). Clean-up, at stop or after a crash, is one
 * {@code delete table} that touches nobody else's rules.
 */
final class AcceptRules {
    static final String TABLE = "inet openvrrs";
    static final String DELETE_TABLE = "delete table " + TABLE;
    private static final List<String> CREATE_TABLE = List.of(
            "add table " + TABLE,
            "add set " + TABLE + " refused4 { type ipv4_addr; }",
            "add set " + TABLE + " refused6 { type ipv6_addr; }",
            "add chain " + TABLE + " input { type filter hook input priority filter; policy accept; }",
            "add rule " + TABLE + " input ip daddr @refused4 drop",
            "add rule " + TABLE + " input ip6 daddr @refused6 icmpv6 type { nd-router-solicit, nd-router-advert, "
                    + "nd-neighbor-solicit, nd-neighbor-advert, nd-redirect } accept",
            "add rule " + TABLE + " input ip6 daddr @refused6 drop");

    /** Device and address pairs that refuse traffic. */
    private final Set<Refusal> refused = new LinkedHashSet<>();

    private record Refusal(String dev, InetAddress ip) {
    }

    /** The lines that make {@code ip} on {@code dev} accept traffic or not; empty when nothing changes. */
    List<String> set(String dev, InetAddress ip, boolean accept) {
        InetAddress plain = IpAddresses.parse("accept mode address", IpAddresses.format(ip)); // no scope id
        Refusal r = new Refusal(dev, plain);
        boolean elementBefore = hasElement(plain);
        boolean tableBefore = !refused.isEmpty();
        boolean changed = accept ? refused.remove(r) : refused.add(r);
        if (!changed || elementBefore == hasElement(plain)) {
            return List.of();
        }
        if (accept) {
            return refused.isEmpty() ? List.of(DELETE_TABLE) : List.of("delete element " + element(plain));
        }
        List<String> lines = new ArrayList<>(tableBefore ? List.of() : CREATE_TABLE);
        lines.add("add element " + element(plain));
        return lines;
    }

    /** Whether any address refuses traffic now. */
    boolean any() {
        return !refused.isEmpty();
    }

    /** The lines that lift every refusal (at stop); the bookkeeping is empty afterwards. */
    List<String> release() {
        if (refused.isEmpty()) {
            return List.of();
        }
        refused.clear();
        return List.of(DELETE_TABLE);
    }

    private boolean hasElement(InetAddress ip) {
        return refused.stream().anyMatch(r -> r.ip().equals(ip));
    }

    private static String element(InetAddress ip) {
        return TABLE + (ip instanceof Inet4Address ? " refused4 { " : " refused6 { ") + IpAddresses.format(ip) + " }";
    }
}
