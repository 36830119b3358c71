package org.openvrrs.net.api;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;
import org.openvrrs.vrrs.api.AddressFamily;
import org.openvrrs.vrrs.api.IpAddresses;

/**
 * An address configured on an interface with its prefix length ({@code 192.0.2.1/24}), the unit of
 * {@link Network#addAddress(String, InterfaceAddress)}.
 *
 * @param address      the IPv4 or IPv6 address
 * @param prefixLength 0-32 for IPv4, 0-128 for IPv6
 */
public record InterfaceAddress(InetAddress address, int prefixLength) {


    public InterfaceAddress {
        Objects.requireNonNull(address, "address is required");
        int max = maxPrefixLength(address);
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " of " + address.getHostAddress()
                    + " is outside 0-" + max);
        }
    }

    /** Parses {@code 192.0.2.1/24} or {@code 2001:db8::1/64}; never looks a name up. */
    public static InterfaceAddress parse(String text) {
        String trimmed = Objects.requireNonNull(text, "text is required").trim();
        int slash = trimmed.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("'" + text + "' has no prefix length (expected e.g. 192.0.2.1/24)");
        }
        InetAddress address = parseLiteral(trimmed.substring(0, slash));
        String prefix = trimmed.substring(slash + 1);
        if (!prefix.matches("\\d{1,3}")) {
            throw new IllegalArgumentException("'" + text + "' has no valid prefix length (expected e.g. 192.0.2.1/24)");
        }
        return new InterfaceAddress(address, Integer.parseInt(prefix));
    }

    /**
     * Parses an IPv4 or IPv6 address literal ({@code 192.0.2.1}, {@code fe80::1}). Unlike
     * {@link InetAddress#getByName(String)} it never sends a DNS query: anything that is not a literal is refused.
     */
    public static InetAddress parseLiteral(String text) {
        return IpAddresses.parse("address", text);
    }

    public AddressFamily family() {
        return AddressFamily.of(address);
    }

    /** Whether {@code other} lies in this address's subnet. */
    public boolean contains(InetAddress other) {
        byte[] mine = address.getAddress();
        byte[] theirs = other.getAddress();
        if (mine.length != theirs.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (mine[i] != theirs[i]) {
                return false;
            }
        }
        int restBits = prefixLength % 8;
        if (restBits == 0) {
            return true;
        }
        int mask = (0xff << (8 - restBits)) & 0xff;
        return (mine[fullBytes] & mask) == (theirs[fullBytes] & mask);
    }

    /** {@code 192.0.2.1/24}. */
    @Override
    public String toString() {
        return IpAddresses.format(address) + "/" + prefixLength;
    }

    private static int maxPrefixLength(InetAddress address) {
        return address instanceof Inet4Address ? 32 : 128;
    }
}
