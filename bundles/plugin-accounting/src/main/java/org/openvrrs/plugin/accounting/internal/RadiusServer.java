package org.openvrrs.plugin.accounting.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.openvrrs.vrrs.api.IpAddresses;

/**
 * A RADIUS accounting server ({@code radius server NAME}: address, acct-port, key, timeout, retransmit). The secret
 * is kept as octets and never printed: {@link #toString()} masks it, so a server in a log line is safe.
 */
public record RadiusServer(String name, InetAddress address, int port, byte[] secret, Duration timeout,
        int retransmit) {

    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(address, port);
    }

    /** {@code 127.0.0.1:1813} (IPv6 in brackets). */
    public String endpoint() {
        String a = IpAddresses.format(address);
        return (a.contains(":") ? "[" + a + "]" : a) + ":" + port;
    }

    @Override
    public String toString() {
        return "RadiusServer[" + name + " " + endpoint() + " timeout " + timeout.toMillis() + " ms, retransmit "
                + retransmit + ", key <hidden>]";
    }
}
