package org.openvrrs.net.sim;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openvrrs.net.api.ArpPacket;
import org.openvrrs.net.api.Frames;
import org.openvrrs.net.api.InterfaceAddress;
import org.openvrrs.net.sim.internal.Port;
import org.openvrrs.vrrs.api.MacAddress;

/**
 * A host on a {@link SimLan}, always up, that learns an ARP table from every ARP message it receives, answers ARP
 * for its own address and remembers what it received, so tests and the demo see which MAC answers for an address.
 */
public final class SimHost {
    /** How many received frames {@link #received()} keeps. */
    public static final int RECEIVED_KEPT = 1000;

    private final String name;
    private final SimLan lan;
    private final MacAddress mac;
    private final InterfaceAddress address;
    private final int vlanId;
    private final Port port = this::receive;
    private final Map<InetAddress, MacAddress> arpTable = new HashMap<>();
    private final Deque<byte[]> received = new ArrayDeque<>();

    /** An untagged host. */
    public SimHost(String name, SimLan lan, MacAddress mac, InterfaceAddress address) {
        this(name, lan, mac, address, 0);
    }

    /** @param vlanId the VLAN the host's access port is in, its frames tagged on the LAN; 0 for untagged */
    public SimHost(String name, SimLan lan, MacAddress mac, InterfaceAddress address, int vlanId) {
        this.name = Objects.requireNonNull(name, "host name is required");
        this.lan = Objects.requireNonNull(lan, "LAN is required");
        this.mac = Objects.requireNonNull(mac, "MAC is required");
        this.address = Objects.requireNonNull(address, "address is required");
        if (Frames.isGroupAddress(mac)) {
            throw new IllegalArgumentException("MAC " + mac + " of host " + name + " is a group address");
        }
        if (vlanId < 0 || vlanId > 4094) {
            throw new IllegalArgumentException("VLAN id " + vlanId + " of host " + name + " is outside 0-4094");
        }
        this.vlanId = vlanId;
        lan.attach(port, lan.scheduler());
    }

    public String name() {
        return name;
    }

    public MacAddress mac() {
        return mac;
    }

    public InterfaceAddress address() {
        return address;
    }

    /** Broadcasts an ARP request for {@code target}; the answer lands in {@link #arpTable()}. */
    public void arp(InetAddress target) {
        if (!(target instanceof Inet4Address targetIp) || !(address.address() instanceof Inet4Address ownIp)) {
            throw new IllegalArgumentException("ARP needs IPv4: host " + name + " is " + address + ", target is "
                    + target);
        }
        send(Frames.arpRequest(mac, ownIp, targetIp));
    }

    /** Sends an untagged Ethernet frame from this host (tagged on the LAN when the host is in a VLAN). */
    public void send(byte[] ethernetFrame) {
        Objects.requireNonNull(ethernetFrame, "frame is required");
        if (Frames.payloadOffset(ethernetFrame) != Frames.ETHERNET_HEADER_LENGTH) {
            throw new IllegalArgumentException("host " + name + " sends untagged Ethernet frames only");
        }
        lan.transmit(port, vlanId == 0 ? ethernetFrame.clone() : Frames.addVlanTag(ethernetFrame, vlanId));
    }

    /** Learned IPv4 address to MAC bindings; the latest ARP message about an address wins. */
    public synchronized Map<InetAddress, MacAddress> arpTable() {
        return Map.copyOf(arpTable);
    }

    /** Drops what the host learned for {@code ip}, so the next ARP shows who answers now. */
    public synchronized void forget(InetAddress ip) {
        arpTable.remove(ip);
    }

    public synchronized Optional<MacAddress> macFor(InetAddress ip) {
        return Optional.ofNullable(arpTable.get(ip));
    }

    /** Copies of the last {@link #RECEIVED_KEPT} frames received for this host, untagged, oldest first. */
    public synchronized List<byte[]> received() {
        return received.stream().map(byte[]::clone).toList();
    }

    public synchronized void clearReceived() {
        received.clear();
    }

    @Override
    public String toString() {
        return "SimHost " + name + " " + address + " " + mac;
    }

    private boolean receive(byte[] wireFrame) {
        if (Frames.vlanId(wireFrame) != vlanId) {
            return false;
        }
        byte[] frame = Frames.removeVlanTag(wireFrame).clone();
        MacAddress destination = Frames.destination(frame);
        if (!destination.equals(mac) && !Frames.isGroupAddress(destination)) {
            return false;
        }
        Optional<ArpPacket> arp = Frames.parseArp(frame);
        synchronized (this) {
            if (received.size() == RECEIVED_KEPT) {
                received.removeFirst();
            }
            received.addLast(frame);
            arp.filter(packet -> !packet.senderIp().isAnyLocalAddress())
                    .ifPresent(packet -> arpTable.put(packet.senderIp(), packet.senderMac()));
        }
        arp.filter(packet -> packet.isRequest() && !packet.isGratuitous()
                        && packet.targetIp().equals(address.address()))
                .ifPresent(request -> send(Frames.arpReply(mac, (Inet4Address) address.address(),
                        request.senderMac(), request.senderIp())));
        return true;
    }
}
