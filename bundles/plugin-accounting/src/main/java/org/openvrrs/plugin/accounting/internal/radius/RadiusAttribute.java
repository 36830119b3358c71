package org.openvrrs.plugin.accounting.internal.radius;

import java.net.Inet4Address;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One RADIUS attribute (RFC 2865 section 5): a type and its value octets. A Vendor-Specific attribute (26) carries
 * the vendor id and the vendor's own type-length-value inside its value, built by {@link #vendor}.
 */
public record RadiusAttribute(int type, byte[] value) {
    public static final int NAS_IP_ADDRESS = 4;
    public static final int VENDOR_SPECIFIC = 26;
    public static final int NAS_IDENTIFIER = 32;
    public static final int ACCT_STATUS_TYPE = 40;
    public static final int ACCT_DELAY_TIME = 41;
    public static final int ACCT_SESSION_ID = 44;
    public static final int VENDOR_CISCO = 9;
    public static final int CISCO_AVPAIR = 1;
    /** Value octets at most: the length octet counts type and length too. */
    public static final int MAX_VALUE = 253;

    public RadiusAttribute {
        if (type < 1 || type > 255) {
            throw new IllegalArgumentException("attribute type " + type + " is not 1-255");
        }
        if (value.length > MAX_VALUE) {
            throw new IllegalArgumentException("attribute " + type + " value is " + value.length
                    + " octets, at most " + MAX_VALUE);
        }
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    int length() {
        return 2 + value.length;
    }

    void writeTo(byte[] out, int offset) {
        out[offset] = (byte) type;
        out[offset + 1] = (byte) length();
        System.arraycopy(value, 0, out, offset + 2, value.length);
    }

    public static RadiusAttribute string(int type, String text) {
        return new RadiusAttribute(type, text.getBytes(StandardCharsets.UTF_8));
    }

    public static RadiusAttribute integer(int type, long v) {
        if (v < 0 || v > 0xffff_ffffL) {
            throw new IllegalArgumentException("attribute " + type + " value " + v + " is not a 32-bit unsigned integer");
        }
        return new RadiusAttribute(type, new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
    }

    public static RadiusAttribute address(int type, Inet4Address a) {
        return new RadiusAttribute(type, a.getAddress());
    }

    /** A Vendor-Specific attribute (26) with one vendor sub-attribute (RFC 2865 section 5.26 format). */
    public static RadiusAttribute vendor(int vendorId, int vendorType, byte[] data) {
        if (data.length > MAX_VALUE - 6) {
            throw new IllegalArgumentException("vendor attribute value is " + data.length + " octets, at most "
                    + (MAX_VALUE - 6));
        }
        byte[] v = new byte[6 + data.length];
        v[0] = (byte) (vendorId >>> 24);
        v[1] = (byte) (vendorId >>> 16);
        v[2] = (byte) (vendorId >>> 8);
        v[3] = (byte) vendorId;
        v[4] = (byte) vendorType;
        v[5] = (byte) (2 + data.length);
        System.arraycopy(data, 0, v, 6, data.length);
        return new RadiusAttribute(VENDOR_SPECIFIC, v);
    }

    /** The Cisco AV-pair VSA (26, vendor 9, type 1), e.g. {@code vrrs=NAME}. */
    public static RadiusAttribute ciscoAvPair(String pair) {
        return vendor(VENDOR_CISCO, CISCO_AVPAIR, pair.getBytes(StandardCharsets.UTF_8));
    }

    /** The value as a 32-bit unsigned integer, for integer attributes. */
    public long intValue() {
        if (value.length != 4) {
            throw new IllegalStateException("attribute " + type + " is not an integer");
        }
        return ((value[0] & 0xffL) << 24) | ((value[1] & 0xff) << 16) | ((value[2] & 0xff) << 8) | (value[3] & 0xff);
    }

    public String stringValue() {
        return new String(value, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RadiusAttribute a && a.type == type && Arrays.equals(a.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return type + "=" + HexFormat.of().formatHex(value);
    }
}
