package org.openvrrs.snmp.internal;

import static org.openvrrs.snmp.internal.Vrrpv3Mib.add;

import java.net.InetAddress;
import java.util.List;
import org.openvrrs.fhrp.vrrp.api.VrrpGroupCounters;
import org.openvrrs.fhrp.vrrp.api.VrrpGroupView;
import org.openvrrs.fhrp.vrrp.api.VrrpRouterCounters;

/**
 * VRRP-MIB (RFC 2787, mib-2 68), read-only, for the VRRPv2 groups (IPv4 only, as RFC 3768): the node version, the
 * operations and associated-address tables, the router-wide counters and the statistics table, indexed by ifIndex
 * and VRID; and vrrpTrapNewMaster. Not served: the administrative state, authentication type and up time (not in
 * the VRRP server's monitoring view; the password is never shown anyway) and vrrpTrapAuthFailure.
 */
final class VrrpMib implements MibModule {
    static final Oid ROOT = Oid.of(1, 3, 6, 1, 2, 1, 68);
    static final Oid OPERATIONS = ROOT.append(1);
    static final Oid OPER_ENTRY = OPERATIONS.append(3, 1);
    static final Oid ASSO_ENTRY = OPERATIONS.append(4, 1);
    static final Oid STATISTICS = ROOT.append(2);
    static final Oid STATS_ENTRY = STATISTICS.append(4, 1);
    static final Oid NEW_MASTER = ROOT.append(0, 1);
    static final int MASTER_IP = 7;

    @Override
    public Oid root() {
        return ROOT;
    }

    @Override
    public void addTo(MibView.Builder view, MonitoredState state) {
        view.add(OPERATIONS.append(1), VarBind.integer(OPERATIONS.append(1, 0), 2)); // vrrpNodeVersion: VRRPv2
        view.add(OPERATIONS.append(2), VarBind.integer(OPERATIONS.append(2, 0), 1)); // notifications enabled(1)
        for (int c : new int[] {2, 3, 5, 6, 7, 8, 11, 12, 14, 15}) {
            view.object(OPER_ENTRY.append(c));
        }
        view.object(ASSO_ENTRY.append(2));
        for (int c = 1; c <= 12; c++) {
            view.object(STATS_ENTRY.append(c));
        }
        VrrpRouterCounters router = state.vrrpRouter();
        if (router != null) {
            counter(view, STATISTICS.append(1), Oid.of(0), router.checksumErrors());
            counter(view, STATISTICS.append(2), Oid.of(0), router.versionErrors());
            counter(view, STATISTICS.append(3), Oid.of(0), router.vrIdErrors());
        }
        for (VrrpGroupView g : groups(state.vrrpGroups())) {
            Oid index = index(g, state.ifIndexes());
            add(view, OPER_ENTRY, 2, index, o -> VarBind.octets(o, g.virtualMac().toBytes()));
            add(view, OPER_ENTRY, 3, index, o -> VarBind.integer(o, g.state().mibValue()));
            add(view, OPER_ENTRY, 5, index, o -> VarBind.integer(o, g.priority()));
            add(view, OPER_ENTRY, 6, index, o -> VarBind.integer(o, g.virtualAddresses().size()));
            add(view, OPER_ENTRY, MASTER_IP, index, o -> VarBind.ipAddress(o, Vrrpv3Mib.masterAddress(g)));
            add(view, OPER_ENTRY, 8, index, o -> VarBind.ipAddress(o, g.primaryAddress()));
            add(view, OPER_ENTRY, 11, index, o -> VarBind.integer(o, g.advertIntervalCentis() / 100));
            add(view, OPER_ENTRY, 12, index, o -> VarBind.truth(o, g.preempt()));
            add(view, OPER_ENTRY, 14, index, o -> VarBind.integer(o, 1)); // vrrpOperProtocol ip(1)
            add(view, OPER_ENTRY, 15, index, o -> VarBind.integer(o, 1)); // RowStatus active(1)
            for (InetAddress a : g.virtualAddresses()) {
                add(view, ASSO_ENTRY, 2, index.append(Vrrpv3Mib.unsigned(a.getAddress())), o -> VarBind.integer(o, 1));
            }
            statistics(view, index, g.counters());
        }
    }

    private static void statistics(MibView.Builder view, Oid index, VrrpGroupCounters c) {
        long[] values = {c.masterTransitions(), c.rcvdAdvertisements(), c.advIntervalErrors(), c.authFailures(),
                c.ipTtlErrors(), c.rcvdPriZeroPackets(), c.sentPriZeroPackets(), c.rcvdInvalidTypePackets(),
                c.addressListErrors(), c.invalidAuthType(), c.authTypeMismatch(), c.packetLengthErrors()};
        for (int i = 0; i < values.length; i++) {
            counter(view, STATS_ENTRY.append(i + 1), index, values[i]);
        }
    }

    private static void counter(MibView.Builder view, Oid object, Oid index, long v) {
        view.add(object, VarBind.counter32(object.append(index), v));
    }

    static List<VrrpGroupView> groups(List<VrrpGroupView> all) {
        return all.stream().filter(g -> g.version() == 2).toList();
    }

    static Oid index(VrrpGroupView g, InterfaceIndexes ifIndexes) {
        return Oid.of(ifIndexes.of(g.network(), g.interfaceName()), g.vrid());
    }

    static List<VarBind> newMaster(VrrpGroupView g, InterfaceIndexes ifIndexes) {
        return List.of(VarBind.oid(Notifications.SNMP_TRAP_OID, NEW_MASTER),
                VarBind.ipAddress(OPER_ENTRY.append(MASTER_IP).append(index(g, ifIndexes)),
                        Vrrpv3Mib.masterAddress(g)));
    }
}
