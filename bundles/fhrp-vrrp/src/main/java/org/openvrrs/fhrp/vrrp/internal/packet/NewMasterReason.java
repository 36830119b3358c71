package org.openvrrs.fhrp.vrrp.internal.packet;

/**
 * Why a virtual router last became Master, as RFC 6527 {@code vrrpv3StatisticsNewMasterReason} reports it, so an
 * operator can tell a planned takeover from a failure.
 */
public enum NewMasterReason {
    /** notMaster(0): the virtual router is not Master. */
    NOT_MASTER,
    /** priority(1): it has the highest priority (or owns the addresses) and became Master at startup. */
    PRIORITY,
    /** preempted(2): it preempted a lower-priority Master. */
    PREEMPTED,
    /** masterNoResponse(3): the previous Master stopped advertising (Master_Down_Timer expired). */
    MASTER_NO_RESPONSE
}
