package org.openvrrs.snmp.internal;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The part of AgentX (RFC 2741) a read-only subagent speaks: it writes Open, Register, Notify, Response and Close,
 * and reads the master's Get, GetNext, GetBulk, the Set phases (refused: read-only) and Responses. Everything we
 * write is in network byte order; what we read is in the order its header says. A malformed PDU is an
 * {@link IllegalArgumentException}, never anything else.
 */
final class AgentxCodec {
    static final int HEADER_LENGTH = 20;
    static final int OPEN = 1;
    static final int CLOSE = 2;
    static final int REGISTER = 3;
    static final int GET = 5;
    static final int GET_NEXT = 6;
    static final int GET_BULK = 7;
    static final int TEST_SET = 8;
    static final int COMMIT_SET = 9;
    static final int UNDO_SET = 10;
    static final int CLEANUP_SET = 11;
    static final int NOTIFY = 12;
    static final int PING = 13;
    static final int RESPONSE = 18;

    static final int FLAG_NON_DEFAULT_CONTEXT = 0x08;
    static final int FLAG_NETWORK_BYTE_ORDER = 0x10;

    /** res.error values we send or read (RFC 2741 6.2.16; SNMP's own below 256). */
    static final int NO_ERROR = 0;
    static final int GEN_ERR = 5;
    static final int NOT_WRITABLE = 17;
    static final int PARSE_ERROR = 266;
    static final int PROCESSING_ERROR = 268;

    /** Close reasons. */
    static final int CLOSE_SHUTDOWN = 5;

    /** Packets larger than this are refused: no request of ours comes near it. */
    static final int MAX_PAYLOAD = 1 << 20;

    private static final Oid INTERNET = Oid.of(1, 3, 6, 1);

    record Header(int type, int flags, int sessionId, int transactionId, int packetId, int payloadLength) {
        ByteOrder order() {
            return (flags & FLAG_NETWORK_BYTE_ORDER) != 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        }
    }

    /** A search range: from {@code start} (itself included when {@code include}) up to {@code end} (null: none). */
    record Range(Oid start, boolean include, Oid end) {
    }

    /**
     * A decoded PDU: the ranges of Get, GetNext and GetBulk, GetBulk's repetition fields, a Response's error
     * and index.
     */
    record Pdu(Header header, List<Range> ranges, int nonRepeaters, int maxRepetitions, int error, int index) {
    }

    private AgentxCodec() {
    }

