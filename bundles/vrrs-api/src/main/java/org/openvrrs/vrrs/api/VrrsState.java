package org.openvrrs.vrrs.api;

/** The idealised redundancy state VRRS offers its clients, whatever the FHRP behind it. */
public enum VrrsState {
    /** Not operational, or no server configured for the group. */
    INIT,
    /** A standby member of the group. */
    BACKUP,
    /** The member that forwards for the group (VRRP Master). */
    ACTIVE
}
