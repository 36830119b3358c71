package org.openvrrs.fhrp.vrrp.internal.packet;

/**
 * Which checksum a received advert carried, so operators can see which convention a VRRPv3 IPv4 peer uses (RFC 5798
 * as written vs. RFC 9568's note on implementations that omit the pseudo-header) before they change the send mode.
 */
public enum ChecksumKind {
    /** The VRRP message plus the IP pseudo-header: always VRRPv3 over IPv6; RFC 5798 VRRPv3 over IPv4. */
    PSEUDO_HEADER,
    /** The VRRP message alone: always VRRPv2 (RFC 3768); VRRPv3 over IPv4 as Cisco IOS sends it. */
    VRRP_ONLY
}
