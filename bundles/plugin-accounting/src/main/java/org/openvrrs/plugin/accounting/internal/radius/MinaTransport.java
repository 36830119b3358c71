package org.openvrrs.plugin.accounting.internal.radius;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.future.ConnectFuture;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.transport.socket.nio.NioDatagramConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link RadiusTransport} on Apache MINA's NIO UDP connector: one connected datagram session per server (so the
 * kernel only lets that server's address and port answer), raw {@link IoBuffer}s in and out, the RADIUS codec being
 * ours ({@link RadiusPacket}). A closed server port (ICMP port unreachable) does not close the session: the request
 * simply times out and is retransmitted or failed over.
 */
public final class MinaTransport implements RadiusTransport {
    private static final Logger LOG = LoggerFactory.getLogger(MinaTransport.class);
    private static final long CONNECT_TIMEOUT_MILLIS = 2000;

    private final NioDatagramConnector connector = new NioDatagramConnector();
    private final Map<InetSocketAddress, IoSession> sessions = new ConcurrentHashMap<>();

    public MinaTransport(Receiver receiver) {
        connector.getSessionConfig().setReadBufferSize(RadiusPacket.MAX_LENGTH);
        connector.getSessionConfig().setCloseOnPortUnreachable(false);
        connector.setConnectTimeoutMillis(CONNECT_TIMEOUT_MILLIS);
        connector.setHandler(new IoHandlerAdapter() {
            @Override
            public void messageReceived(IoSession session, Object message) {
                IoBuffer b = (IoBuffer) message;
                byte[] datagram = new byte[b.remaining()];
                b.get(datagram);
                receiver.received((InetSocketAddress) session.getRemoteAddress(), datagram);
            }

            @Override
            public void exceptionCaught(IoSession session, Throwable cause) {
                if (cause instanceof PortUnreachableException) {
                    LOG.debug("RADIUS server {} port unreachable", session.getRemoteAddress());
                } else {
                    LOG.warn("RADIUS socket to {}: {}", session.getRemoteAddress(), cause.toString());
                }
            }

            @Override
            public void sessionClosed(IoSession session) {
                sessions.remove((InetSocketAddress) session.getRemoteAddress(), session);
            }
        });
    }

    @Override
    public void send(InetSocketAddress to, byte[] datagram) throws IOException {
        IoSession s = sessions.get(to);
        if (s == null || !s.isConnected() || s.isClosing()) {
            ConnectFuture f = connector.connect(to);
            if (!f.awaitUninterruptibly(CONNECT_TIMEOUT_MILLIS) || !f.isConnected()) {
                Throwable cause = f.getException();
                throw new IOException("cannot open a UDP socket to " + to
                        + (cause != null ? ": " + cause.getMessage() : ""));
            }
            s = f.getSession();
            sessions.put(to, s);
        }
        s.write(IoBuffer.wrap(datagram));
    }

    @Override
    public void close() {
        sessions.values().forEach(s -> s.closeNow());
        sessions.clear();
        connector.dispose(true);
    }
}
