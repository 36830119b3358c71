package org.openvrrs.snmp.internal;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

/**
 * One name and value as AgentX carries it (RFC 2741 5.4). {@code value} is a Long for the integer types, a byte[]
 * for octet strings and IP addresses, an {@link Oid}, or null for Null and the exceptions.
 */
record VarBind(Oid name, int type, Object value) {
    static final int INTEGER = 2;
    static final int OCTET_STRING = 4;
    static final int NULL = 5;
    static final int OBJECT_IDENTIFIER = 6;
    static final int IP_ADDRESS = 64;
    static final int COUNTER32 = 65;
    static final int GAUGE32 = 66;
    static final int TIME_TICKS = 67;
    static final int COUNTER64 = 70;
    static final int NO_SUCH_OBJECT = 128;
    static final int NO_SUCH_INSTANCE = 129;
    static final int END_OF_MIB_VIEW = 130;

    static VarBind integer(Oid name, long v) {
        return new VarBind(name, INTEGER, v);
    }

    static VarBind gauge(Oid name, long v) {
        return new VarBind(name, GAUGE32, v);
    }

    static VarBind counter32(Oid name, long v) {
        return new VarBind(name, COUNTER32, v & 0xffffffffL); // wraps as Counter32 does
    }

    static VarBind counter64(Oid name, long v) {
        return new VarBind(name, COUNTER64, v);
    }

    static VarBind timeTicks(Oid name, long centis) {
        return new VarBind(name, TIME_TICKS, centis & 0xffffffffL);
    }

    static VarBind octets(Oid name, byte[] v) {
        return new VarBind(name, OCTET_STRING, v.clone());
    }

    static VarBind string(Oid name, String v) {
        return new VarBind(name, OCTET_STRING, v.getBytes(StandardCharsets.UTF_8));
    }

    /** An InetAddress (RFC 4001): its octets, empty for none. */
    static VarBind inetAddress(Oid name, InetAddress a) {
        return new VarBind(name, OCTET_STRING, a == null ? new byte[0] : a.getAddress());
    }

    /** An SMIv1 IpAddress: 0.0.0.0 for none. */
    static VarBind ipAddress(Oid name, InetAddress a) {
        return new VarBind(name, IP_ADDRESS, a == null || a.getAddress().length != 4 ? new byte[4] : a.getAddress());
    }

    static VarBind oid(Oid name, Oid v) {
        return new VarBind(name, OBJECT_IDENTIFIER, v);
    }

    static VarBind exception(Oid name, int type) {
        return new VarBind(name, type, null);
    }

    /** SNMP TruthValue: true(1), false(2). */
    static VarBind truth(Oid name, boolean v) {
        return integer(name, v ? 1 : 2);
    }
}
