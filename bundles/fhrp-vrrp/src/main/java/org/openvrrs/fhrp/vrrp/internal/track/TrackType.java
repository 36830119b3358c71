package org.openvrrs.fhrp.vrrp.internal.track;

import org.openvrrs.config.api.ConfigValue;

/** What a track object watches. */
public enum TrackType {
    /** An interface's line protocol (IOS {@code track N interface IF line-protocol}). */
    @ConfigValue("interface") INTERFACE,
    /** A route's presence in the routing table (IOS {@code track N ip route A/M reachability}). */
    @ConfigValue("route") ROUTE,
    /** A command's exit code, polled (keepalived {@code vrrp_script}). */
    @ConfigValue("script") SCRIPT,
    /** A number in a file, polled (keepalived {@code track_file}). */
    @ConfigValue("file") FILE
}
