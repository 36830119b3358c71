package org.openvrrs.plugin.accounting.internal.shell;

import com.fasterxml.jackson.jr.ob.JSON;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openvrrs.plugin.accounting.internal.AccountingModel;
import org.openvrrs.plugin.accounting.internal.AccountingStatus;
import org.openvrrs.plugin.accounting.internal.RadiusServer;

/** The text of {@code vrrs:accounting}: fixed-width columns in the style of the guide's show commands. */
public final class StatusFormat {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    /** JSON for {@code --json}: fields in order, absent values written as null (scripts expect every key). */
    public static final JSON JSON_OUT = JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES);

    private StatusFormat() {
    }

    /** {@code vrrs:accounting --json}: what the text shows, never a secret (docs/json.md). */
    public static Map<String, Object> json(AccountingStatus s, AccountingModel m) {
        List<Object> servers = new ArrayList<>();
        for (AccountingStatus.Server v : s.servers()) {
            RadiusServer conf = m.servers().get(v.name());
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("name", v.name());
            j.put("address", conf == null ? null : v.endpoint()); // null: removed, counters kept
            j.put("sent", v.sent());
            j.put("acknowledged", v.acknowledged());
            j.put("retransmitted", v.retransmitted());
            j.put("failed", v.failed());
            j.put("badAuthenticator", v.badAuthenticator());
            j.put("malformed", v.malformed());
            j.put("queued", v.queued());
            j.put("timeoutSeconds", conf == null ? null : conf.timeout().toSeconds());
            j.put("retransmit", conf == null ? null : conf.retransmit());
            servers.add(j);
        }
        List<Object> lists = new ArrayList<>();
        m.methodLists().forEach((name, groups) -> {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("name", name);
            j.put("serverGroups", groups);
            lists.add(j);
        });
        List<Object> groups = new ArrayList<>();
        for (AccountingStatus.Group g : s.groups()) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("group", g.group());
            j.put("queued", g.queued());
            j.put("lastType", g.lastType().isEmpty() ? null : g.lastType());
            j.put("lastSessionId", g.lastSessionId().isEmpty() ? null : g.lastSessionId());
            j.put("lastTime", g.lastEventMillis() == 0 ? null : Instant.ofEpochMilli(g.lastEventMillis()).toString());
            j.put("lastResult", g.lastResult().isEmpty() ? null : g.lastResult());
            groups.add(j);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("queued", s.queued());
        out.put("queueDirectory", s.queueDirectory());
        out.put("unexpectedDatagrams", s.unexpected());
        out.put("servers", servers);
        out.put("methodLists", lists);
        out.put("groups", groups);
        return out;
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
