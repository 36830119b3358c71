package org.openvrrs.snmp.internal;

import java.net.InetAddress;
import java.util.List;
import java.util.function.Function;
import org.openvrrs.fhrp.vrrp.api.VrrpGroupCounters;
import org.openvrrs.fhrp.vrrp.api.VrrpGroupView;
import org.openvrrs.fhrp.vrrp.api.VrrpRouterCounters;
import org.openvrrs.fhrp.vrrp.api.VrrpState;
import org.openvrrs.vrrs.api.AddressFamily;

/**
 * VRRPV3-MIB (RFC 6527, mib-2 207), read-only, for the VRRPv3 groups: the operations table, the associated
 * addresses, the router-wide counters and the statistics table; and its two notifications. A row is indexed by
 * ifIndex ({@link InterfaceIndexes}), VRID and address type (ipv4(1), ipv6(2)). Not served: the up time and the
 * discontinuity times (the VRRP server does not record them).
 */
final class Vrrpv3Mib implements MibModule {
    static final Oid ROOT = Oid.of(1, 3, 6, 1, 2, 1, 207);
    static final Oid OPERATIONS_ENTRY = ROOT.append(1, 1, 1, 1);
    static final Oid ASSOCIATED_ENTRY = ROOT.append(1, 1, 2, 1);
    static final Oid ROUTER_STATISTICS = ROOT.append(1, 2);
    static final Oid STATISTICS_ENTRY = ROOT.append(1, 2, 5, 1);
    static final Oid NEW_MASTER = ROOT.append(0, 1);
    static final Oid PROTO_ERROR = ROOT.append(0, 2);
    /** vrrpv3StatisticsRefreshRate: how old (ms) a value may be; the subagent reads anew once a second. */
    static final int REFRESH_MILLIS = 1000;

    static final int MASTER_IP = 3;
    static final int STATUS = 6;
    static final int NEW_MASTER_REASON = 2;
    static final int PROTO_ERR_REASON = 6;

    @Override
    public Oid root() {
        return ROOT;
    }

    @Override
    public void addTo(MibView.Builder view, MonitoredState state) {
        for (int c : new int[] {3, 4, 5, 6, 7, 8, 9, 10, 11, 13}) {
            view.object(OPERATIONS_ENTRY.append(c));
        }
        view.object(ASSOCIATED_ENTRY.append(2));
        for (int c = 1; c <= 13; c++) {
            if (c != 12) {
                view.object(STATISTICS_ENTRY.append(c));
            }
        }
        VrrpRouterCounters router = state.vrrpRouter();
        if (router != null) {
            counter64(view, ROUTER_STATISTICS.append(1), Oid.of(0), router.checksumErrors());
            counter64(view, ROUTER_STATISTICS.append(2), Oid.of(0), router.versionErrors());
            counter64(view, ROUTER_STATISTICS.append(3), Oid.of(0), router.vrIdErrors());
        }
        for (VrrpGroupView g : groups(state.vrrpGroups())) {
            Oid index = index(g, state.ifIndexes());
            operations(view, index, g);
            for (InetAddress a : g.virtualAddresses()) {
                Oid addrIndex = index.append(a.getAddress().length).append(unsigned(a.getAddress()));
                add(view, ASSOCIATED_ENTRY, 2, addrIndex, (o) -> VarBind.integer(o, 1)); // active(1)
            }
            statistics(view, index, g.counters());
        }
    }

    /** The groups this MIB lists: VRRPv3 ones (RFC 2787's VRRP-MIB lists the VRRPv2 ones). */
    static List<VrrpGroupView> groups(List<VrrpGroupView> all) {
        return all.stream().filter(g -> g.version() == 3).toList();
    }

    static Oid index(VrrpGroupView g, InterfaceIndexes ifIndexes) {
        return Oid.of(ifIndexes.of(g.network(), g.interfaceName()), g.vrid(), addrType(g.family()));
    }

    static int addrType(AddressFamily f) {
        return f == AddressFamily.IPV4 ? 1 : 2;
    }

