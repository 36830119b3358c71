package org.openvrrs.snmp.internal;

import java.util.List;
import org.openvrrs.fhrp.vrrp.api.VrrpGroupView;
import org.openvrrs.fhrp.vrrp.api.VrrpRouterCounters;
import org.openvrrs.vrrs.api.ClientInfo;
import org.openvrrs.vrrs.api.GroupState;

/**
 * What the MIBs are built from, read at one moment: the VRRP server's groups and counters and the VRRS registry's
 * groups and clients; an empty list or a null counters value when that service is not there.
 */
record MonitoredState(List<VrrpGroupView> vrrpGroups, VrrpRouterCounters vrrpRouter, List<GroupState> vrrsGroups,
        List<ClientInfo> vrrsClients, InterfaceIndexes ifIndexes) {
}
