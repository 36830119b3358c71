package org.openvrrs.fhrp.vrrp.api;

/** A virtual router's state; {@link #mibValue()} is RFC 6527's vrrpv3OperationsStatus and RFC 2787's vrrpOperState. */
public enum VrrpState {
    INITIALIZE, BACKUP, MASTER;

    /** initialize(1), backup(2), master(3). */
    public int mibValue() {
        return ordinal() + 1;
    }
}
