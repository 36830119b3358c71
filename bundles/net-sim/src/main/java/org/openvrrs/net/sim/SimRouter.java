package org.openvrrs.net.sim;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.openvrrs.net.api.FrameKind;
import org.openvrrs.net.api.FrameListener;
import org.openvrrs.net.api.Frames;
import org.openvrrs.net.api.InterfaceAddress;
import org.openvrrs.net.api.InterfaceListener;
import org.openvrrs.net.api.NetInterface;
import org.openvrrs.net.api.Network;
import org.openvrrs.net.api.Registration;
import org.openvrrs.net.api.Scheduler;
import org.openvrrs.net.sim.internal.InterfaceEvents;
import org.openvrrs.net.sim.internal.InterfaceEvents.Change;
import org.openvrrs.net.sim.internal.InterfaceTable;
import org.openvrrs.net.sim.internal.Port;
import org.openvrrs.net.sim.internal.RouterInterface;
import org.openvrrs.vrrs.api.MacAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated router: a {@link Network} whose interfaces sit on {@link SimLan}s, so VRRP and the plug-ins run on it
 * exactly as on Linux. It answers ARP for its addresses and for the virtual addresses the VRRP layer gives it.
 *
 * <p>Line protocol = admin up AND link (cable) up AND, for a subinterface, the parent's line protocol up, unless
 * forced down with {@link #setLineProtocol(String, boolean)}. A {@link #stop() stopped} router neither sends nor
 * receives but keeps its state and listeners, like a router that lost power and will boot with the same code.
 * Interface listeners are called on the scheduler after every change.
 */
public final class SimRouter implements Network {
    private static final Logger LOG = LoggerFactory.getLogger(SimRouter.class);

    private final String name;
    private final Scheduler scheduler;
    private final InterfaceTable interfaces;
    private final Map<RouterInterface, Attachment> attachments = new HashMap<>();
    private final InterfaceEvents interfaceEvents;
    private boolean running = true;

    public SimRouter(String name, Scheduler scheduler) {
        this.name = Objects.requireNonNull(name, "router name is required");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler is required");
        this.interfaceEvents = new InterfaceEvents(name, scheduler);
        this.interfaces = new InterfaceTable(name);
    }

    public String name() {
        return name;
    }

    /** Adds a physical interface, admin and link up, with its cable in {@code lan}. */
    public NetInterface addInterface(String ifname, SimLan lan, MacAddress burnedIn, InterfaceAddress... addresses) {
        Objects.requireNonNull(lan, "LAN is required");
        Objects.requireNonNull(burnedIn, "burned-in MAC is required");
        if (Frames.isGroupAddress(burnedIn)) {
            throw new IllegalArgumentException("burned-in MAC " + burnedIn + " of " + ifname + " is a group address");
        }
        synchronized (this) {
            if (lan.scheduler() != scheduler) {
                throw new IllegalArgumentException("LAN " + lan.name() + " runs on another scheduler than " + name);
            }
            RouterInterface added = interfaces.register(ifname, burnedIn, null, 0, addresses);
            Attachment attachment = new Attachment(lan, added);
            lan.attach(attachment, scheduler);
            attachments.put(added, attachment);
            return announceAdded(added);
        }
    }

    /** Adds VLAN subinterface {@code parent.vlanId}, tagging on the parent's LAN, with the parent's burned-in MAC. */
    public NetInterface addSubinterface(String parentName, int vlanId, InterfaceAddress... addresses) {
        return addVlan(parentName + "." + vlanId, parentName, vlanId, addresses);
    }

    @Override
    public void addVlanSubinterface(String name, String parentName, int vlanId) {
        addVlan(name, parentName, vlanId);
    }

    private NetInterface addVlan(String name, String parentName, int vlanId, InterfaceAddress... addresses) {
        if (vlanId < 1 || vlanId > 4094) {
            throw new IllegalArgumentException("VLAN id " + vlanId + " is outside 1-4094");
        }
        synchronized (this) {
            RouterInterface parent = interfaces.require(parentName);
            if (parent.parent() != null) {
                throw new IllegalArgumentException(parentName + " is a subinterface; VLANs go on a physical interface");
            }
            if (interfaces.subinterface(parent, vlanId) != null) {
                throw new IllegalArgumentException("VLAN " + vlanId + " is already in use on " + parentName);
            }
            return announceAdded(interfaces.register(name, parent.snapshot().burnedInMac(), parent, vlanId,
                    addresses));
        }
    }

    @Override
    public boolean removeVlanSubinterface(String ifname) {
        synchronized (this) {
            RouterInterface iface = interfaces.get(ifname);
            if (iface == null || iface.parent() == null) {
                return false;
            }
            NetInterface before = iface.snapshot();
            interfaces.remove(ifname);
            interfaceEvents.publish(List.of(new Change(before, null)));
            return true;
        }
    }

    /** Plugs ({@code true}) or pulls the cable of a physical interface. */
    public void setLink(String ifname, boolean up) {
        change(ifname, iface -> {
            if (iface.parent() != null) {
                throw new IllegalArgumentException(ifname + " is a subinterface; set the link of "
                        + iface.parent().name());
            }
            iface.setLinkUp(up);
        });
    }

    /**
     * Powers the router off: it neither sends nor receives, and its interfaces' line protocol goes down (what
     * software on the router sees as it dies). Configuration and listeners are kept.
     */
    public synchronized void stop() {
        running = false;
        power(false);
        LOG.info("router {} stopped", name);
    }

    /** Powers a stopped router on again. */
    public synchronized void start() {
        running = true;
        power(true);
        LOG.info("router {} started", name);
    }

    private void power(boolean on) {
        for (RouterInterface iface : List.copyOf(interfaces.all())) {
            if (iface.parent() == null) {
                change(iface.name(), i -> i.setPowered(on));
            }
        }
    }

    public synchronized boolean isRunning() {
        return running;
    }

    /**
     * Answers ARP requests for {@code ip} on {@code ifname} with {@code mac}, as a VRRP master does; {@code null}:
     * with the interface's own MAC.
     */
    @Override
    public synchronized void addVirtualAddress(String ifname, InetAddress ip, MacAddress mac) {
        interfaces.require(ifname).addVirtualAddress(Objects.requireNonNull(ip, "virtual address is required"),
                mac);
    }

    @Override
    public synchronized void removeVirtualAddress(String ifname, InetAddress ip) {
        interfaces.require(ifname).removeVirtualAddress(ip);
    }

    /** Without accept mode the router drops IP packets to {@code ip} (not ARP or neighbour discovery) it receives. */
    @Override
    public synchronized void setAcceptMode(String ifname, InetAddress ip, boolean accept) {
        interfaces.require(ifname).setAcceptMode(Objects.requireNonNull(ip, "virtual address is required"),
                accept);
    }

    public synchronized boolean acceptsTrafficTo(String ifname, InetAddress ip) {
        return interfaces.require(ifname).acceptsTrafficTo(ip);
    }

    public synchronized Map<InetAddress, MacAddress> virtualAddresses(String ifname) {
        return interfaces.require(ifname).virtualAddresses();
    }

    @Override
    public synchronized List<NetInterface> interfaces() {
        return interfaces.all().stream().map(RouterInterface::snapshot).toList();
    }

    @Override
    public synchronized Optional<NetInterface> find(String ifname) {
        return Optional.ofNullable(interfaces.get(ifname)).map(RouterInterface::snapshot);
    }

    @Override
    public Registration addInterfaceListener(InterfaceListener listener) {
        return interfaceEvents.add(listener);
    }

    @Override
    public synchronized Registration receive(String ifname, FrameKind kind, FrameListener listener) {
        return interfaces.require(ifname).receivers(Objects.requireNonNull(kind, "frame kind is required"))
                .add(listener);
    }

    @Override
    public void send(String ifname, byte[] ethernetFrame) {
        Objects.requireNonNull(ethernetFrame, "frame is required");
        if (ethernetFrame.length < Frames.ETHERNET_HEADER_LENGTH) {
            throw new IllegalArgumentException("a frame of " + ethernetFrame.length + " bytes has no Ethernet header");
        }
        Attachment attachment;
        byte[] wireFrame;
        synchronized (this) {
            RouterInterface iface = interfaces.require(ifname);
            if (!running || !iface.lineProtocolUp()) {
                LOG.debug("{} {}: frame not sent, {}", name, ifname, running ? "line protocol down" : "router stopped");
                return;
            }
            RouterInterface physical = iface.parent() == null ? iface : iface.parent();
            if (iface.parent() != null && Frames.vlanId(ethernetFrame) != 0) {
                throw new IllegalArgumentException("send untagged frames on " + ifname + "; it adds its VLAN tag");
            }
            wireFrame = iface.parent() == null ? ethernetFrame.clone()
                    : Frames.addVlanTag(ethernetFrame, iface.vlanId());
            attachment = attachments.get(physical);
        }
        attachment.lan.transmit(attachment, wireFrame);
    }

    /** Resolves {@code destination} on the LAN at once, as a warm neighbour cache would; unresolved: not sent. */
    @Override
    public void sendIp(String ifname, InetAddress destination, byte[] ipPacket) {
        Attachment attachment;
        MacAddress source;
        int vlanId;
        synchronized (this) {
            RouterInterface iface = interfaces.require(ifname);
            attachment = attachments.get(iface.parent() == null ? iface : iface.parent());
            source = iface.mac();
            vlanId = iface.vlanId();
        }
        MacAddress mac = attachment.lan.resolve(attachment, vlanId, destination);
        if (mac != null) {
            send(ifname, Frames.ipFrame(mac, source, ipPacket));
        }
    }

    @Override
    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public void setLineProtocol(String ifname, boolean up) {
        change(ifname, iface -> iface.setForcedDown(!up));
    }

    @Override
    public void setAdminState(String ifname, boolean up) {
        change(ifname, iface -> iface.setAdminUp(up));
    }

    @Override
    public void setMac(String ifname, MacAddress mac) {
        if (mac != null && Frames.isGroupAddress(mac)) {
            throw new IllegalArgumentException("MAC " + mac + " for " + ifname + " is a group address");
        }
        change(ifname, iface -> iface.setMac(mac));
    }

    @Override
    public void addMacFilter(String ifname, MacAddress mac) {
        Objects.requireNonNull(mac, "MAC is required");
        change(ifname, iface -> iface.addMacFilter(mac));
    }

    @Override
    public void removeMacFilter(String ifname, MacAddress mac) {
        Objects.requireNonNull(mac, "MAC is required");
        change(ifname, iface -> iface.removeMacFilter(mac));
    }

    /** Adds {@code address} after those already there; does nothing when it is already there. */
    @Override
    public void addAddress(String ifname, InterfaceAddress address) {
        Objects.requireNonNull(address, "address is required");
        change(ifname, iface -> iface.addAddress(address));
    }

    /** Removes {@code address}; does nothing when it is not there. */
    @Override
    public void removeAddress(String ifname, InterfaceAddress address) {
        Objects.requireNonNull(address, "address is required");
        change(ifname, iface -> iface.removeAddress(address));
    }

    @Override
    public String toString() {
        return "SimRouter " + name;
    }

    private NetInterface announceAdded(RouterInterface added) {
        NetInterface snapshot = added.snapshot();
        interfaceEvents.publish(List.of(new Change(null, snapshot)));
        return snapshot;
    }

    /** Applies {@code mutation} to {@code ifname}, then tells listeners of it and of its subinterfaces that changed. */
    private void change(String ifname, Consumer<RouterInterface> mutation) {
        synchronized (this) {
            List<Change> changes = new ArrayList<>();
            RouterInterface iface = interfaces.require(ifname);
            List<RouterInterface> affected = new ArrayList<>();
            affected.add(iface);
            if (iface.parent() == null) { // a subinterface has no subinterfaces: no scan (4,000 follow one group)
                interfaces.all().stream().filter(i -> i.parent() == iface).forEach(affected::add);
            }
            List<NetInterface> before = affected.stream().map(RouterInterface::snapshot).toList();
            mutation.accept(iface);
            for (int i = 0; i < affected.size(); i++) {
                NetInterface after = affected.get(i).snapshot();
                if (!after.equals(before.get(i))) {
                    changes.add(new Change(before.get(i), after));
                }
            }
            interfaceEvents.publish(changes); // under the lock, so listeners see concurrent changes in the order made
        }
    }

    /** Takes a frame from the wire of {@code physical}: picks the (sub)interface, filters, answers ARP, dispatches. */
    private boolean receive(RouterInterface physical, byte[] wireFrame) {
        RouterInterface target;
        byte[] frame;
        FrameKind kind;
        byte[] arpReply;
        synchronized (this) {
            int vlanId = Frames.vlanId(wireFrame);
            target = vlanId == 0 ? physical : interfaces.subinterface(physical, vlanId);
            if (!running || target == null || !target.lineProtocolUp()) {
                return false;
            }
            frame = Frames.removeVlanTag(wireFrame);
            if (!target.accepts(Frames.destination(frame))) {
                return false;
            }
            kind = FrameKind.classify(frame);
            if (kind != FrameKind.NEIGHBOR_DISCOVERY && !target.acceptsTraffic(frame)) {
                return false;
            }
            arpReply = kind == FrameKind.ARP ? target.arpReplyTo(frame) : null;
        }
        if (kind != null) {
            long now = scheduler.nanoTime();
            String ifname = target.name();
            target.receivers(kind).forEach(listener -> listener.onFrame(ifname, frame.clone(), now));
        }
        if (arpReply != null) {
            send(target.name(), arpReply);
        }
        return true;
    }

    /**
     * The MAC that owns {@code ip} on VLAN {@code vlanId} (0: untagged) of {@code physical}: what an ARP request or
     * neighbour solicitation from the LAN would get back; null when nothing here answers.
     */
    private synchronized MacAddress ownerOf(RouterInterface physical, int vlanId, InetAddress ip) {
        RouterInterface target = vlanId == 0 ? physical : interfaces.subinterface(physical, vlanId);
        return !running || target == null || !target.lineProtocolUp() ? null : target.owner(ip);
    }

    /** The cable of one physical interface into its LAN. */
    private final class Attachment implements Port {
        final SimLan lan;
        final RouterInterface physical;

        Attachment(SimLan lan, RouterInterface physical) {
            this.lan = lan;
            this.physical = physical;
        }

        @Override
        public boolean offer(byte[] wireFrame) {
            return receive(physical, wireFrame);
        }

        @Override
        public MacAddress owner(int vlanId, InetAddress ip) {
            return ownerOf(physical, vlanId, ip);
        }
    }
}
