package org.openvrrs.fhrp.vrrp.api;

/**
 * A group's counters, RFC 6527 vrrpv3StatisticsTable (RFC 2787 vrrpRouterStatsTable for VRRPv2 groups), read at
 * one moment. Counters only grow while the group is configured.
 *
 * @param newMasterReason RFC 6527 codes: notMaster(0), priority(1), preempted(2), masterNoResponse(3)
 * @param protoErrReason  RFC 6527 codes: noError(0), ipTtlError(1), versionError(2), checksumError(3), vrIdError(4)
 */
public record VrrpGroupCounters(long masterTransitions, int newMasterReason, long rcvdAdvertisements,
        long sentAdvertisements, long advIntervalErrors, long ipTtlErrors, int protoErrReason,
        long rcvdPriZeroPackets, long sentPriZeroPackets, long rcvdInvalidTypePackets, long addressListErrors,
        long packetLengthErrors, long authFailures, long invalidAuthType, long authTypeMismatch) {
}
