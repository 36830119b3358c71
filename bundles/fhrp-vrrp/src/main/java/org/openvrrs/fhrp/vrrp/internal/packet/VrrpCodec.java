package org.openvrrs.fhrp.vrrp.internal.packet;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.openvrrs.net.api.Frames;
import org.openvrrs.vrrs.api.AddressFamily;
import org.openvrrs.vrrs.api.MacAddress;

import static org.openvrrs.fhrp.vrrp.internal.packet.Checksums.fold;
import static org.openvrrs.fhrp.vrrp.internal.packet.Checksums.pseudoHeaderSum;
import static org.openvrrs.fhrp.vrrp.internal.packet.Checksums.sum;

/**
 * Turns {@link VrrpAdvert}s into whole Ethernet II frames and frames back into adverts, with the receive checks a
 * packet alone can show (RFC 5798 section 7.1, RFC 3768 section 7.1). Keeping every VRRP byte layout here lets the
 * state machine work on values and lets these layouts be tested against hand-checked vectors.
 *
 * <p>Sending builds: destination MAC 01:00:5e:00:00:12 (IPv4) or 33:33:00:00:00:12 (IPv6); an IPv4 header (IHL 5,
 * DSCP CS6 as keepalived and IOS send it, identification 0 with DF set, TTL 255, protocol 112, to 224.0.0.18, with
 * its header checksum) or an IPv6 header (traffic class CS6, hop limit 255, next header 112, to ff02::12); then the
 * VRRP message. No Ethernet padding or FCS: the link pads short frames, as for {@link Frames#ethernet}.
 *
 * <p>Receiving never throws for any frame content: every refusal is a {@link DropReason} in the
 * {@link DecodeResult}. Checks run in this order: Ethernet/IP structure ({@link DropReason#MALFORMED}), TTL or hop
 * limit 255, VRRP header length, version, checksum over the whole IP payload (so any corruption counts as a
 * checksum error), type, length against Count IPvX Addr, VRID, address count, advertisement interval.
 *
 * <p>Stateless and thread-safe.
 */
public final class VrrpCodec {
    /** IP protocol number (IPv4) and next header (IPv6) of VRRP. */
    public static final int IP_PROTOCOL_VRRP = 112;
    /** The TTL / hop limit VRRP sends with and requires on receipt. */
    public static final int TTL = 255;
    /** Ethernet group of 224.0.0.18. */
    public static final MacAddress IPV4_GROUP_MAC = MacAddress.parse("0100.5e00.0012");
    /** Ethernet group of ff02::12. */
    public static final MacAddress IPV6_GROUP_MAC = MacAddress.parse("3333.0000.0012");
    /** The VRRP IPv4 multicast group 224.0.0.18. */
    public static final Inet4Address IPV4_GROUP;
    /** The VRRP IPv6 multicast group ff02::12. */
    public static final Inet6Address IPV6_GROUP;

    static final int IPV4_HEADER_LENGTH = 20;
    static final int IPV6_HEADER_LENGTH = 40;
    static final int VRRP_HEADER_LENGTH = 8;
    static final int V2_AUTH_DATA_LENGTH = 8;
    static final int TYPE_ADVERTISEMENT = 1;
    /** DSCP CS6 (network control) in the IPv4 TOS byte / IPv6 traffic class. */
    static final int TRAFFIC_CLASS_CS6 = 0xc0;
    private static final int IPV4_DONT_FRAGMENT = 0x4000;
    private static final int IPV4_MORE_FRAGMENTS_AND_OFFSET = 0x3fff;

    private static final byte[] IPV4_GROUP_BYTES = {(byte) 224, 0, 0, 18};
    private static final byte[] IPV6_GROUP_BYTES = {(byte) 0xff, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x12};
    private static final byte[] IPV4_GROUP_MAC_BYTES = IPV4_GROUP_MAC.toBytes();
    private static final byte[] IPV6_GROUP_MAC_BYTES = IPV6_GROUP_MAC.toBytes();

    static {
        try {
            IPV4_GROUP = (Inet4Address) InetAddress.getByAddress(IPV4_GROUP_BYTES);
            IPV6_GROUP = Inet6Address.getByAddress(null, IPV6_GROUP_BYTES, -1);
        } catch (UnknownHostException e) {
            throw new ExceptionInInitializerError(e); // 4 and 16 bytes are always addresses
        }
    }

