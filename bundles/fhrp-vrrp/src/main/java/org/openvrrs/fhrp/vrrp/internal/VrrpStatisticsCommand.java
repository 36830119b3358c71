package org.openvrrs.fhrp.vrrp.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** RFC 6527 statistics: router-wide drops and per-group counters. */
@Service
@Command(scope = "vrrp", name = "statistics", description = "Shows VRRP packet and transition counters (RFC 6527).")
public class VrrpStatisticsCommand implements Action {
    @Reference
    VrrpService vrrp;

    @Option(name = "--json", description = "Machine-readable output")
    boolean json;

    @Override
    public Object execute() throws java.io.IOException {
        if (json) {
            System.out.println(ShowVrrpFormat.JSON_OUT.asString(ShowVrrpFormat.statisticsJson(vrrp.statistics(),
                    vrrp.status())));
            return null;
        }
        System.out.print(ShowVrrpFormat.statistics(vrrp.statistics(), vrrp.status()));
        return null;
    }
}
