package org.openvrrs.fhrp.vrrp.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** RFC 6527 statistics: router-wide drops and per-group counters. */
@Service
@Command(scope = "vrrp", name = "statistics", description = "Shows VRRP packet and transition counters (RFC 6527).")
public class VrrpStatisticsCommand implements Action {
    @Reference
    VrrpService vrrp;

    @Override
    public Object execute() {
        System.out.print(ShowVrrpFormat.statistics(vrrp.statistics(), vrrp.status()));
        return null;
    }
}
