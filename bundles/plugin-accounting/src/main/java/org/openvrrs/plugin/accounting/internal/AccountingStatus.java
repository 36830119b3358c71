package org.openvrrs.plugin.accounting.internal;

import java.util.List;

/**
 * A snapshot of the accounting plug-in for {@code show vrrs accounting}: counters per RADIUS server, the last record
 * of each group, the queue.
 */
public record AccountingStatus(List<Server> servers, List<Group> groups, int queued, long unexpected,
        String queueDirectory) {

    /**
     * @param sent             first transmissions of a record to this server
     * @param acknowledged     valid Accounting-Responses
     * @param retransmitted    resends after a timeout (each a new packet: new Identifier and authenticator)
     * @param failed           records given up on this server after its retransmissions (then failed over)
     * @param badAuthenticator responses dropped: the Response Authenticator did not match (forged, or wrong key)
     * @param malformed        responses dropped: not a well-formed Accounting-Response
     * @param queued           records waiting whose next attempt goes to this server
     */
    public record Server(String name, String endpoint, long sent, long acknowledged, long retransmitted, long failed,
            long badAuthenticator, long malformed, int queued) {
    }

    /**
     * @param lastType    Accounting-On / Accounting-Off, or empty before the first record
     * @param lastResult  e.g. "acknowledged by rad1", "queued", "sending to rad1 (try 2)"
     */
    public record Group(String group, int queued, String lastType, String lastSessionId, long lastEventMillis,
            String lastResult) {
    }
}
