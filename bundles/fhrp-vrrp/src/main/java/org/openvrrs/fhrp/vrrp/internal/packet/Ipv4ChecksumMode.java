package org.openvrrs.fhrp.vrrp.internal.packet;

import org.openvrrs.config.api.ConfigValue;

/**
 * How to compute the checksum of VRRPv3 adverts sent over IPv4. Implementations disagree (RFC 9568 section 5.2.8
 * notes it), so a group must be configurable to match its peers; receiving accepts both. It has no effect on VRRPv2
 * (never a pseudo-header) nor on IPv6 (always the IPv6 pseudo-header). Configured as {@code checksum = rfc5798} or
 * {@code rfc9568}.
 */
public enum Ipv4ChecksumMode {
    /** RFC 5798 as written: VRRP message plus the IPv4 pseudo-header. keepalived and FRRouting default. */
    @ConfigValue("rfc5798") PSEUDO_HEADER(ChecksumKind.PSEUDO_HEADER),
    /** VRRP message only, no pseudo-header: Cisco IOS/IOS-XE and others (RFC 9568 section 5.2.8 note). */
    @ConfigValue("rfc9568") VRRP_ONLY(ChecksumKind.VRRP_ONLY);

    private final ChecksumKind kind;

    Ipv4ChecksumMode(ChecksumKind kind) {
        this.kind = kind;
    }

    /** The kind a receiver reports for a VRRPv3 IPv4 advert sent in this mode. */
    public ChecksumKind kind() {
        return kind;
    }
}
