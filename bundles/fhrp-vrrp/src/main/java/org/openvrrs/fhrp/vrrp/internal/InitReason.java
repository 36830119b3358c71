package org.openvrrs.fhrp.vrrp.internal;

import java.util.Locale;
import org.openvrrs.vrrs.api.AddressFamily;

/** Why a group is in Initialize, as {@code vrrp:show} tells it; checked in this order. */
enum InitReason {
    /** {@code shutdown} is configured. */
    SHUTDOWN,
    /** The network (router, platform) the group runs on is not there. */
    NETWORK_MISSING,
    /** The network has no interface of that name. */
    INTERFACE_MISSING,
    /** The interface's line protocol is down. */
    INTERFACE_DOWN,
    /** No address to send adverts from: IPv4, or for IPv6 a link-local one (RFC 5798 5.1.2.1). */
    NO_ADDRESS,
    /** A track object the group stops for is down ({@code track N shutdown}, keepalived's weight 0). */
    TRACK,
    /** Another member of its sync group failed. */
    SYNC_GROUP,
    /** {@code vrrp delay minimum / reload} is not over yet. */
    DELAY,
    /** A follower group whose leader (the VRRS name it follows) is in Init. */
    LEADER_INIT;

    /** What {@code vrrp:show} prints, e.g. "interface missing", "interface without an IPv6 link-local address". */
    String label(AddressFamily family) {
        return switch (this) {
            case SHUTDOWN -> "shutdown";
            case NETWORK_MISSING -> "network missing";
            case INTERFACE_MISSING -> "interface missing";
            case INTERFACE_DOWN -> "interface down";
            case NO_ADDRESS -> family == AddressFamily.IPV4 ? "interface without an IPv4 address"
                    : "interface without an IPv6 link-local address";
            case TRACK -> "tracked object down";
            case SYNC_GROUP -> "sync group";
            case DELAY -> "waiting for vrrp delay";
            case LEADER_INIT -> "the group it follows is in Init";
        };
    }

    /** The JSON spelling: "interface-missing". */
    String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
