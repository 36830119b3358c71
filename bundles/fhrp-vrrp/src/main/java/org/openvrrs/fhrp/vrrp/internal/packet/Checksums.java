package org.openvrrs.fhrp.vrrp.internal.packet;

/** The Internet checksum (RFC 1071) arithmetic of {@link VrrpCodec}. */
final class Checksums {
    private Checksums() {
    }

    /**
     * The one's complement sum (RFC 1071), not yet folded, of the pseudo-header: source and destination address,
     * the upper-layer length and protocol 112. The IPv4 (RFC 768 layout) and IPv6 (RFC 8200 8.1) pseudo-headers
     * have the same sum for lengths below 65536, so one routine serves both.
     */
    static long pseudoHeaderSum(byte[] packet, int source, int destination, int addressLength, int vrrpLength) {
        return sum(packet, source, addressLength) + sum(packet, destination, addressLength) + vrrpLength
                + VrrpCodec.IP_PROTOCOL_VRRP;
    }

    /** The sum of the big-endian 16-bit words of {@code length} bytes at {@code offset}, odd byte zero-padded. */
    static long sum(byte[] data, int offset, int length) {
        long sum = 0;
        int end = offset + (length & ~1);
        for (int i = offset; i < end; i += 2) {
            sum += (data[i] & 0xff) << 8 | data[i + 1] & 0xff;
        }
        if ((length & 1) != 0) {
            sum += (data[end] & 0xff) << 8;
        }
        return sum;
    }

    /** Folds the carries of a one's complement sum into 16 bits. */
    static int fold(long sum) {
        while (sum >>> 16 != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) sum;
    }
}
