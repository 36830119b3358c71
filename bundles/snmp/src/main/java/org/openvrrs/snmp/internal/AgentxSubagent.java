package org.openvrrs.snmp.internal;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AgentX session with net-snmp's snmpd (the master agent): connects, opens a session, registers the MIB
 * modules' subtrees and answers the master's requests from a fresh {@link MibView}; sends notifications, which
 * snmpd forwards to its own trap and inform destinations. Read-only: every Set is refused with notWritable. When the
 * master is not there or goes away, it tries again (1 s, doubling to 30 s), logging one line when the connection
 * is lost and one when it is back, never a line per attempt.
 *
 * <p>One thread reads and answers; notifications are written from any thread, under the write lock.
 */
final class AgentxSubagent implements AutoCloseable {
    static final Oid ID = Oid.of(1, 3, 6, 1, 4, 1, 8072, 9999, 9999, 1); // OPENVRRS-VRRS-MIB's module identity
    private static final Logger LOG = LoggerFactory.getLogger(AgentxSubagent.class);
    private static final int TIMEOUT_SECONDS = 5;
    private static final long MAX_BACKOFF_MILLIS = 30_000;

    private final AgentxAddress address;
    private final List<MibModule> modules;
    private final Supplier<MibView> views;
    private final RequestLog requestLog;
    private final long startNanos = System.nanoTime();
    private final Object writeLock = new Object();
    private final Thread thread;
    private volatile boolean closed;
    private volatile SocketChannel channel;
    private volatile int sessionId;
    private int packetIds;

