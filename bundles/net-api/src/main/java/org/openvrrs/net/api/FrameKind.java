package org.openvrrs.net.api;

/**
 * The kinds of frames the appliance receives, so a {@link Network} hands each protocol only its own traffic instead of
 * every frame on the wire.
 */
public enum FrameKind {
    /** VRRP adverts: IPv4 protocol 112 or IPv6 next header 112. */
    VRRP,
    /** ARP requests and replies (EtherType 0x0806). */
    ARP,
    /** IPv6 Neighbor Discovery: ICMPv6 types 133-137 (router/neighbor solicitation and advertisement, redirect). */
    NEIGHBOR_DISCOVERY;

    static final int IP_PROTOCOL_VRRP = 112;
    static final int IP_PROTOCOL_ICMPV6 = 58;
    private static final int IPV4_MIN_HEADER = 20;
    private static final int IPV6_HEADER = 40;

    /**
     * Tells the kind of an Ethernet II frame, with or without one 802.1Q tag.
     *
     * @return the kind, or {@code null} for other traffic and for frames too short or malformed to tell
     */
    public static FrameKind classify(byte[] ethernetFrame) {
        if (ethernetFrame == null || ethernetFrame.length < Frames.ETHERNET_HEADER_LENGTH) {
            return null;
        }
        int offset = Frames.payloadOffset(ethernetFrame);
        if (offset < 0) {
            return null;
        }
        return switch (Frames.etherType(ethernetFrame)) {
            case Frames.ETHERTYPE_ARP -> ARP;
            case Frames.ETHERTYPE_IPV4 -> classifyIpv4(ethernetFrame, offset);
            case Frames.ETHERTYPE_IPV6 -> classifyIpv6(ethernetFrame, offset);
            default -> null;
        };
    }

    private static FrameKind classifyIpv4(byte[] frame, int offset) {
        if (frame.length < offset + IPV4_MIN_HEADER || (frame[offset] & 0xf0) != 0x40) {
            return null;
        }
        return (frame[offset + 9] & 0xff) == IP_PROTOCOL_VRRP ? VRRP : null;
    }

    private static FrameKind classifyIpv6(byte[] frame, int offset) {
        if (frame.length < offset + IPV6_HEADER || (frame[offset] & 0xf0) != 0x60) {
            return null;
        }
        int nextHeader = frame[offset + 6] & 0xff;
        if (nextHeader == IP_PROTOCOL_VRRP) {
            return VRRP;
        }
        if (nextHeader == IP_PROTOCOL_ICMPV6 && frame.length > offset + IPV6_HEADER) {
            int icmpType = frame[offset + IPV6_HEADER] & 0xff;
            return icmpType >= 133 && icmpType <= 137 ? NEIGHBOR_DISCOVERY : null;
        }
        return null;
    }
}