    private VrrpCodec() {
    }

    // ----------------------------------------------------------------------------------------------- encoding

    /** Length of the VRRP message of {@code advert}: 8 + 4n (v3 IPv4), 8 + 16n (v3 IPv6) or 16 + 4n (v2). */
    public static int vrrpLength(VrrpAdvert advert) {
        int addressLength = advert.family() == AddressFamily.IPV6 ? 16 : 4;
        int length = VRRP_HEADER_LENGTH + addressLength * advert.addresses().size();
        return advert.version() == VrrpVersion.V2 ? length + V2_AUTH_DATA_LENGTH : length;
    }

    /** Length of the whole Ethernet frame {@link #encodeFrame} builds for {@code advert}. */
    public static int frameLength(VrrpAdvert advert) {
        int ipHeader = advert.family() == AddressFamily.IPV6 ? IPV6_HEADER_LENGTH : IPV4_HEADER_LENGTH;
        return Frames.ETHERNET_HEADER_LENGTH + ipHeader + vrrpLength(advert);
    }

    /**
     * Builds the whole Ethernet II frame of {@code advert}.
     *
     * @param sourceMac the frame's source: the virtual MAC when Master (RFC 5798 7.3)
     * @param mode      the VRRPv3-over-IPv4 checksum convention; ignored for VRRPv2 and IPv6
     */
    public static byte[] encodeFrame(VrrpAdvert advert, MacAddress sourceMac, Ipv4ChecksumMode mode) {
        byte[] frame = new byte[frameLength(advert)];
        encodeInto(frame, advert, sourceMac, mode);
        return frame;
    }

    /**
     * Writes the frame of {@link #encodeFrame} at the start of {@code buffer}, for a sender that reuses one buffer.
     * Besides the buffer the only allocations are the small copies {@link MacAddress#toBytes()} and
     * {@link InetAddress#getAddress()} return.
     *
     * @return the frame length, {@link #frameLength(VrrpAdvert)}
     * @throws IllegalArgumentException when {@code buffer} is shorter than {@link #frameLength(VrrpAdvert)}
     */
    public static int encodeInto(byte[] buffer, VrrpAdvert advert, MacAddress sourceMac, Ipv4ChecksumMode mode) {
        return encodeInto(buffer, advert, sourceMac, mode, null);
    }

