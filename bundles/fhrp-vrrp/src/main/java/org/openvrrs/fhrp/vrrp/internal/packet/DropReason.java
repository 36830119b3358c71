package org.openvrrs.fhrp.vrrp.internal.packet;

/**
 * Why a received frame was not accepted as a VRRP advert. The receive path counts drops instead of throwing, so
 * every check of {@link VrrpCodec#decodeFrame(byte[], int)} (RFC 5798 section 7.1, RFC 3768 section 7.1) ends in
 * one of these values, and {@link VrrpStatistics#drop(DropReason)} maps each to its RFC 6527 counter.
 */
public enum DropReason {
    /**
     * Not a whole, unfragmented IPv4/IPv6 packet carrying protocol 112: too short for the Ethernet or IP header,
     * another EtherType or IP protocol, a bad IPv4 header checksum, a fragment, or an IP length beyond the frame.
     */
    MALFORMED,
    /** IPv4 TTL or IPv6 hop limit is not 255: the packet may come from off-link (RFC 5798 7.1). */
    TTL,
    /** The VRRP version is neither 2 nor 3, or a version 2 packet came over IPv6 (VRRPv2 is IPv4 only). */
    VERSION,
    /**
     * The VRRP message is shorter than its 8-byte header, or its length does not match Count IPvX Addr (8 + 4n or
     * 8 + 16n for v3, 16 + 4n for v2).
     */
    LENGTH,
    /** The VRRP checksum is wrong (for VRRPv3 over IPv4: wrong both with and without the pseudo-header). */
    CHECKSUM,
    /** The Type is not 1 (ADVERTISEMENT), the only type defined (RFC 5798 5.2.2). */
    INVALID_TYPE,
    /**
     * VRID 0, which no virtual router can have. The state machine also drops with this reason when no virtual
     * router with the packet's VRID is configured on the receiving interface (RFC 6527 vrIdErrors).
     */
    VRID,
    /** Count IPvX Addr is 0: an advert lists one or more addresses (RFC 5798 5.2.9). */
    ADDRESS_COUNT,
    /**
     * The address list is sized for the other family: an IPv6 packet carrying 4-byte addresses or an IPv4 packet
     * carrying 16-byte ones; Backups infer the family of the addresses from the IP version (RFC 9568).
     */
    ADDRESS_FAMILY,
    /**
     * The advertisement interval is 0: VRRPv2 forbids it (RFC 3768 5.3.7, default 1 s); a VRRPv3 Master advertising
     * 0 would make every Backup's Master_Down_Interval collapse to its skew time, so it is refused too. The receive
     * path also drops with this reason a VRRPv2 advert whose interval differs from the configured one (RFC 3768 7.1).
     */
    ADVERT_INTERVAL,
    /**
     * VRRPv2 authentication (RFC 2338 7.1): an unknown Auth Type (3-255, RFC 2787 vrrpStatsInvalidAuthType). The
     * receive path also drops with this reason an advert whose Auth Type is not the group's (vrrpStatsAuthTypeMismatch)
     * or whose simple text password differs (vrrpStatsAuthFailures).
     */
    AUTHENTICATION
}
