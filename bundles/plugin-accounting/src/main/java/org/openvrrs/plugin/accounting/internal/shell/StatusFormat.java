package org.openvrrs.plugin.accounting.internal.shell;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.openvrrs.plugin.accounting.internal.AccountingModel;
import org.openvrrs.plugin.accounting.internal.AccountingStatus;
import org.openvrrs.plugin.accounting.internal.RadiusServer;

/** The text of {@code vrrs:accounting}: fixed-width columns in the style of the guide's show commands. */
public final class StatusFormat {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private StatusFormat() {
    }

    public static String format(AccountingStatus s, AccountingModel m) {
        StringBuilder b = new StringBuilder();
        b.append("VRRS Accounting, ").append(s.queued()).append(" record(s) queued in ").append(s.queueDirectory())
                .append('\n');
        b.append('\n');
        b.append(String.format("%-16s %-22s %8s %8s %8s %8s %8s %8s%n", "Server", "Address", "Sent", "Acked",
                "Retrans", "Failed", "BadAuth", "Queued"));
        for (AccountingStatus.Server v : s.servers()) {
            RadiusServer conf = m.servers().get(v.name());
            String extra = conf == null ? "" : "  timeout " + conf.timeout().toSeconds() + " s, retransmit "
                    + conf.retransmit();
            b.append(String.format("%-16s %-22s %8d %8d %8d %8d %8d %8d%s%n", v.name(), v.endpoint(), v.sent(),
                    v.acknowledged(), v.retransmitted(), v.failed(), v.badAuthenticator(), v.queued(), extra));
        }
        if (s.servers().isEmpty()) {
            b.append("(no RADIUS server configured)\n");
        }
        b.append('\n');
        for (Map.Entry<String, List<String>> e : m.methodLists().entrySet()) {
            b.append("aaa accounting vrrs ").append(e.getKey()).append(" start-stop");
            e.getValue().forEach(g -> b.append(" group ").append(g));
            b.append('\n');
        }
        if (m.methodLists().isEmpty()) {
            b.append("(no accounting method list: no records are made)\n");
        }
        b.append('\n');
        b.append(String.format("%-20s %6s %-15s %-22s %-20s %s%n", "Group", "Queued", "Last", "Session-Id", "Time",
                "Result"));
        for (AccountingStatus.Group g : s.groups()) {
            b.append(String.format("%-20s %6d %-15s %-22s %-20s %s%n", g.group(), g.queued(), g.lastType(),
                    g.lastSessionId(), g.lastEventMillis() == 0 ? "" : TIME.format(
                            Instant.ofEpochMilli(g.lastEventMillis())), g.lastResult()));
        }
        if (s.unexpected() > 0) {
            b.append('\n').append(s.unexpected()).append(" unexpected datagram(s) dropped\n");
        }
        return b.toString();
    }
}
