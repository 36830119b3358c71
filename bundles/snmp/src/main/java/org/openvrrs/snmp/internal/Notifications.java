package org.openvrrs.snmp.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openvrrs.fhrp.vrrp.api.VrrpEventListener;
import org.openvrrs.fhrp.vrrp.api.VrrpGroupView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the VRRP server's events into notifications sent through the master agent: vrrpv3NewMaster and
 * vrrpv3ProtoError for VRRPv3 groups, vrrpTrapNewMaster (RFC 2787) for VRRPv2 ones. A peer sending bad packets
 * sends one an interval, so a group's protocol errors give at most one notification a minute.
 */
final class Notifications implements VrrpEventListener {
    static final Oid SNMP_TRAP_OID = Oid.of(1, 3, 6, 1, 6, 3, 1, 1, 4, 1, 0);
    static final long PROTO_ERROR_PERIOD_NANOS = 60_000_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

    private final AgentxSubagent subagent;
    private final InterfaceIndexes ifIndexes;
    private final Map<Oid, Long> lastProtoError = new ConcurrentHashMap<>();

    Notifications(AgentxSubagent subagent, InterfaceIndexes ifIndexes) {
        this.subagent = subagent;
        this.ifIndexes = ifIndexes;
    }

    @Override
    public void newMaster(VrrpGroupView group) {
        send(group.version() == 3 ? Vrrpv3Mib.newMaster(group, ifIndexes) : VrrpMib.newMaster(group, ifIndexes),
                group);
    }

    @Override
    public void protocolError(VrrpGroupView group, int protoErrReason) {
        if (group.version() != 3) {
            return; // RFC 2787 has no such notification
        }
        Oid index = Vrrpv3Mib.index(group, ifIndexes);
        long now = System.nanoTime();
        Long last = lastProtoError.get(index);
        if (last != null && now - last < PROTO_ERROR_PERIOD_NANOS) {
            return;
        }
        lastProtoError.put(index, now);
        send(Vrrpv3Mib.protoError(group, protoErrReason, ifIndexes), group);
    }

    private void send(List<VarBind> varBinds, VrrpGroupView group) {
        if (!subagent.notify(varBinds)) {
            LOG.debug("SNMP: no session with the master agent, notification about VRID {} on {} not sent",
                    group.vrid(), group.interfaceName());
        }
    }
}
