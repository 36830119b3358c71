package org.openvrrs.vrrs.core.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code debug vrrs infra} categories; lines read like IOS's ({@code VRRS: Client 21 add to GROUP}). */
final class DebugLog {
    static final Logger CLIENT = LoggerFactory.getLogger("org.openvrrs.debug.infra.client");
    static final Logger SERVER = LoggerFactory.getLogger("org.openvrrs.debug.infra.server");
    static final Logger EVENTS = LoggerFactory.getLogger("org.openvrrs.debug.infra.events");

    private DebugLog() {
    }
}
