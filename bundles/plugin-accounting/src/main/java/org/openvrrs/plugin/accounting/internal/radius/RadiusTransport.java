package org.openvrrs.plugin.accounting.internal.radius;

import java.io.IOException;
import java.net.InetSocketAddress;

/** Sends RADIUS datagrams to servers and hands back what they answer; one UDP socket per server. */
public interface RadiusTransport extends AutoCloseable {
    /** Called from the transport's thread for every datagram received from a server. */
    @FunctionalInterface
    interface Receiver {
        void received(InetSocketAddress from, byte[] datagram);
    }

    /** Sends one datagram; returns once it is handed to the socket. */
    void send(InetSocketAddress to, byte[] datagram) throws IOException;

    @Override
    void close();
}
