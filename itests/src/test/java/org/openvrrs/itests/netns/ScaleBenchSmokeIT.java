package org.openvrrs.itests.netns;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The scale harness still works (issue 17: CI runs a short smoke of each harness, never a timing assertion): four
 * groups at 100 ms, one run of 3 s per implementation, both routers of each measured. The figures themselves are
 * the harness's business (docs/benchmarks-scale.md); this checks that it produced them from a LAN where the groups
 * were up.
 */
public class ScaleBenchSmokeIT {
    @BeforeClass
    public static void toolsInstalled() {
        NetnsLan.assumeAvailable();
        NetnsLan.assumeInstalled("keepalived", "keepalived");
        NetnsLan.assumeInstalled("tcpdump", "tcpdump");
        NetnsLan.assumeInstalled("ssh", "openssh-client");
        NetnsLan.assumeInstalled("ssh-keygen", "openssh-client");
    }

    @Test
    public void bothImplementationsAreMeasuredOnBothRoles() throws Exception {
        List<ScaleBench.Figures> figures = ScaleBench.run(4, 100, 1, 1, 3);
        ScaleBench.summarize(figures);

        assertEquals(List.of("OpenVRRS Master", "OpenVRRS Backup", "keepalived Master", "keepalived Backup"),
                figures.stream().map(f -> f.implementation() + " " + f.role()).toList());
        for (ScaleBench.Figures f : figures) {
            assertTrue(f.line() + ": adverts on the wire", f.advertsPerSecond() > 0);
            assertTrue(f.line() + ": resident memory read", f.rssMb() > 0);
            assertTrue(f.line() + ": CPU read", f.cpuPercent() >= 0);
        }
    }
}
