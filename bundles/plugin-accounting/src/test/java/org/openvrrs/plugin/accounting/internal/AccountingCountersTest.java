package org.openvrrs.plugin.accounting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openvrrs.plugin.accounting.api.AccountingCounters;

/** The monitoring API carries the status's counters field for field. */
class AccountingCountersTest {
    @Test
    void everyCounterOfTheStatusReachesTheMonitor() {
        AccountingStatus s = new AccountingStatus(
                List.of(new AccountingStatus.Server("rad1", "198.51.100.10:1813", 5, 4, 2, 1, 3, 6, 7)),
                List.of(), 9, 8, "/q");
        assertThat(AccountingComponent.counters(s)).isEqualTo(new AccountingCounters(9, 8, List.of(
                new AccountingCounters.Server("rad1", 5, 4, 2, 1, 3, 6, 7))));
    }
}