    /**
     * @param views a view of every instance now; called for each request (the caller caches)
     */
    AgentxSubagent(AgentxAddress address, List<MibModule> modules, Supplier<MibView> views, RequestLog requestLog) {
        this.address = address;
        this.modules = List.copyOf(modules);
        this.views = views;
        this.requestLog = requestLog;
        this.thread = new Thread(this::run, "snmp-agentx");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Whether a session with the master is open now. */
    boolean connected() {
        return channel != null && sessionId != 0;
    }

    private void run() {
        long backoff = 1000;
        boolean lostLogged = false;
        while (!closed) {
            try (SocketChannel ch = SocketChannel.open(address.socketAddress())) {
                channel = ch;
                open(ch);
                LOG.info("SNMP: AgentX session {} open with the master agent at {}", sessionId, address);
                backoff = 1000;
                lostLogged = false;
                serve(ch);
            } catch (IOException | RuntimeException e) { // a malformed PDU or a refusal too: start again
                if (!closed && !lostLogged) {
                    LOG.warn("SNMP: no AgentX session with the master agent at {} ({}); trying again every {} s at "
                            + "most", address, e.getMessage() == null ? e.toString() : e.getMessage(),
                            MAX_BACKOFF_MILLIS / 1000);
                    lostLogged = true;
                }
            } finally {
                channel = null;
                sessionId = 0;
            }
            sleep(backoff);
            backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    /** Opens the session and registers every module; throws when the master refuses either. */
    private void open(SocketChannel ch) throws IOException {
        write(ch, AgentxCodec.open(nextPacketId(), TIMEOUT_SECONDS, ID, "OpenVRRS VRRP and VRRS subagent"));
        AgentxCodec.Pdu opened = expectResponse(ch);
        if (opened.error() != AgentxCodec.NO_ERROR) {
            throw new IllegalStateException("the master refused the session (AgentX error " + opened.error() + ")");
        }
        sessionId = opened.header().sessionId();
        for (MibModule m : modules) {
            write(ch, AgentxCodec.register(sessionId, nextPacketId(), m.root(), 127));
            AgentxCodec.Pdu registered = expectResponse(ch);
            if (registered.error() != AgentxCodec.NO_ERROR) {
                LOG.warn("SNMP: the master agent refused {} (AgentX error {}: already registered by another "
                        + "subagent?)", m.root(), registered.error());
            }
        }
    }

    private AgentxCodec.Pdu expectResponse(SocketChannel ch) throws IOException {
        AgentxCodec.Pdu pdu = read(ch);
        if (pdu.header().type() != AgentxCodec.RESPONSE) {
            throw new IllegalStateException("the master sent PDU type " + pdu.header().type() + " before answering");
        }
        return pdu;
    }

    /** Answers the master until the connection ends. */
    private void serve(SocketChannel ch) throws IOException {
        while (!closed) {
            AgentxCodec.Pdu pdu = read(ch);
            AgentxCodec.Header h = pdu.header();
            switch (h.type()) {
                case AgentxCodec.GET, AgentxCodec.GET_NEXT, AgentxCodec.GET_BULK -> answer(ch, pdu);
                case AgentxCodec.TEST_SET -> respond(ch, h, AgentxCodec.NOT_WRITABLE, 1, List.of());
                case AgentxCodec.COMMIT_SET, AgentxCodec.UNDO_SET, AgentxCodec.CLEANUP_SET ->
                        respond(ch, h, AgentxCodec.NO_ERROR, 0, List.of());
                case AgentxCodec.CLOSE -> throw new EOFException("the master closed the session");
                case AgentxCodec.RESPONSE -> {
                    // to a Notify: nothing to do
                }
                default -> respond(ch, h, AgentxCodec.PARSE_ERROR, 0, List.of()); // nothing else is sent to us
            }
        }
    }

    private void answer(SocketChannel ch, AgentxCodec.Pdu pdu) throws IOException {
        List<VarBind> answers;
        try {
            answers = views.get().answer(pdu);
        } catch (RuntimeException e) {
            LOG.warn("SNMP: could not read the monitored state: {}", e.getMessage());
            respond(ch, pdu.header(), AgentxCodec.GEN_ERR, 1, List.of());
            return;
        }
        if (pdu.header().type() == AgentxCodec.GET) {
            answers.stream().filter(v -> v.type() == VarBind.NO_SUCH_OBJECT || v.type() == VarBind.NO_SUCH_INSTANCE)
                    .forEach(v -> requestLog.unknown(v.name()));
        }
        respond(ch, pdu.header(), AgentxCodec.NO_ERROR, 0, answers);
    }

    private void respond(SocketChannel ch, AgentxCodec.Header h, int error, int index, List<VarBind> v)
            throws IOException {
        write(ch, AgentxCodec.response(h, uptimeCentis(), error, index, v));
    }

    /** Sends a notification (varBinds from snmpTrapOID.0 on); false when no session is open. */
    boolean notify(List<VarBind> varBinds) {
        SocketChannel ch = channel;
        int session = sessionId;
        if (ch == null || session == 0) {
            return false;
        }
        try {
            write(ch, AgentxCodec.notify(session, nextPacketId(), varBinds));
            return true;
        } catch (IOException e) {
            return false; // the reader sees the broken connection and reconnects
        }
    }

    long uptimeCentis() {
        return (System.nanoTime() - startNanos) / 10_000_000L;
    }

    private int nextPacketId() {
        synchronized (writeLock) {
            return ++packetIds;
        }
    }

    private void write(SocketChannel ch, byte[] pdu) throws IOException {
        synchronized (writeLock) {
            ByteBuffer b = ByteBuffer.wrap(pdu);
            while (b.hasRemaining()) {
                ch.write(b);
            }
        }
    }

    private static AgentxCodec.Pdu read(SocketChannel ch) throws IOException {
        byte[] header = readFully(ch, AgentxCodec.HEADER_LENGTH);
        AgentxCodec.Header h = AgentxCodec.header(header);
        return AgentxCodec.decode(h, readFully(ch, h.payloadLength()));
    }

    private static byte[] readFully(SocketChannel ch, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                throw new EOFException("the master agent closed the connection");
            }
        }
        return b.array();
    }

    /** Closes the session (AgentX Close, reason shutdown) and stops trying. */
    @Override
    public void close() {
        closed = true;
        SocketChannel ch = channel;
        if (ch != null) {
            try {
                if (sessionId != 0) {
                    write(ch, AgentxCodec.close(sessionId, nextPacketId(), AgentxCodec.CLOSE_SHUTDOWN));
                }
                ch.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        thread.interrupt();
    }

    /** Where the master agent listens: {@code unix:/path} (net-snmp's default /var/agentx/master) or tcp:host:port. */
    record AgentxAddress(String text, SocketAddress socketAddress) {
        @Override
        public String toString() {
            return text;
        }
    }
}
