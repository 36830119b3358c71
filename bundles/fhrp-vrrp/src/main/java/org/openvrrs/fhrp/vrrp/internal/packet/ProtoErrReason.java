package org.openvrrs.fhrp.vrrp.internal.packet;

/**
 * The reason for a virtual router's last protocol error, as RFC 6527 {@code vrrpv3StatisticsProtoErrReason}
 * reports it, so an operator sees at a glance what kind of bad packets arrive.
 */
public enum ProtoErrReason {
    /** noError(0). */
    NO_ERROR,
    /** ipTtlError(1): TTL or hop limit not 255. */
    IP_TTL_ERROR,
    /** versionError(2): unknown VRRP version. */
    VERSION_ERROR,
    /** checksumError(3): bad VRRP checksum. */
    CHECKSUM_ERROR,
    /** vrIdError(4): VRID not configured. */
    VR_ID_ERROR
}
