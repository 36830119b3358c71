package org.openvrrs.plugin.accounting.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openvrrs.plugin.accounting.internal.AccountingModel;
import org.openvrrs.plugin.accounting.internal.AccountingStatus;
import org.openvrrs.plugin.accounting.internal.ConfigParser;

class StatusFormatTest {
    @Test
    void showsCountersPerServerAndLastRecordPerGroupButNeverTheSecret() {
        AccountingModel m = ConfigParser.parse(Map.of(), Map.of(
                ConfigParser.SERVER_PID, List.of(Map.of("name", "rad1", "address", "198.51.100.10",
                        "secret", "very-secret-key")),
                ConfigParser.METHOD_LIST_PID, List.of(Map.of("name", "default", "groups", "radius"))));
        AccountingStatus s = new AccountingStatus(
                List.of(new AccountingStatus.Server("rad1", "198.51.100.10:1813", 5, 4, 2, 1, 3, 0, 1)),
                List.of(new AccountingStatus.Group("DT-CLUSTER-1", 1, "Accounting-Off", "18C-7", 1_796_000_000_000L,
                        "sending to rad1 (try 2)")), 1, 0, "/var/openvrrs/queue");
        String out = StatusFormat.format(s, m);
        assertThat(out).doesNotContain("very-secret-key");
        assertThat(out).containsPattern("rad1 +198\\.51\\.100\\.10:1813 +5 +4 +2 +1 +3 +1");
        assertThat(out).contains("aaa accounting vrrs default start-stop group radius");
        assertThat(out).containsPattern("DT-CLUSTER-1 +1 Accounting-Off +18C-7 .* sending to rad1 \\(try 2\\)");
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonHasTheSameFieldsAbsentOnesNullAndNeverTheSecret() throws Exception {
        AccountingModel m = ConfigParser.parse(Map.of(), Map.of(
                ConfigParser.SERVER_PID, List.of(Map.of("name", "rad1", "address", "198.51.100.10",
                        "secret", "very-secret-key", "timeout", "7", "retransmit", "2")),
                ConfigParser.METHOD_LIST_PID, List.of(Map.of("name", "default", "groups", "radius"))));
        AccountingStatus s = new AccountingStatus(List.of(
                new AccountingStatus.Server("rad1", "198.51.100.10:1813", 5, 4, 2, 1, 3, 6, 1),
                new AccountingStatus.Server("old", "(removed)", 9, 9, 0, 0, 0, 0, 0)),
                List.of(new AccountingStatus.Group("DT-CLUSTER-1", 1, "Accounting-Off", "18C-7", 1_796_000_000_000L,
                        "sending to rad1 (try 2)"), new AccountingStatus.Group("QUIET", 0, "", "", 0, "")),
                1, 8, "/var/openvrrs/queue");
        String text = StatusFormat.JSON_OUT.asString(StatusFormat.json(s, m));
        assertThat(text).doesNotContain("very-secret-key");
        Map<String, Object> json = com.fasterxml.jackson.jr.ob.JSON.std.mapFrom(text);
        assertThat(json.keySet()).containsExactly("queued", "queueDirectory", "unexpectedDatagrams", "servers",
                "methodLists", "groups");
        assertThat(json).containsEntry("queued", 1).containsEntry("queueDirectory", "/var/openvrrs/queue")
                .containsEntry("unexpectedDatagrams", 8);
        List<Map<String, Object>> servers = (List<Map<String, Object>>) json.get("servers");
        assertThat(servers.get(0)).containsExactly(Map.entry("name", "rad1"),
                Map.entry("address", "198.51.100.10:1813"), Map.entry("sent", 5), Map.entry("acknowledged", 4),
                Map.entry("retransmitted", 2), Map.entry("failed", 1), Map.entry("badAuthenticator", 3),
                Map.entry("malformed", 6), Map.entry("queued", 1), Map.entry("timeoutSeconds", 7),
                Map.entry("retransmit", 2));
        assertThat(servers.get(1)).containsEntry("name", "old").containsEntry("address", null)
                .containsEntry("timeoutSeconds", null).containsEntry("retransmit", null);
        assertThat((List<Object>) json.get("methodLists")).containsExactly(Map.of("name", "default",
                "serverGroups", List.of("radius")));
        List<Map<String, Object>> groups = (List<Map<String, Object>>) json.get("groups");
        assertThat(groups.get(0)).containsExactly(Map.entry("group", "DT-CLUSTER-1"), Map.entry("queued", 1),
                Map.entry("lastType", "Accounting-Off"), Map.entry("lastSessionId", "18C-7"),
                Map.entry("lastTime", "2026-11-30T00:53:20Z"), Map.entry("lastResult", "sending to rad1 (try 2)"));
        assertThat(groups.get(1)).containsEntry("lastType", null).containsEntry("lastSessionId", null)
                .containsEntry("lastTime", null).containsEntry("lastResult", null);
    }
}
