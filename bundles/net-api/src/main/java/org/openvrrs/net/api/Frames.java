package org.openvrrs.net.api;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.openvrrs.vrrs.api.MacAddress;

/**
 * Builds and reads Ethernet II, 802.1Q, ARP and unsolicited Neighbor Advertisement frames, so the simulated and the
 * Linux {@link Network} share one implementation of these byte layouts.
 */
public final class Frames {
    public static final int ETHERNET_HEADER_LENGTH = 14;
    public static final int VLAN_TAG_LENGTH = 4;
    public static final int ETHERTYPE_IPV4 = 0x0800;
    public static final int ETHERTYPE_ARP = 0x0806;
    public static final int ETHERTYPE_VLAN = 0x8100;
    public static final int ETHERTYPE_IPV6 = 0x86dd;
    public static final MacAddress BROADCAST = MacAddress.parse("ffff.ffff.ffff");
    /** The Ethernet group of the IPv6 all-nodes address ff02::1. */
    public static final MacAddress IPV6_ALL_NODES_MAC = MacAddress.parse("3333.0000.0001");

    private static final int ARP_LENGTH = 28;
    private static final int IPV6_HEADER_LENGTH = 40;
    private static final int ICMPV6_NEIGHBOR_ADVERT = 136;
    private static final int NA_FLAGS_ROUTER_OVERRIDE = 0xa0;
    private static final int NA_LENGTH = 32;
    private static final byte[] IPV6_ALL_NODES = {(byte) 0xff, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};

    private Frames() {
    }

    /** The 14-byte Ethernet II header. */
    public static byte[] ethernetHeader(MacAddress destination, MacAddress source, int etherType) {
        return ethernet(destination, source, etherType, new byte[0]);
    }

    /** An Ethernet II frame: header then {@code payload}. No padding to 60 bytes, no FCS. */
    public static byte[] ethernet(MacAddress destination, MacAddress source, int etherType, byte[] payload) {
        Objects.requireNonNull(destination, "destination MAC is required");
        Objects.requireNonNull(source, "source MAC is required");
        requireUnsigned16(etherType, "EtherType");
        return ByteBuffer.allocate(ETHERNET_HEADER_LENGTH + payload.length)
                .put(destination.toBytes()).put(source.toBytes()).putShort((short) etherType).put(payload).array();
    }

    /**
     * An Ethernet II frame carrying the IP packet {@code ipPacket}: EtherType IPv4 or IPv6 by its version nibble.
     *
     * @since 1.2
     */
    public static byte[] ipFrame(MacAddress destination, MacAddress source, byte[] ipPacket) {
        int version = ipPacket.length == 0 ? 0 : (ipPacket[0] & 0xf0) >> 4;
        if (version != 4 && version != 6) {
            throw new IllegalArgumentException("not an IPv4 or IPv6 packet (version " + version + ")");
        }
        return ethernet(destination, source, version == 4 ? ETHERTYPE_IPV4 : ETHERTYPE_IPV6, ipPacket);
    }