    /**
     * {@link #encodeInto(byte[], VrrpAdvert, MacAddress, Ipv4ChecksumMode)} to {@code destination} instead of the
     * VRRP group (a unicast peer, keepalived's {@code unicast_peer}): the IP destination and the checksum are the
     * peer's; the Ethernet header still names the group, for the sender to replace ({@code Network.sendIp}).
     *
     * @param destination a unicast address of the advert's family; null: the VRRP multicast group
     */
    public static int encodeInto(byte[] buffer, VrrpAdvert advert, MacAddress sourceMac, Ipv4ChecksumMode mode,
            InetAddress destination) {
        Objects.requireNonNull(buffer, "buffer is required");
        Objects.requireNonNull(advert, "advert is required");
        Objects.requireNonNull(sourceMac, "source MAC is required");
        Objects.requireNonNull(mode, "IPv4 checksum mode is required");
        int frameLength = frameLength(advert);
        if (buffer.length < frameLength) {
            throw new IllegalArgumentException("buffer of " + buffer.length + " bytes is shorter than the "
                    + frameLength + "-byte frame");
        }
        boolean ipv6 = advert.family() == AddressFamily.IPV6;
        int vrrpLength = vrrpLength(advert);

        System.arraycopy(ipv6 ? IPV6_GROUP_MAC_BYTES : IPV4_GROUP_MAC_BYTES, 0, buffer, 0, 6);
        System.arraycopy(sourceMac.toBytes(), 0, buffer, 6, 6);
        put16(buffer, 12, ipv6 ? Frames.ETHERTYPE_IPV6 : Frames.ETHERTYPE_IPV4);

        int ip = Frames.ETHERNET_HEADER_LENGTH;
        int addressLength;
        int vrrp;
        if (ipv6) {
            addressLength = 16;
            buffer[ip] = (byte) (0x60 | TRAFFIC_CLASS_CS6 >> 4);     // version 6, traffic class high nibble
            buffer[ip + 1] = (byte) ((TRAFFIC_CLASS_CS6 & 0x0f) << 4); // traffic class low nibble, flow label 0
            buffer[ip + 2] = 0;
            buffer[ip + 3] = 0;
            put16(buffer, ip + 4, vrrpLength);                        // payload length
            buffer[ip + 6] = (byte) IP_PROTOCOL_VRRP;                 // next header
            buffer[ip + 7] = (byte) TTL;                              // hop limit
            System.arraycopy(advert.source().getAddress(), 0, buffer, ip + 8, 16);
            System.arraycopy(destination == null ? IPV6_GROUP_BYTES : destination.getAddress(), 0, buffer, ip + 24, 16);
            vrrp = ip + IPV6_HEADER_LENGTH;
        } else {
            addressLength = 4;
            buffer[ip] = 0x45;                                        // version 4, IHL 5
            buffer[ip + 1] = (byte) TRAFFIC_CLASS_CS6;
            put16(buffer, ip + 2, IPV4_HEADER_LENGTH + vrrpLength);   // total length
            put16(buffer, ip + 4, 0);                                 // identification (atomic datagram, RFC 6864)
            put16(buffer, ip + 6, IPV4_DONT_FRAGMENT);
            buffer[ip + 8] = (byte) TTL;
            buffer[ip + 9] = (byte) IP_PROTOCOL_VRRP;
            put16(buffer, ip + 10, 0);                                // header checksum, set below
            System.arraycopy(advert.source().getAddress(), 0, buffer, ip + 12, 4);
            System.arraycopy(destination == null ? IPV4_GROUP_BYTES : destination.getAddress(), 0, buffer, ip + 16, 4);
            put16(buffer, ip + 10, ~fold(sum(buffer, ip, IPV4_HEADER_LENGTH)));
            vrrp = ip + IPV4_HEADER_LENGTH;
        }

        buffer[vrrp] = (byte) (advert.version().number() << 4 | TYPE_ADVERTISEMENT);
        buffer[vrrp + 1] = (byte) advert.vrid();
        buffer[vrrp + 2] = (byte) advert.priority();
        List<InetAddress> addresses = advert.addresses();
        int count = addresses.size();
        buffer[vrrp + 3] = (byte) count;
        if (advert.version() == VrrpVersion.V3) {
            put16(buffer, vrrp + 4, advert.advertIntervalCentis());   // 4 reserved bits 0, Max Adver Int
        } else {
            buffer[vrrp + 4] = (byte) advert.authType();
            buffer[vrrp + 5] = (byte) advert.advertIntervalSeconds();
        }
        put16(buffer, vrrp + 6, 0);                                   // checksum, set below
        int at = vrrp + VRRP_HEADER_LENGTH;
        for (int i = 0; i < count; i++) {
            System.arraycopy(addresses.get(i).getAddress(), 0, buffer, at, addressLength);
            at += addressLength;
        }
        if (advert.version() == VrrpVersion.V2) {
            long auth = advert.authData();
            for (int i = 0; i < V2_AUTH_DATA_LENGTH; i++) {
                buffer[at + i] = (byte) (auth >>> (56 - 8 * i));
            }
        }

        long sum = sum(buffer, vrrp, vrrpLength);
        if (advert.version() == VrrpVersion.V3 && (ipv6 || mode == Ipv4ChecksumMode.PSEUDO_HEADER)) {
            int source = ip + (ipv6 ? 8 : 12);
            sum += pseudoHeaderSum(buffer, source, source + addressLength, addressLength, vrrpLength);
        }
        put16(buffer, vrrp + 6, ~fold(sum));
        return frameLength;
    }

    // ----------------------------------------------------------------------------------------------- decoding

    /** {@link #decodeFrame(byte[], int)} of the whole array. */
    public static DecodeResult decodeFrame(byte[] frame) {
        return decodeFrame(frame, frame == null ? 0 : frame.length);
    }

