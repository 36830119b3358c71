package org.openvrrs.net.sim.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openvrrs.net.api.ArpPacket;
import org.openvrrs.net.api.FrameKind;
import org.openvrrs.net.api.FrameListener;
import org.openvrrs.net.api.Frames;
import org.openvrrs.net.api.InterfaceAddress;
import org.openvrrs.net.api.NetInterface;
import org.openvrrs.vrrs.api.MacAddress;

/**
 * The mutable state of one simulated router interface, behind the immutable {@link NetInterface} snapshots the
 * router hands out. Not thread-safe: the owning router guards it.
 */
public final class RouterInterface {
    private final String name;
    private final int index;
    private final MacAddress burnedInMac;
    private final RouterInterface parent;
    private final int vlanId;
    private final List<InterfaceAddress> addresses = new ArrayList<>();
    private final Set<MacAddress> macFilter = new LinkedHashSet<>();
    private final Map<InetAddress, MacAddress> virtualAddresses = new LinkedHashMap<>();
    private final Set<InetAddress> notAccepted = new HashSet<>(); // Network.setAcceptMode(..., false)
    private final Map<FrameKind, ListenerSet<FrameListener>> receivers = new EnumMap<>(FrameKind.class);
    private MacAddress mac;
    private boolean powered = true;
    private boolean adminUp = true;
    private boolean linkUp = true;
    private boolean forcedDown;

    /** @param parent the physical interface of a VLAN subinterface, {@code null} for a physical interface */
    public RouterInterface(String name, int index, MacAddress burnedInMac, RouterInterface parent, int vlanId) {
        this.name = name;
        this.index = index;
        this.burnedInMac = burnedInMac;
        this.mac = burnedInMac;
        this.parent = parent;
        this.vlanId = vlanId;
        for (FrameKind kind : FrameKind.values()) {
            receivers.put(kind, new ListenerSet<>());
        }
    }

    public String name() {
        return name;
    }

    public RouterInterface parent() {
        return parent;
    }

    public int vlanId() {
        return vlanId;
    }

    /** Powered, admin up, link up (a subinterface: its parent's line protocol up) and not forced down. */
    public boolean lineProtocolUp() {
        boolean carrier = parent == null ? powered && linkUp : parent.lineProtocolUp();
        return adminUp && carrier && !forcedDown;
    }

    /** The router's power: off takes every interface's line protocol down, as the router's software sees it. */
    public void setPowered(boolean on) {
        powered = on;
    }

    /**
     * Its own MAC, filter, group addresses, the MACs of its virtual addresses ({@code Network.addVirtualAddress}
     * accepts frames to them) and, for a VLAN subinterface, its parent's MAC filter: on real hardware the
     * subinterfaces share the physical port's filter.
     */
    public boolean accepts(MacAddress destination) {
        return snapshot().accepts(destination) || virtualAddresses.containsValue(destination)
                || (parent != null && parent.macFilter.contains(destination));
    }

    public ListenerSet<FrameListener> receivers(FrameKind kind) {
        return receivers.get(kind);
    }

    public NetInterface snapshot() {
        return new NetInterface(name, index, burnedInMac, mac, addresses, adminUp, lineProtocolUp(),
                parent == null ? null : parent.name, vlanId, macFilter);
    }

    public MacAddress mac() {
        return mac;
    }

    /** @param newMac {@code null} restores the burned-in MAC */
    public void setMac(MacAddress newMac) {
        mac = newMac == null ? burnedInMac : newMac;
    }

    public void setAdminUp(boolean up) {
        adminUp = up;
    }

    public void setLinkUp(boolean up) {
        linkUp = up;
    }

    public void setForcedDown(boolean down) {
        forcedDown = down;
    }

    public void addMacFilter(MacAddress filtered) {
        macFilter.add(filtered);
    }

    public void removeMacFilter(MacAddress filtered) {
        macFilter.remove(filtered);
    }

    public void addAddress(InterfaceAddress address) {
        if (!addresses.contains(address)) {
            addresses.add(address);
        }
    }

    public void removeAddress(InterfaceAddress address) {
        addresses.remove(address);
    }

    /** @param virtualMac {@code null}: the address answers with the interface's own MAC (physical-MAC mode) */
    public void addVirtualAddress(InetAddress address, MacAddress virtualMac) {
        virtualAddresses.put(address, virtualMac);
    }

    public void removeVirtualAddress(InetAddress address) {
        virtualAddresses.remove(address);
    }

    public void setAcceptMode(InetAddress address, boolean accept) {
        if (accept) {
            notAccepted.remove(address);
        } else {
            notAccepted.add(address);
        }
    }

    public boolean acceptsTrafficTo(InetAddress address) {
        return !notAccepted.contains(address);
    }

    /** False for an IP packet whose destination accept mode refuses here ({@code Network.setAcceptMode}). */
    public boolean acceptsTraffic(byte[] frame) {
        int etherType = Frames.etherType(frame);
        int length = etherType == Frames.ETHERTYPE_IPV4 ? 4 : 16;
        int at = Frames.payloadOffset(frame) + (etherType == Frames.ETHERTYPE_IPV4 ? 16 : 24);
        if (notAccepted.isEmpty() || (etherType != Frames.ETHERTYPE_IPV4 && etherType != Frames.ETHERTYPE_IPV6)
                || frame.length < at + length) {
            return true;
        }
        try {
            return acceptsTrafficTo(InetAddress.getByAddress(Arrays.copyOfRange(frame, at, at + length)));
        } catch (UnknownHostException e) {
            throw new AssertionError(e); // 4 or 16 bytes are always an address
        }
    }

    /** Each virtual address with its MAC, the interface's own for one added without a virtual MAC. */
    public Map<InetAddress, MacAddress> virtualAddresses() {
        Map<InetAddress, MacAddress> copy = new LinkedHashMap<>();
        virtualAddresses.forEach((ip, vmac) -> copy.put(ip, vmac == null ? mac : vmac));
        return Map.copyOf(copy);
    }

    /** The MAC that answers ARP for {@code address} here: its virtual MAC, else the interface MAC if it is ours. */
    public MacAddress owner(InetAddress address) {
        if (virtualAddresses.containsKey(address)) {
            MacAddress virtualMac = virtualAddresses.get(address);
            return virtualMac == null ? mac : virtualMac; // null: physical-MAC mode
        }
        return addresses.stream().anyMatch(a -> a.address().equals(address)) ? mac : null;
    }

    /** The reply to an ARP request for an address this interface owns, or {@code null}. */
    public byte[] arpReplyFor(byte[] frame) {
        Optional<ArpPacket> arp = Frames.parseArp(frame);
        if (arp.isEmpty() || !arp.get().isRequest() || arp.get().isGratuitous()) {
            return null;
        }
        ArpPacket request = arp.get();
        MacAddress owner = owner(request.targetIp());
        return owner == null ? null
                : Frames.arpReply(owner, request.targetIp(), request.senderMac(), request.senderIp());
    }
}
