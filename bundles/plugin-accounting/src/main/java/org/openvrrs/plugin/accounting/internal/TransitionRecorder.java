package org.openvrrs.plugin.accounting.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.openvrrs.plugin.accounting.internal.queue.AccountingRecord;
import org.openvrrs.plugin.accounting.internal.radius.RadiusAttribute;
import org.openvrrs.vrrs.api.GroupState;
import org.openvrrs.vrrs.api.VrrsBatchClient;
import org.openvrrs.vrrs.api.VrrsState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns VRRS transitions into accounting records: becoming ACTIVE gives an Accounting-On, at once; leaving ACTIVE an
 * Accounting-Off, not before the group's accounting delay; anything else nothing. A record carries every attribute
 * but Acct-Delay-Time (computed at each send) and is handed on before {@link #groupsChanged} returns: the records of
 * the transitions of one call together, so they are made durable with one flush.
 *
 * <p>Remembers per group only whether it was ACTIVE and its last IPv4 interface address, not persisted: after a
 * restart a group reported ACTIVE gets a new Accounting-On.
 */
final class TransitionRecorder implements VrrsBatchClient {
    private static final Logger EV = LoggerFactory.getLogger("org.openvrrs.debug.accounting.events");
    /** The Cisco AV-pair naming the group: {@code vrrs=NAME}. */
    static final String VSA_PREFIX = "vrrs=";
    /** NAS-Identifier sent when no IPv4 NAS-IP-Address is known. */
    static final String NAS_IDENTIFIER = "openvrrs";

    private final Supplier<AccountingModel> model;
    private final Clock clock;
    private final LongSupplier sequence;
    private final Consumer<List<AccountingRecord>> delivery;
    // one callback at a time per client; guarded by this all the same
    private final Map<String, VrrsState> lastState = new HashMap<>();
    private final Map<String, Inet4Address> lastNasIp = new HashMap<>();

    /**
     * @param clock    wall-clock time of transitions
     * @param sequence the durable queue's sequence numbers
     * @param delivery takes the records of one call (writing them durably) before {@link #groupsChanged} returns
     */
    TransitionRecorder(Supplier<AccountingModel> model, Clock clock, LongSupplier sequence,
            Consumer<List<AccountingRecord>> delivery) {
        this.model = model;
        this.clock = clock;
        this.sequence = sequence;
        this.delivery = delivery;
    }

    @Override
    public void groupsChanged(List<GroupState> states) {
        List<AccountingRecord> records = new ArrayList<>(states.size());
        synchronized (this) {
            for (GroupState s : states) {
                AccountingRecord r = recordOf(s);
                if (r != null) {
                    records.add(r);
                }
            }
        }
        if (records.isEmpty()) {
            return;
        }
        delivery.accept(records);
        for (AccountingRecord r : records) {
            EV.debug("VRRS/ACCT/EV: {} {} queued, session {}{}", r.group(), r.typeName(), r.sessionId(),
                    r.notBeforeMillis() > r.eventMillis()
                            ? ", sent in " + (r.notBeforeMillis() - r.eventMillis()) / 1000 + " s" : "");
        }
    }

    /** The record a transition makes, or null when it makes none. Holding this. */
    private AccountingRecord recordOf(GroupState s) {
        VrrsState prev = lastState.put(s.group(), s.state());
        Inet4Address own = ownAddress(s); // noted on every update, for an Off to INIT after an unaccounted On
        boolean on = s.state() == VrrsState.ACTIVE && prev != VrrsState.ACTIVE;
        boolean off = s.state() != VrrsState.ACTIVE && prev == VrrsState.ACTIVE;
        if (!on && !off) {
            return null;
        }
        AccountingModel m = model.get();
        if (m.methodList(s.group()).isEmpty()) {
            EV.debug("VRRS/ACCT/EV: {} {} -> {}, no accounting method list ({}), no record", s.group(),
                    prev == null ? VrrsState.INIT : prev, s.state(), m.settings(s.group()).methodList());
            return null;
        }
        return record(m, s, on, own);
    }

    private AccountingRecord record(AccountingModel m, GroupState s, boolean on, Inet4Address own) {
        long now = clock.millis();
        long seq = sequence.getAsLong();
        String session = Long.toHexString(now).toUpperCase(Locale.ROOT) + "-" + seq;
        List<RadiusAttribute> attrs = new ArrayList<>();
        Inet4Address nas = m.nasIp() != null ? m.nasIp() : own;
        if (nas != null) {
            attrs.add(RadiusAttribute.address(RadiusAttribute.NAS_IP_ADDRESS, nas));
        } else {
            attrs.add(RadiusAttribute.string(RadiusAttribute.NAS_IDENTIFIER, NAS_IDENTIFIER));
        }
        attrs.add(RadiusAttribute.ciscoAvPair(VSA_PREFIX + s.group()));
        int type = on ? AccountingRecord.ACCOUNTING_ON : AccountingRecord.ACCOUNTING_OFF;
        attrs.add(RadiusAttribute.integer(RadiusAttribute.ACCT_STATUS_TYPE, type));
        attrs.add(RadiusAttribute.string(RadiusAttribute.ACCT_SESSION_ID, session));
        attrs.addAll(m.extraAttributes(s.group()));
        long notBefore = on ? now : now + m.offDelay(s.group()).toMillis();
        return new AccountingRecord(seq, s.group(), type, session, now, notBefore, attrs);
    }

    /** This member's own IPv4 interface address in the group (remembered from the On for an Off to INIT). */
    private Inet4Address ownAddress(GroupState s) {
        InetAddress a = s.state() == VrrsState.ACTIVE ? s.activeAddress() : s.standbyAddress();
        if (a instanceof Inet4Address v4 && !v4.isAnyLocalAddress()) {
            lastNasIp.put(s.group(), v4);
            return v4;
        }
        return lastNasIp.get(s.group());
    }
}
