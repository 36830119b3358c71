package org.openvrrs.snmp.internal;

import static org.openvrrs.snmp.internal.Vrrpv3Mib.add;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeSet;
import org.openvrrs.vrrs.api.ClientInfo;
import org.openvrrs.vrrs.api.GroupState;

/**
 * OPENVRRS-VRRS-MIB (share/mibs/OPENVRRS-VRRS-MIB.txt), read-only: the VRRS groups ({@code show vrrs summary}),
 * the clients ({@code show vrrs clients}) and the interfaces behind the VRRP MIBs' ifIndex values. Under net-snmp's
 * experimental arc netSnmpPlaypen (1.3.6.1.4.1.8072.9999.9999) until the project has an IANA enterprise number.
 */
final class VrrsMib implements MibModule {
    static final Oid ROOT = AgentxSubagent.ID;
    static final Oid GROUP_ENTRY = ROOT.append(1, 1, 1);
    static final Oid CLIENT_ENTRY = ROOT.append(1, 2, 1);
    static final Oid INTERFACE_ENTRY = ROOT.append(1, 3, 1);

    @Override
    public Oid root() {
        return ROOT;
    }

    @Override
    public void addTo(MibView.Builder view, MonitoredState state) {
        for (int c = 2; c <= 10; c++) {
            view.object(GROUP_ENTRY.append(c));
        }
        for (int c = 2; c <= 8; c++) {
            view.object(CLIENT_ENTRY.append(c));
        }
        view.object(INTERFACE_ENTRY.append(2));
        for (GroupState g : state.vrrsGroups()) {
            byte[] name = g.group().getBytes(StandardCharsets.UTF_8);
            Oid index = Oid.of(name.length).append(Vrrpv3Mib.unsigned(name));
            add(view, GROUP_ENTRY, 2, index, o -> VarBind.string(o, g.hasServer() ? g.server() : ""));
            add(view, GROUP_ENTRY, 3, index, o -> VarBind.integer(o, g.state().ordinal() + 1));
            add(view, GROUP_ENTRY, 4, index, o -> VarBind.integer(o, g.oldState().ordinal() + 1));
            add(view, GROUP_ENTRY, 5, index, o -> VarBind.string(o, g.reason().label()));
            add(view, GROUP_ENTRY, 6, index, o -> VarBind.integer(o, Vrrpv3Mib.addrType(g.family())));
            add(view, GROUP_ENTRY, 7, index, o -> VarBind.inetAddress(o, g.virtualAddress()));
            add(view, GROUP_ENTRY, 8, index, o -> VarBind.octets(o, g.virtualMac().toBytes()));
            add(view, GROUP_ENTRY, 9, index, o -> VarBind.inetAddress(o, g.activeAddress()));
            add(view, GROUP_ENTRY, 10, index, o -> VarBind.inetAddress(o, g.standbyAddress()));
        }
        for (ClientInfo c : state.vrrsClients()) {
            Oid index = Oid.of(c.id());
            add(view, CLIENT_ENTRY, 2, index, o -> VarBind.string(o, c.name()));
            add(view, CLIENT_ENTRY, 3, index, o -> VarBind.integer(o, c.priority().ordinal() + 1));
            add(view, CLIENT_ENTRY, 4, index, o -> VarBind.truth(o, c.allGroups()));
            String following = String.join(",", new TreeSet<>(c.following()));
            add(view, CLIENT_ENTRY, 5, index, o -> VarBind.string(o, following));
            add(view, CLIENT_ENTRY, 6, index, o -> VarBind.counter64(o, c.delivered()));
            add(view, CLIENT_ENTRY, 7, index, o -> VarBind.counter64(o, c.failed()));
            add(view, CLIENT_ENTRY, 8, index, o -> VarBind.counter64(o, c.coalesced()));
        }
        for (Map.Entry<Integer, String> e : state.ifIndexes().known().entrySet()) {
            add(view, INTERFACE_ENTRY, 2, Oid.of(e.getKey()), o -> VarBind.string(o, e.getValue()));
        }
    }
}
