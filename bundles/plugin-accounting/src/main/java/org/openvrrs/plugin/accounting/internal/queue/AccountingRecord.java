package org.openvrrs.plugin.accounting.internal.queue;

import java.util.List;
import org.openvrrs.plugin.accounting.internal.radius.RadiusAttribute;

/**
 * One accounting record, as queued on disk until a server acknowledges it.
 *
 * @param seq            queue order: records of a group are delivered in increasing {@code seq}
 * @param group          the VRRS group
 * @param statusType     Acct-Status-Type: {@link #ACCOUNTING_ON} or {@link #ACCOUNTING_OFF}
 * @param sessionId      Acct-Session-Id, unique per transition, the same on every resend
 * @param eventMillis    wall-clock time of the transition (Acct-Delay-Time counts from it)
 * @param notBeforeMillis wall-clock time before which the record is not sent (the group's accounting delay)
 * @param attributes     every attribute but Acct-Delay-Time, which is computed at each send
 */
public record AccountingRecord(long seq, String group, int statusType, String sessionId, long eventMillis,
        long notBeforeMillis, List<RadiusAttribute> attributes) {
    public static final int ACCOUNTING_ON = 7;
    public static final int ACCOUNTING_OFF = 8;

    public AccountingRecord {
        attributes = List.copyOf(attributes);
    }

    /** Accounting-On or Accounting-Off, as FreeRADIUS names them. */
    public String typeName() {
        return statusType == ACCOUNTING_ON ? "Accounting-On" : statusType == ACCOUNTING_OFF ? "Accounting-Off"
                : "Acct-Status-Type " + statusType;
    }
}