    private static void operations(MibView.Builder view, Oid index, VrrpGroupView g) {
        add(view, OPERATIONS_ENTRY, MASTER_IP, index, o -> VarBind.inetAddress(o, masterAddress(g)));
        add(view, OPERATIONS_ENTRY, 4, index, o -> VarBind.inetAddress(o, g.primaryAddress()));
        add(view, OPERATIONS_ENTRY, 5, index, o -> VarBind.octets(o, g.virtualMac().toBytes()));
        add(view, OPERATIONS_ENTRY, STATUS, index, o -> VarBind.integer(o, g.state().mibValue()));
        add(view, OPERATIONS_ENTRY, 7, index, o -> VarBind.gauge(o, g.priority()));
        add(view, OPERATIONS_ENTRY, 8, index, o -> VarBind.integer(o, g.virtualAddresses().size()));
        add(view, OPERATIONS_ENTRY, 9, index, o -> VarBind.integer(o, g.advertIntervalCentis()));
        add(view, OPERATIONS_ENTRY, 10, index, o -> VarBind.truth(o, g.preempt()));
        add(view, OPERATIONS_ENTRY, 11, index, o -> VarBind.truth(o, g.acceptMode()));
        add(view, OPERATIONS_ENTRY, 13, index, o -> VarBind.integer(o, 1)); // RowStatus active(1)
    }

    /** The Master's address: our own while Master, the unspecified address while not known. */
    static InetAddress masterAddress(VrrpGroupView g) {
        if (g.state() == VrrpState.MASTER) {
            return g.primaryAddress();
        }
        return g.masterAddress() != null ? g.masterAddress() : g.family().unspecified();
    }

    private static void statistics(MibView.Builder view, Oid index, VrrpGroupCounters c) {
        add(view, STATISTICS_ENTRY, 1, index, o -> VarBind.counter32(o, c.masterTransitions()));
        add(view, STATISTICS_ENTRY, NEW_MASTER_REASON, index, o -> VarBind.integer(o, c.newMasterReason()));
        counter64(view, STATISTICS_ENTRY.append(3), index, c.rcvdAdvertisements());
        counter64(view, STATISTICS_ENTRY.append(4), index, c.advIntervalErrors());
        counter64(view, STATISTICS_ENTRY.append(5), index, c.ipTtlErrors());
        add(view, STATISTICS_ENTRY, PROTO_ERR_REASON, index, o -> VarBind.integer(o, c.protoErrReason()));
        counter64(view, STATISTICS_ENTRY.append(7), index, c.rcvdPriZeroPackets());
        counter64(view, STATISTICS_ENTRY.append(8), index, c.sentPriZeroPackets());
        counter64(view, STATISTICS_ENTRY.append(9), index, c.rcvdInvalidTypePackets());
        counter64(view, STATISTICS_ENTRY.append(10), index, c.addressListErrors());
        counter64(view, STATISTICS_ENTRY.append(11), index, c.packetLengthErrors());
        add(view, STATISTICS_ENTRY, 13, index, o -> VarBind.gauge(o, REFRESH_MILLIS));
    }

    /** vrrpv3NewMaster's variable bindings (after snmpTrapOID.0): the Master's address and why it is Master. */
    static List<VarBind> newMaster(VrrpGroupView g, InterfaceIndexes ifIndexes) {
        Oid index = index(g, ifIndexes);
        return List.of(VarBind.oid(Notifications.SNMP_TRAP_OID, NEW_MASTER),
                VarBind.inetAddress(OPERATIONS_ENTRY.append(MASTER_IP).append(index), masterAddress(g)),
                VarBind.integer(STATISTICS_ENTRY.append(NEW_MASTER_REASON).append(index),
                        g.counters().newMasterReason()));
    }

    /** vrrpv3ProtoError's variable bindings: the reason of this error. */
    static List<VarBind> protoError(VrrpGroupView g, int reason, InterfaceIndexes ifIndexes) {
        return List.of(VarBind.oid(Notifications.SNMP_TRAP_OID, PROTO_ERROR),
                VarBind.integer(STATISTICS_ENTRY.append(PROTO_ERR_REASON).append(index(g, ifIndexes)), reason));
    }

    /** Adds the instance {@code index} of column {@code column} of the table entry {@code entry}. */
    static void add(MibView.Builder view, Oid entry, int column, Oid index, Function<Oid, VarBind> value) {
        Oid object = entry.append(column);
        view.add(object, value.apply(object.append(index)));
    }

    private static void counter64(MibView.Builder view, Oid object, Oid index, long v) {
        view.add(object, VarBind.counter64(object.append(index), v));
    }

    static int[] unsigned(byte[] bytes) {
        int[] arcs = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            arcs[i] = bytes[i] & 0xff;
        }
        return arcs;
    }
}
