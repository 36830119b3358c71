package org.openvrrs.metrics.prometheus.internal;

import static org.openvrrs.metrics.prometheus.internal.Exposition.Type.COUNTER;
import static org.openvrrs.metrics.prometheus.internal.Exposition.Type.GAUGE;

import java.util.List;
import java.util.Optional;
import org.openvrrs.plugin.accounting.api.AccountingCounters;
import org.openvrrs.plugin.accounting.api.AccountingMonitor;

/** The accounting plug-in's families: whether it runs, its queue, per RADIUS server its deliveries. */
final class AccountingMetrics {
    private AccountingMetrics() {
    }

    static void write(AccountingMonitor monitor, Exposition out) {
        Optional<AccountingCounters> counters = monitor.counters();
        out.single("openvrrs_accounting_running", GAUGE, "1 when the accounting plug-in runs (its configuration "
                + "was read and its queue is usable).", counters.isPresent() ? 1 : 0);
        if (counters.isEmpty()) {
            return;
        }
        AccountingCounters c = counters.get();
        out.single("openvrrs_accounting_queued_records", GAUGE, "Records waiting in the durable queue.", c.queued());
        out.single("openvrrs_accounting_unexpected_datagrams_total", COUNTER, "Datagrams dropped that answered no "
                + "request in flight.", c.unexpectedDatagrams());
        List<AccountingCounters.Server> servers = c.servers();
        out.each("openvrrs_accounting_server_queued_records", GAUGE, "Records whose next attempt goes to the "
                + "server.", servers, AccountingMetrics::labels, AccountingCounters.Server::queued);
        out.each("openvrrs_accounting_requests_sent_total", COUNTER, "First transmissions of a record.", servers,
                AccountingMetrics::labels, AccountingCounters.Server::sent);
        out.each("openvrrs_accounting_responses_total", COUNTER, "Valid Accounting-Responses.", servers,
                AccountingMetrics::labels, AccountingCounters.Server::acknowledged);
        out.each("openvrrs_accounting_retransmissions_total", COUNTER, "Resends after a timeout.", servers,
                AccountingMetrics::labels, AccountingCounters.Server::retransmitted);
        out.each("openvrrs_accounting_delivery_failures_total", COUNTER, "Records given up on the server after its "
                + "retransmissions (then failed over).", servers, AccountingMetrics::labels,
                AccountingCounters.Server::failed);
        out.each("openvrrs_accounting_bad_authenticator_total", COUNTER, "Responses dropped: wrong Response "
                + "Authenticator.", servers, AccountingMetrics::labels, AccountingCounters.Server::badAuthenticator);
        out.each("openvrrs_accounting_malformed_responses_total", COUNTER, "Responses dropped: not a well-formed "
                + "Accounting-Response.", servers, AccountingMetrics::labels, AccountingCounters.Server::malformed);
    }

    private static String[] labels(AccountingCounters.Server s) {
        return new String[] {"server", s.name()};
    }
}
