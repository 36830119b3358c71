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
}
