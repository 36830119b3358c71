package org.openvrrs.vrrs.api;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/** Address family of a group. */
public enum AddressFamily {
    IPV4("IPv4"),
    IPV6("IPv6");

    private final String label;

    AddressFamily(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The unspecified address of this family (0.0.0.0 or ::), shown when nothing is known. */
    public InetAddress unspecified() {
        try {
            return InetAddress.getByAddress(new byte[this == IPV4 ? 4 : 16]);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e); // a 4 or 16 byte array is always accepted
        }
    }

    /** Whether {@code address} belongs to this family. */
    public boolean contains(InetAddress address) {
        return this == IPV4 ? address instanceof Inet4Address : address instanceof Inet6Address;
    }

    public static AddressFamily of(InetAddress address) {
        return address instanceof Inet6Address ? IPV6 : IPV4;
    }
}
