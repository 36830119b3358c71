package org.openvrrs.plugin.accounting.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.openvrrs.net.api.Scheduler;
import org.openvrrs.plugin.accounting.internal.queue.AccountingRecord;

/**
 * The status of {@code show vrrs accounting}: per server counters and queued records, per group the last record,
 * taken on the scheduler's thread so that delivery and exchange are seen at one instant.
 */
final class StatusReport {
    private final Scheduler scheduler;
    private final GroupDelivery delivery;
    private final RadiusExchange exchange;
    private final Supplier<AccountingModel> model;
    private final String queueDirectory;

    StatusReport(Scheduler scheduler, GroupDelivery delivery, RadiusExchange exchange, Supplier<AccountingModel> model,
            String queueDirectory) {
        this.scheduler = scheduler;
        this.delivery = delivery;
        this.exchange = exchange;
        this.model = model;
        this.queueDirectory = queueDirectory;
    }

    /** A snapshot, completed once the scheduler ran it. */
    CompletableFuture<AccountingStatus> take() {
        CompletableFuture<AccountingStatus> f = new CompletableFuture<>();
        scheduler.execute(() -> f.complete(snapshot()));
        return f;
    }

    private AccountingStatus snapshot() {
        AccountingModel m = model.get();
        Map<String, Integer> queuedBy = new HashMap<>();
        List<AccountingStatus.Group> groups = new ArrayList<>();
        int total = 0;
        for (GroupDelivery.GroupView g : delivery.groups()) {
            total += g.queued();
            if (g.queued() > 0) {
                String target = g.sendingTo() != null ? g.sendingTo().name()
                        : m.route(g.group()).stream().findFirst().map(RadiusServer::name).orElse("");
                queuedBy.merge(target, g.queued(), Integer::sum);
            }
            AccountingRecord r = g.last();
            groups.add(new AccountingStatus.Group(g.group(), g.queued(), r == null ? "" : r.typeName(),
                    r == null ? "" : r.sessionId(), r == null ? 0 : r.eventMillis(), g.lastResult()));
        }
        TreeSet<String> names = new TreeSet<>(m.servers().keySet());
        names.addAll(exchange.counted());
        List<AccountingStatus.Server> servers = new ArrayList<>();
        for (String n : names) {
            RadiusExchange.Counts c = exchange.counts(n);
            RadiusServer s = m.servers().get(n);
            servers.add(new AccountingStatus.Server(n, s == null ? "(removed)" : s.endpoint(), c.sent(),
                    c.acknowledged(), c.retransmitted(), c.failed(), c.badAuthenticator(), c.malformed(),
                    queuedBy.getOrDefault(n, 0)));
        }
        return new AccountingStatus(servers, groups, total, exchange.unexpected(), queueDirectory);
    }
}
