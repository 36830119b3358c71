package org.openvrrs.vrrs.api;

import java.util.Arrays;
import java.util.Locale;

/** An immutable 48-bit MAC address, printed the IOS way ({@code 0000.5e00.0101}) or the Linux way. */
public final class MacAddress {
    public static final MacAddress ZERO = new MacAddress(new byte[6]);

    private final byte[] bytes;

    private MacAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    public static MacAddress of(byte[] bytes) {
        if (bytes == null || bytes.length != 6) {
            throw new IllegalArgumentException("a MAC address has 6 bytes");
        }
        return new MacAddress(bytes.clone());
    }

    /** The VRRP virtual router MAC: 00-00-5E-00-01-{VRID} for IPv4, 00-00-5E-00-02-{VRID} for IPv6 (RFC 5798 7.3). */
    public static MacAddress vrrp(AddressFamily family, int vrid) {
        if (vrid < 1 || vrid > 255) {
            throw new IllegalArgumentException("VRID " + vrid + " is outside 1-255");
        }
        return new MacAddress(new byte[] {0, 0, 0x5e, 0, (byte) (family == AddressFamily.IPV4 ? 1 : 2), (byte) vrid});
    }

    /** Parses {@code 0000.5e00.0101}, {@code 00:00:5e:00:01:01} or {@code 00-00-5e-00-01-01}. */
    public static MacAddress parse(String text) {
        String hex = text == null ? "" : text.trim().replaceAll("[.:-]", "");
        if (!hex.matches("[0-9a-fA-F]{12}")) {
            throw new IllegalArgumentException("'" + text + "' is not a MAC address (expected e.g. 0000.5e00.0101)");
        }
        byte[] b = new byte[6];
        for (int i = 0; i < 6; i++) {
            b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return new MacAddress(b);
    }

    public byte[] toBytes() {
        return bytes.clone();
    }

    public boolean isZero() {
        return equals(ZERO);
    }

    /** {@code 0000.5e00.0101}, as IOS shows it. */
    public String toDotted() {
        return String.format(Locale.ROOT, "%02x%02x.%02x%02x.%02x%02x",
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5]);
    }

    /** {@code 00:00:5e:00:01:01}, as Linux shows it. */
    public String toColons() {
        return String.format(Locale.ROOT, "%02x:%02x:%02x:%02x:%02x:%02x",
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MacAddress other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return toDotted();
    }
}
