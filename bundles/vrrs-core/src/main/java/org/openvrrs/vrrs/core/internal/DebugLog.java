package org.openvrrs.vrrs.core.internal;

import org.openvrrs.vrrs.api.DebugLoggers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code debug vrrs infra} categories; lines read like IOS's ({@code VRRS: Client 21 add to GROUP}). */
final class DebugLog {
    static final Logger CLIENT = LoggerFactory.getLogger(DebugLoggers.name("infra", "client"));
    static final Logger SERVER = LoggerFactory.getLogger(DebugLoggers.name("infra", "server"));
    static final Logger EVENTS = LoggerFactory.getLogger(DebugLoggers.name("infra", "events"));

    private DebugLog() {
    }
}
