package org.openvrrs.plugin.accounting.api;

import java.util.List;

/**
 * The accounting plug-in's counters at one instant (what {@code vrrs:accounting} shows, without the records).
 *
 * @param queued              records waiting in the durable queue
 * @param unexpectedDatagrams datagrams dropped because they answered no request in flight
 * @param servers             per RADIUS server, by name
 */
public record AccountingCounters(int queued, long unexpectedDatagrams, List<Server> servers) {

    public AccountingCounters {
        servers = List.copyOf(servers);
    }

    /**
     * @param sent             first transmissions of a record
     * @param acknowledged     valid Accounting-Responses
     * @param retransmitted    resends after a timeout
     * @param failed           records given up on this server after its retransmissions (then failed over)
     * @param badAuthenticator responses dropped: the Response Authenticator did not match
     * @param malformed        responses dropped: not a well-formed Accounting-Response
     * @param queued           records waiting whose next attempt goes to this server
     */
    public record Server(String name, long sent, long acknowledged, long retransmitted, long failed,
            long badAuthenticator, long malformed, int queued) {
    }
}
