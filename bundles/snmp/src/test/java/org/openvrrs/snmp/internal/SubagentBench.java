package org.openvrrs.snmp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.openvrrs.snmp.internal.SubagentWithSnmpdTest.group;
import static org.openvrrs.snmp.internal.SubagentWithSnmpdTest.ip;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openvrrs.fhrp.vrrp.api.VrrpGroupView;
import org.openvrrs.fhrp.vrrp.api.VrrpRouterCounters;
import org.openvrrs.fhrp.vrrp.api.VrrpState;
import org.openvrrs.snmp.testing.NetSnmp;
import org.openvrrs.vrrs.api.AddressFamily;

/**
 * How long an operator's snmpbulkwalk of the whole VRRPv3 operations and statistics tables takes through snmpd with
 * many groups; prints median and p99, asserts nothing about time. Not run by the build: {@code -Dtest=SubagentBench}.
 */
class SubagentBench {
    static final int GROUPS = 1000;
    static final int RUNS = 21;

    @Test
    void bulkWalkOfAThousandGroups() throws Exception {
        assumeTrue(NetSnmp.installed(), "net-snmp is not installed (Debian packages snmp, snmpd, snmptrapd)");
        List<VrrpGroupView> groups = new ArrayList<>();
        for (int i = 0; i < GROUPS; i++) {
            groups.add(group("r" + (i / 255), 1 + i % 255, AddressFamily.IPV4, 3, VrrpState.BACKUP, "192.0.2.3",
                    "192.0.2.2", List.of(ip("192.0.2.1")), 0));
        }
        MonitoredState state = new MonitoredState(groups, new VrrpRouterCounters(0, 0, 0, java.util.Map.of()),
                List.of(), List.of(), new InterfaceIndexes());
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "snm-bench-");
        try (NetSnmp snmp = new NetSnmp(dir, List.of(SubagentWithSnmpdTest.MIBS,
                SubagentWithSnmpdTest.MIBS.resolve("ietf")));
                AgentxSubagent subagent = new AgentxSubagent(SnmpSettings.address(snmp.agentxSocket()),
                        SnmpComponent.MODULES, new CachedViews(() -> state, SnmpComponent.MODULES),
                        new RequestLog())) {
            snmp.start();
            subagent.start();
            await().atMost(Duration.ofSeconds(10)).until(subagent::connected);
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                NetSnmp.Result r = snmp.client("snmpbulkwalk", NetSnmp.USER, NetSnmp.AUTH, "-Cr50", "-On",
                        "1.3.6.1.2.1.207.1");
                millis.add((System.nanoTime() - start) / 1_000_000);
                assertThat(r.output().lines().count()).as(r.output()).isGreaterThan(GROUPS * 20L);
            }
            Collections.sort(millis);
            System.out.printf("snmpbulkwalk of VRRPV3-MIB's tables, %d groups (%d values): median %d ms, p99 %d ms"
                    + " (of %d runs: the slowest), max-repetitions 50, SNMPv3 authPriv%n", GROUPS, GROUPS * 23 + 3,
                    millis.get(RUNS / 2), millis.get((int) Math.ceil(RUNS * 0.99) - 1), RUNS);
        }
    }
}
