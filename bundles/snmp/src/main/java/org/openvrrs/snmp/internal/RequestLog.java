package org.openvrrs.snmp.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line for a Get of an object this subagent does not serve (the manager's MIB and ours disagree), then at most
 * one a minute with the count since: a poller asking every few seconds must not fill the log. The request itself is
 * answered (noSuchObject / noSuchInstance) whatever is logged.
 */
final class RequestLog {
    static final long PERIOD_NANOS = 60_000_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);

    private boolean loggedAny;
    private long lastNanos;
    private long held;

    synchronized void unknown(Oid name) {
        long now = System.nanoTime();
        if (loggedAny && now - lastNanos < PERIOD_NANOS) {
            held++;
            return;
        }
        LOG.warn("SNMP: Get of {}, which is not served here (answered noSuchObject/noSuchInstance){}", name,
                held == 0 ? "" : "; " + held + " more such requests since the last line (at most one line a minute)");
        loggedAny = true;
        lastNanos = now;
        held = 0;
    }
}