    static Header header(byte[] bytes) {
        if (bytes.length < HEADER_LENGTH) {
            throw new IllegalArgumentException("AgentX header shorter than 20 bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int version = b.get() & 0xff;
        int type = b.get() & 0xff;
        int flags = b.get() & 0xff;
        b.get();
        if (version != 1) {
            throw new IllegalArgumentException("AgentX version " + version + ", not 1");
        }
        b.order((flags & FLAG_NETWORK_BYTE_ORDER) != 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        Header h = new Header(type, flags, b.getInt(), b.getInt(), b.getInt(), b.getInt());
        if (h.payloadLength() < 0 || h.payloadLength() > MAX_PAYLOAD || h.payloadLength() % 4 != 0) {
            throw new IllegalArgumentException("AgentX payload length " + h.payloadLength());
        }
        return h;
    }

    /** Decodes the payload of a PDU the master sent. */
    static Pdu decode(Header h, byte[] payload) {
        ByteBuffer b = ByteBuffer.wrap(payload).order(h.order());
        try {
            if (h.type() == RESPONSE) {
                b.getInt(); // sysUpTime
                return new Pdu(h, List.of(), 0, 0, b.getShort() & 0xffff, b.getShort() & 0xffff);
            }
            if ((h.flags() & FLAG_NON_DEFAULT_CONTEXT) != 0) {
                octets(b); // the context: we serve the default one, the master asks us nothing else
            }
            int nonRepeaters = 0;
            int maxRepetitions = 0;
            if (h.type() == GET_BULK) {
                nonRepeaters = b.getShort() & 0xffff;
                maxRepetitions = b.getShort() & 0xffff;
            }
            List<Range> ranges = new ArrayList<>();
            if (h.type() == GET || h.type() == GET_NEXT || h.type() == GET_BULK) {
                while (b.hasRemaining()) {
                    boolean[] include = new boolean[1];
                    Oid start = oid(b, include);
                    ranges.add(new Range(start, include[0], oid(b, null)));
                }
            }
            return new Pdu(h, ranges, nonRepeaters, maxRepetitions, 0, 0);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("AgentX PDU type " + h.type() + " ends early");
        }
    }

    private static Oid oid(ByteBuffer b, boolean[] include) {
        int n = b.get() & 0xff;
        int prefix = b.get() & 0xff;
        boolean inc = b.get() != 0;
        b.get();
        if (include != null) {
            include[0] = inc;
        }
        int[] arcs = new int[n + (prefix != 0 ? 5 : 0)];
        int i = 0;
        if (prefix != 0) {
            arcs[i++] = 1;
            arcs[i++] = 3;
            arcs[i++] = 6;
            arcs[i++] = 1;
            arcs[i++] = prefix;
        }
        for (int k = 0; k < n; k++) {
            arcs[i++] = b.getInt();
        }
        return new Oid(arcs);
    }

    private static byte[] octets(ByteBuffer b) {
        int length = b.getInt();
        if (length < 0 || length > b.remaining()) {
            throw new IllegalArgumentException("AgentX octet string of " + length + " bytes");
        }
        byte[] v = new byte[length];
        b.get(v);
        b.position(b.position() + (4 - length % 4) % 4);
        return v;
    }

    // ---- writing

    /** A PDU under construction, network byte order; {@link #bytes()} fills in the payload length. */
    private static final class Writer {
        private ByteBuffer b = ByteBuffer.allocate(256);

        Writer(int type, int sessionId, int transactionId, int packetId) {
            b.put((byte) 1).put((byte) type).put((byte) FLAG_NETWORK_BYTE_ORDER).put((byte) 0);
            b.putInt(sessionId).putInt(transactionId).putInt(packetId).putInt(0);
        }

        private void room(int n) {
            if (b.remaining() < n) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(b.capacity() * 2, b.position() + n));
                b.flip();
                bigger.put(b);
                b = bigger;
            }
        }

        Writer int8(int v) {
            room(1);
            b.put((byte) v);
            return this;
        }

        Writer int16(int v) {
            room(2);
            b.putShort((short) v);
            return this;
        }

        Writer int32(int v) {
            room(4);
            b.putInt(v);
            return this;
        }

        Writer int64(long v) {
            room(8);
            b.putLong(v);
            return this;
        }

        Writer oid(Oid oid, boolean include) {
            int[] arcs = oid.arcs();
            int from = 0;
            int prefix = 0;
            if (arcs.length >= 5 && oid.startsWith(INTERNET) && arcs[4] > 0 && arcs[4] < 256) {
                prefix = arcs[4];
                from = 5;
            }
            int8(arcs.length - from).int8(prefix).int8(include ? 1 : 0).int8(0);
            for (int i = from; i < arcs.length; i++) {
                int32(arcs[i]);
            }
            return this;
        }

        Writer octets(byte[] v) {
            int32(v.length);
            room(v.length + 3);
            b.put(v);
            for (int i = v.length % 4; i != 0 && i < 4; i++) {
                b.put((byte) 0);
            }
            return this;
        }

        Writer varBind(VarBind v) {
            int16(v.type()).int16(0).oid(v.name(), false);
            switch (v.type()) {
                case VarBind.INTEGER, VarBind.COUNTER32, VarBind.GAUGE32, VarBind.TIME_TICKS ->
                        int32((int) (long) (Long) v.value());
                case VarBind.COUNTER64 -> int64((Long) v.value());
                case VarBind.OCTET_STRING, VarBind.IP_ADDRESS -> octets((byte[]) v.value());
                case VarBind.OBJECT_IDENTIFIER -> oid((Oid) v.value(), false);
                default -> {
                    // Null and the exceptions carry no data
                }
            }
            return this;
        }

        byte[] bytes() {
            byte[] out = Arrays.copyOf(b.array(), b.position());
            ByteBuffer.wrap(out).putInt(16, out.length - HEADER_LENGTH);
            return out;
        }
    }

    static byte[] open(int packetId, int timeoutSeconds, Oid id, String description) {
        return new Writer(OPEN, 0, 0, packetId).int8(timeoutSeconds).int8(0).int16(0).oid(id, false)
                .octets(description.getBytes(StandardCharsets.UTF_8)).bytes();
    }

    static byte[] register(int sessionId, int packetId, Oid subtree, int priority) {
        return new Writer(REGISTER, sessionId, 0, packetId).int8(0).int8(priority).int8(0).int8(0)
                .oid(subtree, false).bytes();
    }

    static byte[] notify(int sessionId, int packetId, List<VarBind> varBinds) {
        Writer w = new Writer(NOTIFY, sessionId, 0, packetId);
        varBinds.forEach(w::varBind);
        return w.bytes();
    }

    static byte[] close(int sessionId, int packetId, int reason) {
        return new Writer(CLOSE, sessionId, 0, packetId).int8(reason).int8(0).int16(0).bytes();
    }

    /** The answer to {@code request}: same session, transaction and packet ids. */
    static byte[] response(Header request, long sysUpTimeCentis, int error, int index, List<VarBind> varBinds) {
        Writer w = new Writer(RESPONSE, request.sessionId(), request.transactionId(), request.packetId())
                .int32((int) sysUpTimeCentis).int16(error).int16(index);
        varBinds.forEach(w::varBind);
        return w.bytes();
    }
}
