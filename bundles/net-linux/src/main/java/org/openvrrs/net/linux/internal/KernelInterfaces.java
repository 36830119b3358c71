package org.openvrrs.net.linux.internal;

import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openvrrs.net.api.InterfaceListener;
import org.openvrrs.net.api.NetInterface;
import org.openvrrs.net.api.Registration;
import org.openvrrs.net.api.Scheduler;
import org.openvrrs.vrrs.api.MacAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured devices as the kernel has them: read with {@code ip -json}, followed with {@code ip monitor}
 * ({@link IpMonitor}), plus what the appliance forces on them (line protocol down, MAC filter). Turns that into each
 * {@link Device}'s snapshot and tells the interface listeners, on the {@link Scheduler}, of every change.
 *
 * <p>Owns all this state, under its own lock. It tells one {@link Presence} when a device appears or vanishes, with the
 * lock held, and writes its own link commands to the {@link IpBatch}.
 */
final class KernelInterfaces implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KernelInterfaces.class);
    private static final Logger DEBUG = LoggerFactory.getLogger("org.openvrrs.debug.infra.linux");
    /** From this many IPv6 devices on, carrier changes get slow enough to warn about (docs/benchmarks-plugins.md). */
    static final int MANY_IPV6_DEVICES = 500;

    /** Told, under the lock, when a configured device appears in the kernel ({@code true}) or vanishes. */
    interface Presence {
        void setPresent(Device d, boolean present);
    }

    /** A device's kernel state and burned-in MAC, read together. */
    record Present(IpLink link, MacAddress burnedInMac) {
    }

    /** One configured device's kernel state and what we force on it. */
    private static final class State {
        final Device device;
        final Set<MacAddress> macFilter = new LinkedHashSet<>();
        IpLink link; // null while the device does not exist
        MacAddress firstMac;
        boolean forcedDown;
        /** protodown off written, not yet seen by a re-read: the line protocol follows the link meanwhile. */
        boolean protoDownReleased;
        /** Link states taken from monitor lines: a dump read before the latest one must not undo it. */
        long monitorUpdates;

        State(Device device) {
            this.device = device;
        }

        MacAddress burnedInMac() {
            return link.permanentMac() != null ? link.permanentMac() : firstMac;
        }
    }

    private final Scheduler scheduler;
    private final IpBatch batch;
    private final Presence presence;
    private final IpMonitor monitor = new IpMonitor(this::monitorLine);
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "net-linux-refresh");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private final CopyOnWriteArrayList<Callbacks.Entry<InterfaceListener>> listeners = new CopyOnWriteArrayList<>();
    private final Map<Device, State> states = new LinkedHashMap<>(); // filled by the constructor, then only read
    /** The same by Linux name; fixed at construction, so read without a lock. */
    private final Map<String, State> byDev = new HashMap<>();
    private boolean closed;

    /** @param scheduler where interface listeners are called */
    KernelInterfaces(List<Device> devices, Scheduler scheduler, IpBatch batch, Presence presence) {
        this.scheduler = scheduler;
        this.batch = batch;
        this.presence = presence;
        devices.forEach(d -> states.put(d, new State(d)));
        states.values().forEach(s -> byDev.put(s.device.dev, s));
    }

    /** Starts following link changes and reads every device once; logs what is missing or costly. */
    void start() {
        monitor.start();
        refresh();
        synchronized (this) {
            states.values().stream().filter(s -> s.link == null).forEach(s -> LOG.error(
                    "interface {} (org.openvrrs.net.linux interfaces) does not exist; waiting for it", s.device.label));
            long ipv6 = states.values().stream().filter(s -> s.link != null && s.link.addresses().stream()
                    .anyMatch(a -> a.address() instanceof Inet6Address)).count();
            if (ipv6 >= MANY_IPV6_DEVICES) {
                LOG.warn("{} interfaces have IPv6 on: every line-protocol change walks the whole IPv6 routing table "
                        + "(milliseconds each at this scale); disable IPv6 on subinterfaces that do not need it "
                        + "(net.ipv6.conf.<dev>.disable_ipv6=1), see docs/benchmarks-plugins.md", ipv6);
            }
        }
    }

    /**
     * A line of {@code ip monitor} ({@code null}: anything may have changed). A link line of one of our devices is
     * taken as it is, with no re-read: a storm of changes on thousands of subinterfaces costs no {@code ip} process
     * and no dump of every link. Anything else about our devices (addresses, a device appearing or deleted) is
     * re-read with one coalesced dump.
     */
    private void monitorLine(String line) {
        String dev = line == null ? null : IpMonitor.deviceOf(line);
        State s = dev == null ? null : byDev.get(dev);
        if (line != null && s == null) {
            return;
        }
        IpMonitor.LinkLine state = line == null ? null : IpMonitor.linkLine(line);
        if (state != null) {
            synchronized (this) {
                if (!closed && s.link != null && s.link.index() == state.index()) {
                    s.monitorUpdates++;
                    apply(s, s.link.withLinkState(state.flags(), state.mac(), state.protoDown()));
                    return;
                }
            }
        }
        if (refreshQueued.compareAndSet(false, true)) {
            try {
                refresher.execute(() -> {
                    refreshQueued.set(false);
                    refresh();
                });
            } catch (RejectedExecutionException e) {
                refreshQueued.set(false); // closing
            }
        }
    }

    /** Reads every link with one {@code ip -json} call and applies what changed. */
    private void refresh() {
        Map<State, Long> updatesBefore = new HashMap<>();
        synchronized (this) {
            states.values().forEach(s -> updatesBefore.put(s, s.monitorUpdates));
        }
        List<IpLink> links;
        try {
            links = IpLink.parseAll(IpProcess.run("-json", "-details", "addr", "show"));
        } catch (IllegalStateException | IllegalArgumentException e) {
            LOG.warn("cannot read interfaces: {}", e.getMessage());
            return;
        }
        Map<String, IpLink> now = new HashMap<>();
        links.forEach(l -> now.put(l.name(), l));
        synchronized (this) {
            if (closed) {
                return;
            }
            for (State s : states.values()) {
                IpLink link = now.get(s.device.dev);
                if (link != null && s.link != null && s.link.index() == link.index()
                        && s.monitorUpdates != updatesBefore.get(s)) {
                    // a monitor line newer than this dump set the link state: keep it, take the rest
                    link = link.withLinkState(s.link.flags(), s.link.mac(), s.link.protoDown());
                }
                apply(s, link);
            }
        }
    }

    /** Takes {@code link} (null: the device does not exist) as the kernel state of {@code s}. Holds the lock. */
    private void apply(State s, IpLink link) {
        boolean appeared = s.link == null && link != null;
        boolean vanished = s.link != null && link == null;
        s.link = link;
        if (link != null && !link.protoDown()) {
            s.protoDownReleased = false;
        }
        if (appeared) {
            s.firstMac = s.firstMac != null ? s.firstMac : link.mac();
            Platform.setArpSysctls(s.device.dev);
            presence.setPresent(s.device, true);
            if (s.forcedDown || link.protoDown()) {
                // forced down before it existed, or a crashed run's protodown: the kernel follows our view
                batch.submit(List.of(VirtualMacs.protoDown(s.device.dev, s.forcedDown)));
                s.protoDownReleased = !s.forcedDown;
            }
        } else if (vanished) {
            presence.setPresent(s.device, false);
        }
        publish(s);
    }

    /** Recomputes the snapshot of {@code s} and tells listeners if it changed. Holds the lock. */
    private void publish(State s) {
        NetInterface before = s.device.snapshot();
        NetInterface after = snapshot(s);
        if (Objects.equals(before, after)) {
            return;
        }
        s.device.setSnapshot(after);
        DEBUG.debug("{}: {} -> {}", s.device.name, before, after);
        List<Callbacks.Entry<InterfaceListener>> now = List.copyOf(listeners);
        Callbacks.execute(scheduler, () -> {
            for (Callbacks.Entry<InterfaceListener> e : now) {
                if (e.open) {
                    try {
                        e.listener.interfaceChanged(before, after);
                    } catch (RuntimeException ex) {
                        LOG.error("interface listener {} failed", e.listener, ex);
                    }
                }
            }
        });
    }

    /** The snapshot of {@code s}, its parent named as the appliance names it. Holds the lock. */
    private NetInterface snapshot(State s) {
        IpLink link = s.link;
        if (link == null) {
            return null;
        }
        State p = link.parent() == null ? null : byDev.get(link.parent());
        boolean lineUp = link.lineUp() || (s.protoDownReleased && link.protoDown() && link.adminUp());
        return new NetInterface(s.device.name, link.index(), s.burnedInMac(), link.mac(), link.addresses(),
                link.adminUp(), lineUp && !s.forcedDown, p != null ? p.device.name : link.parent(), link.vlanId(),
                s.macFilter);
    }

    /** Snapshots of every existing device, ordered by index. */
    synchronized List<NetInterface> interfaces() {
        List<NetInterface> list = new ArrayList<>();
        states.keySet().forEach(d -> {
            if (d.snapshot() != null) {
                list.add(d.snapshot());
            }
        });
        list.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return list;
    }

    Registration addInterfaceListener(InterfaceListener listener) {
        return Callbacks.add(listeners, new Callbacks.Entry<>(listener));
    }

    /** The kernel state of {@code d}; throws {@link IllegalArgumentException} when the device does not exist. */
    synchronized Present requirePresent(Device d) {
        State s = present(d);
        return new Present(s.link, s.burnedInMac());
    }

    private State present(Device d) {
        State s = states.get(d);
        if (s.link == null) {
            throw new IllegalArgumentException("interface " + d.label + " does not exist on this host");
        }
        return s;
    }

    /** The burned-in MAC of {@code d}, {@code null} while it does not exist. */
    synchronized MacAddress burnedInMac(Device d) {
        State s = states.get(d);
        return s.link == null ? null : s.burnedInMac();
    }

    /** Forces the line protocol down with {@code protodown on}, or lets it follow the link again. */
    synchronized void setLineProtocol(Device d, boolean up) {
        State s = states.get(d);
        if (s.forcedDown == !up) {
            return;
        }
        s.forcedDown = !up;
        if (s.link != null) {
            batch.submit(List.of(VirtualMacs.protoDown(d.dev, !up)));
            s.protoDownReleased = up;
        }
        publish(s);
    }

    /** The kernel has no per-MAC unicast filter in iproute2: the device goes promiscuous while the filter is set. */
    synchronized void addMacFilter(Device d, MacAddress mac) {
        State s = present(d);
        if (s.macFilter.add(Objects.requireNonNull(mac, "MAC is required")) && s.macFilter.size() == 1) {
            batch.submit(List.of("link set dev " + d.dev + " promisc on"));
        }
        publish(s);
    }

    synchronized void removeMacFilter(Device d, MacAddress mac) {
        State s = present(d);
        if (s.macFilter.remove(Objects.requireNonNull(mac, "MAC is required")) && s.macFilter.isEmpty()) {
            batch.submit(List.of("link set dev " + d.dev + " promisc off"));
        }
        publish(s);
    }

    /**
     * Stops taking kernel state; returns, per device in configuration order, the lines that undo what was forced
     * on it (protodown, promiscuous mode). {@code null} when already stopped.
     */
    synchronized Map<Device, List<String>> stop() {
        if (closed) {
            return null;
        }
        closed = true;
        Map<Device, List<String>> undo = new LinkedHashMap<>();
        for (State s : states.values()) {
            List<String> lines = new ArrayList<>();
            if (s.forcedDown && s.link != null) {
                lines.add(VirtualMacs.protoDown(s.device.dev, false));
            }
            if (!s.macFilter.isEmpty() && s.link != null) {
                lines.add("link set dev " + s.device.dev + " promisc off");
            }
            undo.put(s.device, lines);
        }
        return undo;
    }

    /** Stops following links and closes the interface listeners; after {@link #stop()}. */
    @Override
    public void close() {
        monitor.close();
        refresher.shutdownNow();
        try {
            refresher.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        listeners.forEach(e -> e.open = false);
        listeners.clear();
    }
}
