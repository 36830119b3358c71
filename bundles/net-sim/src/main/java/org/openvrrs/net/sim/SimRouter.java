package org.openvrrs.net.sim;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.openvrrs.net.sim.internal.ListenerSet;
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
    private final Map<String, RouterInterface> interfaces = new LinkedHashMap<>();
    private final Map<RouterInterface, Attachment> attachments = new HashMap<>();
    private final ListenerSet<InterfaceListener> interfaceListeners = new ListenerSet<>();
    private int nextIndex = 1;
    private boolean running = true;

    public SimRouter(String name, Scheduler scheduler) {
        this.name = Objects.requireNonNull(name, "router name is required");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler is required");
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
            RouterInterface added = register(ifname, burnedIn, null, 0, addresses);
            Attachment attachment = new Attachment(lan, frame -> receive(added, frame));
            lan.attach(attachment.port(), scheduler);
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
            RouterInterface parent = require(parentName);
            if (parent.parent() != null) {
                throw new IllegalArgumentException(parentName + " is a subinterface; VLANs go on a physical interface");
            }
            if (subinterface(parent, vlanId) != null) {
                throw new IllegalArgumentException("VLAN " + vlanId + " is already in use on " + parentName);
            }
            return announceAdded(register(name, parent.snapshot().burnedInMac(), parent, vlanId, addresses));
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
            notifyListeners(List.of(new Change(before, null)));
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
        for (RouterInterface iface : List.copyOf(interfaces.values())) {
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
    public void addVirtualAddress(String ifname, InetAddress ip, MacAddress mac) {
        Objects.requireNonNull(ip, "virtual address is required");
        synchronized (this) {
            require(ifname).addVirtualAddress(ip, mac);
        }
    }

    @Override
    public void removeVirtualAddress(String ifname, InetAddress ip) {
        synchronized (this) {
            require(ifname).removeVirtualAddress(ip);
        }
    }

    /** Without accept mode the router drops IP packets to {@code ip} (not ARP or neighbour discovery) it receives. */
    @Override
    public synchronized void setAcceptMode(String ifname, InetAddress ip, boolean accept) {
        require(ifname).setAcceptMode(Objects.requireNonNull(ip, "virtual address is required"), accept);
    }

    public synchronized boolean acceptsTrafficTo(String ifname, InetAddress ip) {
        return require(ifname).acceptsTrafficTo(ip);
    }

    public synchronized Map<InetAddress, MacAddress> virtualAddresses(String ifname) {
        return require(ifname).virtualAddresses();
    }

    @Override
    public synchronized List<NetInterface> interfaces() {
        return interfaces.values().stream().map(RouterInterface::snapshot).toList();
    }

    @Override
    public synchronized Optional<NetInterface> find(String ifname) {
        return Optional.ofNullable(interfaces.get(ifname)).map(RouterInterface::snapshot);
    }

    @Override
    public Registration addInterfaceListener(InterfaceListener listener) {
        return interfaceListeners.add(listener);
    }

    @Override
    public Registration receive(String ifname, FrameKind kind, FrameListener listener) {
        Objects.requireNonNull(kind, "frame kind is required");
        synchronized (this) {
            return require(ifname).receivers(kind).add(listener);
        }
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
            RouterInterface iface = require(ifname);
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
        attachment.lan().transmit(attachment.port(), wireFrame);
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

    private RouterInterface register(String ifname, MacAddress burnedIn, RouterInterface parent, int vlanId,
            InterfaceAddress... addresses) {
        Objects.requireNonNull(ifname, "interface name is required");
        if (interfaces.containsKey(ifname)) {
            throw new IllegalArgumentException(name + " already has an interface named " + ifname);
        }
        RouterInterface iface = new RouterInterface(ifname, nextIndex, burnedIn, parent, vlanId);
        for (InterfaceAddress address : addresses) {
            iface.addAddress(Objects.requireNonNull(address, "addresses must not be null"));
        }
        iface.snapshot(); // validates the name and VLAN before the interface is visible
        nextIndex++;
        interfaces.put(ifname, iface);
        return iface;
    }

    private NetInterface announceAdded(RouterInterface added) {
        NetInterface snapshot = added.snapshot();
        notifyListeners(List.of(new Change(null, snapshot)));
        return snapshot;
    }

    private RouterInterface require(String ifname) {
        RouterInterface iface = interfaces.get(ifname);
        if (iface == null) {
            throw new IllegalArgumentException("no interface named " + ifname);
        }
        return iface;
    }

    /** Applies {@code mutation} to {@code ifname}, then tells listeners of it and of its subinterfaces that changed. */
    private void change(String ifname, Consumer<RouterInterface> mutation) {
        synchronized (this) {
            List<Change> changes = new ArrayList<>();
            RouterInterface iface = require(ifname);
            List<RouterInterface> affected = new ArrayList<>();
            affected.add(iface);
            if (iface.parent() == null) { // a subinterface has no subinterfaces: no scan (4,000 follow one group)
                interfaces.values().stream().filter(i -> i.parent() == iface).forEach(affected::add);
            }
            List<NetInterface> before = affected.stream().map(RouterInterface::snapshot).toList();
            mutation.accept(iface);
            for (int i = 0; i < affected.size(); i++) {
                NetInterface after = affected.get(i).snapshot();
                if (!after.equals(before.get(i))) {
                    changes.add(new Change(before.get(i), after));
                }
            }
            notifyListeners(changes); // under the lock, so listeners see concurrent changes in the order made
        }
    }

    private void notifyListeners(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        changes.forEach(change -> LOG.debug("{}: {} -> {}", name, change.before(), change.after()));
        List<Runnable> notifiers = changes.stream().map(change -> interfaceListeners.notifier(
                listener -> listener.interfaceChanged(change.before(), change.after()))).toList();
        scheduler.execute(() -> notifiers.forEach(Runnable::run));
    }

    /** Takes a frame from the wire of {@code physical}: picks the (sub)interface, filters, answers ARP, dispatches. */
    private boolean receive(RouterInterface physical, byte[] wireFrame) {
        RouterInterface target;
        byte[] frame;
        FrameKind kind;
        byte[] arpReply;
        synchronized (this) {
            int vlanId = Frames.vlanId(wireFrame);
            target = vlanId == 0 ? physical : subinterface(physical, vlanId);
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
            arpReply = kind == FrameKind.ARP ? target.arpReplyFor(frame) : null;
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

    private RouterInterface subinterface(RouterInterface physical, int vlanId) {
        return interfaces.values().stream().filter(i -> i.parent() == physical && i.vlanId() == vlanId)
                .findFirst().orElse(null);
    }

    /** One interface's snapshots around a change, for the listeners. */
    private record Change(NetInterface before, NetInterface after) {
    }

    /** The cable of one physical interface into its LAN. */
    private record Attachment(SimLan lan, Port port) {
    }
}
