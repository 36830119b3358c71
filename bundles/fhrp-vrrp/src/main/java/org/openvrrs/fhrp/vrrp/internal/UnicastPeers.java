package org.openvrrs.fhrp.vrrp.internal;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.openvrrs.fhrp.vrrp.internal.packet.Ipv4ChecksumMode;
import org.openvrrs.fhrp.vrrp.internal.packet.VrrpAdvert;
import org.openvrrs.fhrp.vrrp.internal.packet.VrrpCodec;
import org.openvrrs.net.api.Frames;
import org.openvrrs.net.api.InterfaceAddress;
import org.openvrrs.net.api.NetInterface;
import org.openvrrs.net.api.Network;
import org.openvrrs.vrrs.api.AddressFamily;
import org.openvrrs.vrrs.api.IpAddresses;
import org.openvrrs.vrrs.api.MacAddress;

/**
 * keepalived's {@code unicast_peer} and {@code unicast_src_ip} for one group: its adverts go to each peer instead of
 * the VRRP multicast group, and adverts from any other address are dropped and counted. For networks that do not
 * deliver multicast (clouds, some switches).
 *
 * @param peers  the peers' addresses; empty: multicast, the default
 * @param source the address adverts leave from; null: the interface's own (IPv4 primary, IPv6 link-local)
 */
record UnicastPeers(List<InetAddress> peers, InetAddress source) {
    static final UnicastPeers MULTICAST = new UnicastPeers(List.of(), null);

    UnicastPeers {
        peers = List.copyOf(peers);
    }

    boolean isUnicast() {
        return !peers.isEmpty();
    }

    /** Whether an advert from {@code sender} is for this group: any sender in multicast mode, else a listed peer. */
    boolean accepts(InetAddress sender) {
        return peers.isEmpty() || peers.contains(sender);
    }

    /**
     * Sends {@code advert} to each peer, encoded into {@code buffer} (a whole frame's room) once per peer: the
     * checksum covers the peer's address.
     */
    void send(Network network, String ifname, byte[] buffer, VrrpAdvert advert, MacAddress mac,
            Ipv4ChecksumMode mode) {
        for (InetAddress peer : peers) {
            int length = VrrpCodec.encodeInto(buffer, advert, mac, mode, peer);
            network.sendIp(ifname, peer, Arrays.copyOfRange(buffer, Frames.ETHERNET_HEADER_LENGTH, length));
        }
    }

    /** The address to send from on {@code iface}: the configured source when the interface has it, else its own. */
    Optional<InetAddress> sourceOn(NetInterface iface, AddressFamily family) {
        if (source == null) {
            return sourceAddressOf(iface, family);
        }
        return iface.hasAddress(source) ? Optional.of(source) : Optional.empty();
    }

    /** IPv4: the interface's primary address; IPv6: its link-local address (RFC 5798 5.1.2.1). */
    static Optional<InetAddress> sourceAddressOf(NetInterface iface, AddressFamily family) {
        return iface.addresses().stream().map(InterfaceAddress::address)
                .filter(family::contains)
                .filter(a -> family == AddressFamily.IPV4 || a.isLinkLocalAddress())
                .findFirst();
    }

    /**
     * Reads {@code unicastPeers} and {@code unicastSource}. No {@code unicastPeers} key is multicast; a key that
     * lists nothing is refused, never taken for multicast: an operator who wrote it meant unicast.
     *
     * @param peerTexts the key's values, empty when the key is absent
     */
    static UnicastPeers parse(AddressFamily family, String[] peerTexts, String sourceText) {
        boolean sourceGiven = sourceText != null && !sourceText.isBlank();
        if (peerTexts == null || peerTexts.length == 0) {
            if (sourceGiven) {
                throw new IllegalArgumentException("unicastSource is set but unicastPeers is not: a source is only "
                        + "used for unicast adverts");
            }
            return MULTICAST;
        }
        List<InetAddress> peers = VrrpGroupConfig.parseAddresses(peerTexts).stream().map(a -> {
            check(family, a, "unicast peer");
            return a;
        }).toList();
        if (peers.isEmpty()) {
            throw new IllegalArgumentException("unicastPeers lists no address: list the peers, or remove the key to "
                    + "use multicast");
        }
        if (peers.stream().distinct().count() != peers.size()) {
            throw new IllegalArgumentException("unicast peers are listed twice");
        }
        InetAddress source = sourceGiven ? IpAddresses.parse("unicast source", sourceText.trim()) : null;
        if (source != null) {
            check(family, source, "unicast source");
        }
        return new UnicastPeers(peers, source);
    }

    private static void check(AddressFamily family, InetAddress a, String what) {
        if (!family.contains(a)) {
            throw new IllegalArgumentException(what + " " + IpAddresses.format(a) + " is not " + family.label());
        }
        if (a.isMulticastAddress() || a.isAnyLocalAddress() || a.isLoopbackAddress()) {
            throw new IllegalArgumentException(what + " " + IpAddresses.format(a) + " must be a unicast address");
        }
    }
}
