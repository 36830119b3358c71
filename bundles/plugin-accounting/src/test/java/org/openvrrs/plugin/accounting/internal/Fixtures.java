package org.openvrrs.plugin.accounting.internal;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openvrrs.net.sim.VirtualScheduler;
import org.openvrrs.plugin.accounting.internal.radius.RadiusPacket;
import org.openvrrs.vrrs.api.AddressFamily;
import org.openvrrs.vrrs.api.GroupState;
import org.openvrrs.vrrs.api.IpAddresses;
import org.openvrrs.vrrs.api.MacAddress;
import org.openvrrs.vrrs.api.ServerUpdate;
import org.openvrrs.vrrs.api.StateReason;
import org.openvrrs.vrrs.api.VrrsState;

/** Group states and configuration maps for tests (documentation addresses only). */
final class Fixtures {
    static final InetAddress VIRTUAL = IpAddresses.parse("a", "192.0.2.1");
    static final InetAddress SELF = IpAddresses.parse("a", "192.0.2.2");
    static final InetAddress PEER = IpAddresses.parse("a", "192.0.2.3");

    private Fixtures() {
    }

    /** The state VRRP would publish for this member (192.0.2.2) going to {@code state}. */
    static GroupState state(String group, VrrsState old, VrrsState state) {
        return GroupState.of(group, "VRRP", old, update(state));
    }

    /** The update VRRP would publish for this member (192.0.2.2) in {@code state}. */
    static ServerUpdate update(VrrsState state) {
        InetAddress none = IpAddresses.parse("a", "0.0.0.0");
        InetAddress active = state == VrrsState.ACTIVE ? SELF : state == VrrsState.BACKUP ? PEER : none;
        InetAddress standby = state == VrrsState.BACKUP ? SELF : none;
        return new ServerUpdate(state, StateReason.PROTOCOL, AddressFamily.IPV4, VIRTUAL,
                MacAddress.vrrp(AddressFamily.IPV4, 1), active, standby);
    }

    /** A server's Accounting-Response to {@code request}, signed with {@code secret}. */
    static byte[] response(byte[] request, byte[] secret) {
        byte[] resp = {5, request[1], 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        return RadiusPacket.signResponse(resp, Arrays.copyOfRange(request, 4, 20), secret);
    }

    /** Wall-clock time that starts at {@code epochMillis} and moves with {@code scheduler}'s virtual time. */
    static Clock wallClock(VirtualScheduler scheduler, long epochMillis) {
        return new Clock() {
            @Override
            public long millis() {
                return epochMillis + scheduler.nanoTime() / 1_000_000;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(millis());
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException("UTC only");
            }
        };
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Factory configurations by PID, built from (pid, map) pairs. */
    static Map<String, List<Map<String, ?>>> factories(Object... pidAndMap) {
        Map<String, List<Map<String, ?>>> out = new HashMap<>();
        for (int i = 0; i < pidAndMap.length; i += 2) {
            @SuppressWarnings("unchecked")
            Map<String, ?> m = (Map<String, ?>) pidAndMap[i + 1];
            out.computeIfAbsent((String) pidAndMap[i], k -> new java.util.ArrayList<>()).add(m);
        }
        return out;
    }

    static Map<String, Object> server(String name, int port, String secret, int timeout, int retransmit) {
        return map("name", name, "address", "127.0.0.1", "acctPort", port, "secret", secret, "timeout", timeout,
                "retransmit", retransmit);
    }
}
