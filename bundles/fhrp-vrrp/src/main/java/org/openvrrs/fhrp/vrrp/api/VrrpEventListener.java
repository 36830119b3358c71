package org.openvrrs.fhrp.vrrp.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Offered as an OSGi service (whiteboard) by a bundle that wants to hear of the events RFC 6527 turns into
 * notifications; the VRRP server finds every such service. Called on one thread of the VRRP server's own, never on
 * a protocol thread, one event at a time in the order they happened; a listener that is slow only delays the next
 * events (up to a bounded backlog; beyond it events are dropped and counted in the log), never the protocol.
 */
@ConsumerType
public interface VrrpEventListener {

    /**
     * A group became Master (RFC 6527 vrrpv3NewMaster).
     *
     * @param group the group as it was just after the takeover
     */
    default void newMaster(VrrpGroupView group) {
    }

    /**
     * A packet of a group was dropped for a protocol error (RFC 6527 vrrpv3ProtoError).
     *
     * @param group          the group as it was just after the drop
     * @param protoErrReason RFC 6527 code: ipTtlError(1), versionError(2), checksumError(3), vrIdError(4)
     */
    default void protocolError(VrrpGroupView group, int protoErrReason) {
    }
}