    /**
     * Decodes and checks the Ethernet II frame in the first {@code length} bytes of {@code frame}, with or without
     * one 802.1Q tag; bytes after the IP packet (Ethernet padding) are ignored. Never throws: a {@code null} frame
     * or a {@code length} outside the array is {@link DropReason#MALFORMED} too.
     */
    public static DecodeResult decodeFrame(byte[] frame, int length) {
        return decodeFrame(frame, length, true);
    }

    /**
     * @param requireTtl255 false skips the TTL / hop limit check, for a group with unicast peers (keepalived sends
     *                      IPv6 unicast adverts with the default hop limit); its peer list is the check instead
     */
    public static DecodeResult decodeFrame(byte[] frame, int length, boolean requireTtl255) {
        if (frame == null || length < Frames.ETHERNET_HEADER_LENGTH || length > frame.length) {
            return drop(DropReason.MALFORMED, null, null, -1);
        }
        int ip = Frames.payloadOffset(frame);
        if (ip < 0 || ip > length) {
            return drop(DropReason.MALFORMED, null, null, -1);
        }
        int etherType = u16(frame, ip - 2);

        AddressFamily family;
        int ttl;
        int source;
        int destination;
        int addressLength;
        int vrrp;
        int vrrpLength;
        if (etherType == Frames.ETHERTYPE_IPV4) {
            family = AddressFamily.IPV4;
            if (length - ip < IPV4_HEADER_LENGTH || (frame[ip] & 0xf0) != 0x40) {
                return drop(DropReason.MALFORMED, family, null, -1);
            }
            int headerLength = (frame[ip] & 0x0f) * 4;
            int totalLength = u16(frame, ip + 2);
            if (headerLength < IPV4_HEADER_LENGTH || totalLength < headerLength || totalLength > length - ip
                    || (frame[ip + 9] & 0xff) != IP_PROTOCOL_VRRP
                    || (u16(frame, ip + 6) & IPV4_MORE_FRAGMENTS_AND_OFFSET) != 0
                    || fold(sum(frame, ip, headerLength)) != 0xffff) {
                return drop(DropReason.MALFORMED, family, null, -1);
            }
            ttl = frame[ip + 8] & 0xff;
            source = ip + 12;
            destination = ip + 16;
            addressLength = 4;
            vrrp = ip + headerLength;
            vrrpLength = totalLength - headerLength;
        } else if (etherType == Frames.ETHERTYPE_IPV6) {
            family = AddressFamily.IPV6;
            if (length - ip < IPV6_HEADER_LENGTH || (frame[ip] & 0xf0) != 0x60
                    || (frame[ip + 6] & 0xff) != IP_PROTOCOL_VRRP
                    || u16(frame, ip + 4) > length - ip - IPV6_HEADER_LENGTH) {
                return drop(DropReason.MALFORMED, family, null, -1);
            }
            ttl = frame[ip + 7] & 0xff;
            source = ip + 8;
            destination = ip + 24;
            addressLength = 16;
            vrrp = ip + IPV6_HEADER_LENGTH;
            vrrpLength = u16(frame, ip + 4);
        } else {
            return drop(DropReason.MALFORMED, null, null, -1);
        }

        int vrid = vrrpLength >= 2 ? frame[vrrp + 1] & 0xff : -1;
        if (requireTtl255 && ttl != TTL) {
            return drop(DropReason.TTL, family, versionOf(frame, vrrp, vrrpLength), vrid);
        }
        if (vrrpLength < VRRP_HEADER_LENGTH) {
            return drop(DropReason.LENGTH, family, versionOf(frame, vrrp, vrrpLength), vrid);
        }
        VrrpVersion version = versionOf(frame, vrrp, vrrpLength);
        if (version == null || version == VrrpVersion.V2 && family == AddressFamily.IPV6) {
            return drop(DropReason.VERSION, family, version, vrid);
        }

        ChecksumKind checksumKind;
        long vrrpSum = sum(frame, vrrp, vrrpLength);
        if (version == VrrpVersion.V2) {
            checksumKind = ChecksumKind.VRRP_ONLY;
            if (fold(vrrpSum) != 0xffff) {
                return drop(DropReason.CHECKSUM, family, version, vrid);
            }
        } else {
            long pseudo = pseudoHeaderSum(frame, source, destination, addressLength, vrrpLength);
            if (fold(vrrpSum + pseudo) == 0xffff) {
                checksumKind = ChecksumKind.PSEUDO_HEADER;
            } else if (family == AddressFamily.IPV4 && fold(vrrpSum) == 0xffff) {
                checksumKind = ChecksumKind.VRRP_ONLY;
            } else {
                return drop(DropReason.CHECKSUM, family, version, vrid);
            }
        }

        if ((frame[vrrp] & 0x0f) != TYPE_ADVERTISEMENT) {
            return drop(DropReason.INVALID_TYPE, family, version, vrid);
        }
        int count = frame[vrrp + 3] & 0xff;
        int fixed = version == VrrpVersion.V2 ? VRRP_HEADER_LENGTH + V2_AUTH_DATA_LENGTH : VRRP_HEADER_LENGTH;
        if (vrrpLength != fixed + count * addressLength) {
            int otherLength = addressLength == 4 ? 16 : 4;
            boolean otherFamily = version == VrrpVersion.V3 && count > 0 && vrrpLength == fixed + count * otherLength;
            return drop(otherFamily ? DropReason.ADDRESS_FAMILY : DropReason.LENGTH, family, version, vrid);
        }
        if (vrid == 0) {
            return drop(DropReason.VRID, family, version, vrid);
        }
        if (count == 0) {
            return drop(DropReason.ADDRESS_COUNT, family, version, vrid);
        }
        int intervalCentis;
        int authType = VrrpAdvert.AUTH_NONE;
        long authData = 0;
        if (version == VrrpVersion.V3) {
            intervalCentis = u16(frame, vrrp + 4) & VrrpAdvert.MAX_V3_INTERVAL_CENTIS;
        } else {
            authType = frame[vrrp + 4] & 0xff;
            if (authType > VrrpAdvert.AUTH_IP_AH) {
                return drop(DropReason.AUTHENTICATION, family, version, vrid);
            }
            intervalCentis = (frame[vrrp + 5] & 0xff) * 100;
            int auth = vrrp + VRRP_HEADER_LENGTH + count * addressLength;
            for (int i = 0; i < V2_AUTH_DATA_LENGTH; i++) {
                authData = authData << 8 | (frame[auth + i] & 0xff);
            }
        }
        if (intervalCentis == 0) {
            return drop(DropReason.ADVERT_INTERVAL, family, version, vrid);
        }

        InetAddress[] addresses = new InetAddress[count];
        int at = vrrp + VRRP_HEADER_LENGTH;
        for (int i = 0; i < count; i++) {
            addresses[i] = address(frame, at, addressLength);
            at += addressLength;
        }
        return DecodeResult.accepted(new VrrpAdvert(version, vrid, frame[vrrp + 2] & 0xff, family,
                address(frame, source, addressLength), List.of(addresses), intervalCentis, authType, authData,
                checksumKind));
    }

    private static DecodeResult drop(DropReason reason, AddressFamily family, VrrpVersion version, int vrid) {
        return DecodeResult.dropped(reason, family, version, vrid);
    }

    private static VrrpVersion versionOf(byte[] frame, int vrrp, int vrrpLength) {
        if (vrrpLength < 1) {
            return null;
        }
        return switch ((frame[vrrp] & 0xf0) >> 4) {
            case 2 -> VrrpVersion.V2;
            case 3 -> VrrpVersion.V3;
            default -> null;
        };
    }

    /** An address of the packet's own family; IPv4-mapped IPv6 bytes stay an {@link Inet6Address}. */
    private static InetAddress address(byte[] frame, int offset, int length) {
        byte[] bytes = Arrays.copyOfRange(frame, offset, offset + length);
        try {
            return length == 16 ? Inet6Address.getByAddress(null, bytes, -1) : InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new AssertionError(e); // 4 and 16 bytes are always addresses
        }
    }

    private static int u16(byte[] data, int offset) {
        return (data[offset] & 0xff) << 8 | data[offset + 1] & 0xff;
    }

    private static void put16(byte[] data, int offset, int value) {
        data[offset] = (byte) (value >> 8);
        data[offset + 1] = (byte) value;
    }
}