    /**
     * The destination address of the IPv4 or IPv6 packet {@code ipPacket} (IP header first, no Ethernet header).
     *
     * @since 1.2
     */
    public static InetAddress ipDestination(byte[] ipPacket) {
        int version = ipPacket.length == 0 ? 0 : (ipPacket[0] & 0xf0) >> 4;
        int at = version == 4 ? 16 : 24;
        int length = version == 4 ? 4 : 16;
        if ((version != 4 && version != 6) || ipPacket.length < at + length) {
            throw new IllegalArgumentException("not an IPv4 or IPv6 packet");
        }
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(ipPacket, at, at + length));
        } catch (UnknownHostException e) {
            throw new AssertionError(e); // 4 or 16 bytes are always an address
        }
    }

    public static MacAddress destination(byte[] frame) {
        return macAt(frame, 0);
    }

    public static MacAddress source(byte[] frame) {
        return macAt(frame, 6);
    }

    /** The EtherType of the payload, after an 802.1Q tag when there is one; -1 when the frame is too short. */
    public static int etherType(byte[] frame) {
        int offset = payloadOffset(frame);
        return offset < 0 ? -1 : unsigned16(frame, offset - 2);
    }

    /** Where the payload starts: 14, or 18 after an 802.1Q tag; -1 when the frame is too short. */
    public static int payloadOffset(byte[] frame) {
        if (frame.length < ETHERNET_HEADER_LENGTH) {
            return -1;
        }
        if (unsigned16(frame, 12) != ETHERTYPE_VLAN) {
            return ETHERNET_HEADER_LENGTH;
        }
        return frame.length < ETHERNET_HEADER_LENGTH + VLAN_TAG_LENGTH ? -1 : ETHERNET_HEADER_LENGTH + VLAN_TAG_LENGTH;
    }

    /** The 802.1Q VLAN id of a tagged frame, 0 when untagged. */
    public static int vlanId(byte[] frame) {
        return payloadOffset(frame) == ETHERNET_HEADER_LENGTH + VLAN_TAG_LENGTH ? unsigned16(frame, 14) & 0x0fff : 0;
    }

    /** A copy of an untagged frame with an 802.1Q tag for {@code vlanId} (priority 0) after the MACs. */
    public static byte[] addVlanTag(byte[] frame, int vlanId) {
        if (vlanId < 1 || vlanId > 4094) {
            throw new IllegalArgumentException("VLAN id " + vlanId + " is outside 1-4094");
        }
        if (payloadOffset(frame) != ETHERNET_HEADER_LENGTH) {
            throw new IllegalArgumentException("only an untagged Ethernet frame can be tagged");
        }
        return ByteBuffer.allocate(frame.length + VLAN_TAG_LENGTH).put(frame, 0, 12)
                .putShort((short) ETHERTYPE_VLAN).putShort((short) vlanId).put(frame, 12, frame.length - 12).array();
    }

    /** A copy of {@code frame} without its 802.1Q tag; the frame itself when untagged. */
    public static byte[] removeVlanTag(byte[] frame) {
        if (payloadOffset(frame) != ETHERNET_HEADER_LENGTH + VLAN_TAG_LENGTH) {
            return frame;
        }
        return ByteBuffer.allocate(frame.length - VLAN_TAG_LENGTH).put(frame, 0, 12)
                .put(frame, 12 + VLAN_TAG_LENGTH, frame.length - 12 - VLAN_TAG_LENGTH).array();
    }

    /** Whether {@code mac} is broadcast or multicast (the I/G bit is set). */
    public static boolean isGroupAddress(MacAddress mac) {
        return (mac.toBytes()[0] & 1) != 0;
    }

    /**
     * A gratuitous ARP (an ARP announcement, RFC 5227): a broadcast request in which sender and target IP are
     * {@code ip}, sender MAC is {@code mac} and target MAC is zero. Hosts and switches learn that {@code mac} now owns
     * {@code ip}; VRRP sends it when it becomes master.
     */
    public static byte[] gratuitousArp(Inet4Address ip, MacAddress mac) {
        return arp(BROADCAST, new ArpPacket(ArpPacket.REQUEST, mac, ip, MacAddress.ZERO, ip));
    }

    /** A broadcast ARP request: who has {@code targetIp}? */
    public static byte[] arpRequest(MacAddress senderMac, Inet4Address senderIp, Inet4Address targetIp) {
        return arp(BROADCAST, new ArpPacket(ArpPacket.REQUEST, senderMac, senderIp, MacAddress.ZERO, targetIp));
    }

    /** A unicast ARP reply to {@code targetMac}: {@code senderIp} is at {@code senderMac}. */
    public static byte[] arpReply(MacAddress senderMac, Inet4Address senderIp, MacAddress targetMac,
            Inet4Address targetIp) {
        return arp(targetMac, new ArpPacket(ArpPacket.REPLY, senderMac, senderIp, targetMac, targetIp));
    }

    /** An Ethernet frame to {@code destination} from the packet's sender MAC carrying {@code packet}. */
    public static byte[] arp(MacAddress destination, ArpPacket packet) {
        byte[] arp = ByteBuffer.allocate(ARP_LENGTH)
                .putShort((short) 1)                       // hardware type: Ethernet
                .putShort((short) ETHERTYPE_IPV4)          // protocol type: IPv4
                .put((byte) 6).put((byte) 4)               // address lengths
                .putShort((short) packet.operation())
                .put(packet.senderMac().toBytes()).put(packet.senderIp().getAddress())
                .put(packet.targetMac().toBytes()).put(packet.targetIp().getAddress())
                .array();
        return ethernet(destination, packet.senderMac(), ETHERTYPE_ARP, arp);
    }

    /** Decodes an Ethernet/IPv4 ARP frame (tagged or not); empty for anything else. */
    public static Optional<ArpPacket> parseArp(byte[] frame) {
        int offset = payloadOffset(frame);
        if (offset < 0 || etherType(frame) != ETHERTYPE_ARP || frame.length < offset + ARP_LENGTH
                || unsigned16(frame, offset) != 1 || unsigned16(frame, offset + 2) != ETHERTYPE_IPV4
                || frame[offset + 4] != 6 || frame[offset + 5] != 4) {
            return Optional.empty();
        }
        int operation = unsigned16(frame, offset + 6);
        if (operation != ArpPacket.REQUEST && operation != ArpPacket.REPLY) {
            return Optional.empty();
        }
        return Optional.of(new ArpPacket(operation, macAt(frame, offset + 8), ipv4At(frame, offset + 14),
                macAt(frame, offset + 18), ipv4At(frame, offset + 24)));
    }

    /**
     * An unsolicited Neighbor Advertisement (RFC 4861 4.4) to all nodes ff02::1, from and for {@code ip}, with the
     * Router and Override flags set and {@code mac} as target link-layer address, as VRRP sends for IPv6 on takeover
     * (RFC 5798 6.4.2).
     */
    public static byte[] unsolicitedNeighborAdvert(Inet6Address ip, MacAddress mac) {
        byte[] icmp = ByteBuffer.allocate(NA_LENGTH)
                .put((byte) ICMPV6_NEIGHBOR_ADVERT).put((byte) 0).putShort((short) 0) // type, code, checksum
                .put((byte) NA_FLAGS_ROUTER_OVERRIDE).put(new byte[3])
                .put(ip.getAddress())
                .put((byte) 2).put((byte) 1).put(mac.toBytes())                     // target link-layer address
                .array();
        int checksum = icmpv6Checksum(ip.getAddress(), IPV6_ALL_NODES, icmp);
        icmp[2] = (byte) (checksum >> 8);
        icmp[3] = (byte) checksum;
        byte[] ipv6 = ByteBuffer.allocate(IPV6_HEADER_LENGTH + icmp.length)
                .putInt(0x6000_0000)                       // version 6, traffic class and flow label 0
                .putShort((short) icmp.length)
                .put((byte) FrameKind.IP_PROTOCOL_ICMPV6)
                .put((byte) 255)                           // hop limit: ND requires 255
                .put(ip.getAddress()).put(IPV6_ALL_NODES).put(icmp)
                .array();
        return ethernet(IPV6_ALL_NODES_MAC, mac, ETHERTYPE_IPV6, ipv6);
    }

    /** The Internet checksum of ICMPv6 data with its IPv6 pseudo-header (RFC 8200 8.1). */
    static int icmpv6Checksum(byte[] source, byte[] destination, byte[] icmp) {
        long sum = sumWords(source) + sumWords(destination) + icmp.length + FrameKind.IP_PROTOCOL_ICMPV6
                + sumWords(icmp);
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) (~sum & 0xffff);
    }

    private static long sumWords(byte[] data) {
        long sum = 0;
        for (int i = 0; i < data.length; i += 2) {
            int high = data[i] & 0xff;
            int low = i + 1 < data.length ? data[i + 1] & 0xff : 0;
            sum += (high << 8) | low;
        }
        return sum;
    }

    private static MacAddress macAt(byte[] frame, int offset) {
        byte[] mac = new byte[6];
        System.arraycopy(frame, offset, mac, 0, 6);
        return MacAddress.of(mac);
    }

    private static Inet4Address ipv4At(byte[] frame, int offset) {
        byte[] ip = new byte[4];
        System.arraycopy(frame, offset, ip, 0, 4);
        try {
            return (Inet4Address) InetAddress.getByAddress(ip);
        } catch (UnknownHostException e) {
            throw new AssertionError(e); // 4 bytes are always an IPv4 address
        }
    }

    private static int unsigned16(byte[] frame, int offset) {
        return ((frame[offset] & 0xff) << 8) | (frame[offset + 1] & 0xff);
    }

    private static void requireUnsigned16(int value, String what) {
        if (value < 0 || value > 0xffff) {
            throw new IllegalArgumentException(what + " " + value + " is outside 0-65535");
        }
    }
}
