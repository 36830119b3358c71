package org.openvrrs.fhrp.vrrp.api;

import java.util.Map;

/**
 * Router-wide counters (RFC 6527 vrrpv3RouterChecksumErrors, VersionErrors, VrIdErrors) and every dropped packet
 * by reason (the names {@code vrrp:statistics} prints, e.g. {@code bad-ttl}).
 */
public record VrrpRouterCounters(long checksumErrors, long versionErrors, long vrIdErrors, Map<String, Long> drops) {

    public VrrpRouterCounters {
        drops = Map.copyOf(drops);
    }
}
