package org.openvrrs.fhrp.vrrp.internal.packet;

import java.net.InetAddress;
import java.util.HexFormat;
import java.util.List;
import org.openvrrs.vrrs.api.IpAddresses;

/**
 * Test helpers to read hex vectors and to repair checksums after a test mutates a frame. The checksum code here is
 * written separately from {@link VrrpCodec}'s so a shared mistake cannot hide.
 */
final class TestPackets {
    static final int ETH = 14;

    private TestPackets() {
    }

    static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replaceAll("\\s+", ""));
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static InetAddress ip(String literal) {
        return IpAddresses.parse("test address", literal);
    }

    static List<InetAddress> ips(String... literals) {
        return java.util.Arrays.stream(literals).map(TestPackets::ip).toList();
    }

    /** RFC 1071: one's complement of the one's complement sum of the 16-bit words, over several ranges. */
    static int internetChecksum(byte[]... parts) {
        int total = 0;
        for (byte[] part : parts) {
            total += part.length;
        }
        byte[] all = new byte[total + (total & 1)];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        long sum = 0;
        for (int i = 0; i < all.length; i += 2) {
            sum += ((all[i] & 0xff) << 8) + (all[i + 1] & 0xff);
        }
        while (sum > 0xffff) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) (~sum & 0xffff);
    }

    static byte[] slice(byte[] data, int from, int length) {
        return java.util.Arrays.copyOfRange(data, from, from + length);
    }

    static void put16(byte[] data, int offset, int value) {
        data[offset] = (byte) (value >> 8);
        data[offset + 1] = (byte) value;
    }

    static int u16(byte[] data, int offset) {
        return ((data[offset] & 0xff) << 8) | (data[offset + 1] & 0xff);
    }

    /** Recomputes the header checksum of the untagged IPv4 frame (IHL taken from the header). */
    static byte[] fixIpv4HeaderChecksum(byte[] frame) {
        int ihl = (frame[ETH] & 0x0f) * 4;
        put16(frame, ETH + 10, 0);
        put16(frame, ETH + 10, internetChecksum(slice(frame, ETH, ihl)));
        return frame;
    }

    /**
     * Recomputes the VRRP checksum of an untagged IPv4 or IPv6 frame over the IP payload, with or without the
     * pseudo-header (IPv6 pseudo-header layout for IPv6, RFC 768 layout for IPv4).
     */
    static byte[] fixVrrpChecksum(byte[] frame, boolean pseudoHeader) {
        boolean ipv6 = (frame[ETH] & 0xf0) == 0x60;
        int vrrp;
        int length;
        byte[] pseudo;
        if (ipv6) {
            vrrp = ETH + 40;
            length = u16(frame, ETH + 4);
            pseudo = new byte[40];
            System.arraycopy(frame, ETH + 8, pseudo, 0, 32);
            pseudo[34] = (byte) (length >> 8);
            pseudo[35] = (byte) length;
            pseudo[39] = 112;
        } else {
            int ihl = (frame[ETH] & 0x0f) * 4;
            vrrp = ETH + ihl;
            length = u16(frame, ETH + 2) - ihl;
            pseudo = new byte[12];
            System.arraycopy(frame, ETH + 12, pseudo, 0, 8);
            pseudo[9] = 112;
            pseudo[10] = (byte) (length >> 8);
            pseudo[11] = (byte) length;
        }
        put16(frame, vrrp + 6, 0);
        byte[] message = slice(frame, vrrp, length);
        put16(frame, vrrp + 6, pseudoHeader ? internetChecksum(pseudo, message) : internetChecksum(message));
        return frame;
    }
}
