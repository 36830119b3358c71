package org.openvrrs.net.linux.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.openvrrs.net.api.FrameKind;
import org.openvrrs.net.api.FrameListener;
import org.openvrrs.net.api.Frames;
import org.openvrrs.net.api.InterfaceAddress;
import org.openvrrs.net.api.InterfaceListener;
import org.openvrrs.net.api.NetInterface;
import org.openvrrs.net.api.Network;
import org.openvrrs.net.api.Registration;
import org.openvrrs.net.api.Scheduler;
import org.openvrrs.vrrs.api.DebugLoggers;
import org.openvrrs.vrrs.api.IpAddresses;
import org.openvrrs.vrrs.api.MacAddress;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Network} on real Linux devices: frames through libpcap ({@link PcapPort}, one receive thread per device
 * handing frames to the {@link Scheduler}), link control through one long-lived {@code ip -batch} process
 * ({@link IpBatch}), state read with {@code ip -json} and followed with {@code ip monitor} ({@link IpMonitor}).
 * A virtual address lives on a macvlan with the virtual MAC ({@link VirtualMacs}).
 *
 * <p>Public with a plain constructor so tests and tools run it without OSGi ({@link LinuxPlatform} is the OSGi
 * shell). Only the configured devices are interfaces of this network; a configured device that does not exist yet is
 * waited for. Each has an appliance name (what VRRP groups, plug-ins and show commands use, e.g.
 * {@code GigabitEthernet0/0/0.10}) and a Linux device name ({@code eth0.10}); by default they are the same.
 */
public final class LinuxNetwork implements Network, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LinuxNetwork.class);
    private static final Logger DEBUG = LoggerFactory.getLogger(DebugLoggers.name("infra", "linux"));
    /** Frames waiting for the scheduler beyond this are dropped and counted: a stuck scheduler must not eat memory. */
    static final int MAX_PENDING_FRAMES = 10_000;
    /** From this many IPv6 devices on, carrier changes get slow enough to warn about (docs/benchmarks-plugins.md). */
    static final int MANY_IPV6_DEVICES = 500;

    private final Map<String, String> devices; // appliance name -> Linux device
    private final Scheduler scheduler;
    private final String pcapLibrary;
    private final int realtimePriority;
    private final AtomicBoolean realtimeRefused = new AtomicBoolean();
    private final IpBatch batch = new IpBatch();
    /** Every frame leaves through this one socket; set by {@link #start()}. */
    private volatile PacketSocket sender;
    private final IpMonitor monitor;
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "net-linux-refresh");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private final CopyOnWriteArrayList<ListenerEntry<InterfaceListener>> interfaceListeners =
            new CopyOnWriteArrayList<>();
    private final Map<String, Device> byName = new LinkedHashMap<>(); // filled by the constructor, then only read
    /** The same devices by Linux name; fixed at construction, so read without a lock. */
    private final Map<String, Device> byDev = new HashMap<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private boolean closed;

    /** One configured device: its kernel state, what we force on it, its pcap port and frame listeners. */
    private static final class Device {
        /** The appliance's name for it: every Network call and listener callback uses this one. */
        final String name;
        /** The Linux device: every ip command, pcap handle and sysctl uses this one. */
        final String dev;
        final Map<FrameKind, CopyOnWriteArrayList<ListenerEntry<FrameListener>>> receivers =
                new EnumMap<>(FrameKind.class);
        final Set<MacAddress> macFilter = new LinkedHashSet<>();
        final Map<InetAddress, MacAddress> virtualAddresses = new HashMap<>();
        final Map<String, Set<InetAddress>> macvlans = new HashMap<>();
        /** Virtual addresses given the virtual MAC by changing this subinterface's own MAC (no macvlan). */
        final Set<InetAddress> ownMacAddresses = new HashSet<>();
        IpLink link; // null while the device does not exist
        MacAddress firstMac;
        boolean forcedDown;
        /** protodown off written, not yet seen by a re-read: the line protocol follows the link meanwhile. */
        boolean protoDownReleased;
        /** Link states taken from monitor lines: a dump read before the latest one must not undo it. */
        long monitorUpdates;
        PcapPort port;
        final AtomicLong sendErrors = new AtomicLong();
        /** Written under the lock; read without it on the send and receive paths. */
        volatile NetInterface snapshot;

        Device(String name, String dev) {
            this.name = name;
            this.dev = dev;
            for (FrameKind k : FrameKind.values()) {
                receivers.put(k, new CopyOnWriteArrayList<>());
            }
        }

        /** @param parentName the appliance name of the kernel's lower device (its Linux name when not configured) */
        NetInterface snapshot(String parentName) {
            if (link == null) {
                return null;
            }
            MacAddress burnedIn = link.permanentMac() != null ? link.permanentMac() : firstMac;
            boolean lineUp = link.lineUp() || (protoDownReleased && link.protoDown() && link.adminUp());
            return new NetInterface(name, link.index(), burnedIn, link.mac(), link.addresses(), link.adminUp(),
                    lineUp && !forcedDown, parentName, link.vlanId(), macFilter);
        }
    }

    private static final class ListenerEntry<T> {
        final T listener;
        volatile boolean open = true;

        ListenerEntry(T listener) {
            this.listener = listener;
        }
    }

    /**
     * @param devices     Linux device names the appliance uses (e.g. eth0, eth0.10), each under its own name
     * @param scheduler   where every callback runs; owned by the caller
     * @param pcapLibrary path of libpcap, "" to look in the usual places
     */
    public LinuxNetwork(List<String> devices, Scheduler scheduler, String pcapLibrary) {
        this(InterfaceMap.identity(devices), scheduler, pcapLibrary);
    }

    /** {@link #LinuxNetwork(Map, Scheduler, String, int)} at the default real-time priority. */
    public LinuxNetwork(Map<String, String> interfaces, Scheduler scheduler, String pcapLibrary) {
        this(interfaces, scheduler, pcapLibrary, Realtime.DEFAULT_PRIORITY);
    }

    /**
     * @param interfaces       appliance interface name -> Linux device, in the order to show them (see
     *                         {@link InterfaceMap})
     * @param scheduler        where every callback runs; owned by the caller, its thread is put under real-time
     *                         scheduling at {@code realtimePriority} by {@link #start()}
     * @param pcapLibrary      path of libpcap, "" to look in the usual places
     * @param realtimePriority SCHED_FIFO priority of the scheduler's and the receive threads (see {@link Realtime}),
     *                         0 to keep the normal scheduler
     */
    public LinuxNetwork(Map<String, String> interfaces, Scheduler scheduler, String pcapLibrary,
            int realtimePriority) {
        this.realtimePriority = Realtime.validate(realtimePriority);
        this.devices = InterfaceMap.validate(interfaces);
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler is required");
        this.pcapLibrary = pcapLibrary == null ? "" : pcapLibrary;
        this.monitor = new IpMonitor(this::monitorLine);
        this.devices.forEach((name, dev) -> byName.put(name, new Device(name, dev)));
        byName.values().forEach(d -> byDev.put(d.dev, d));
    }

    /**
     * Checks the host, removes virtual-MAC macvlans a crashed run left behind, sets the ARP sysctls, opens the
     * devices and starts following link changes. Throws {@link IllegalStateException} with a one-line reason.
     */
    public void start() {
        Platform.requireCapabilities();
        java.nio.file.Path lib = Platform.configureLibpcap(pcapLibrary);
        try {
            LOG.info("libpcap: {} ({})", lib, Pcaps.libVersion());
        } catch (UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError e) {
            throw new IllegalStateException("libpcap " + lib + " cannot be loaded: " + e.getMessage());
        }
        PacketSocket socket = new PacketSocket();
        socket.warmUp();
        sender = socket;
        scheduler.execute(() -> runRealtime("protocol"));
        List<IpLink> links = IpLink.parseAll(IpProcess.run("-json", "-details", "addr", "show"));
        for (String stale : VirtualMacs.stale(links)) {
            LOG.info("removing {} left behind by an earlier run", stale);
            try {
                IpProcess.run("link", "del", "dev", stale);
            } catch (IllegalStateException e) {
                LOG.warn(e.getMessage());
            }
        }
        monitor.start();
        refresh();
        synchronized (this) {
            byName.values().stream().filter(d -> d.link == null).forEach(d -> LOG.error(
                    "interface {} (org.openvrrs.net.linux interfaces) does not exist; waiting for it", label(d)));
            long ipv6 = byName.values().stream().filter(d -> d.link != null && d.link.addresses().stream()
                    .anyMatch(a -> a.address() instanceof Inet6Address)).count();
            if (ipv6 >= MANY_IPV6_DEVICES) {
                LOG.warn("{} interfaces have IPv6 on: every line-protocol change walks the whole IPv6 routing table "
                        + "(milliseconds each at this scale); disable IPv6 on subinterfaces that do not need it "
                        + "(net.ipv6.conf.<dev>.disable_ipv6=1), see docs/benchmarks-plugins.md", ipv6);
            }
        }
    }

    // ---- state

    /**
     * A line of {@code ip monitor} ({@code null}: anything may have changed). A link line of one of our devices is
     * taken as it is, with no re-read: a storm of changes on thousands of subinterfaces costs no {@code ip} process
     * and no dump of every link. Anything else about our devices (addresses, a device appearing or deleted) is
     * re-read with one coalesced dump.
     */
    private void monitorLine(String line) {
        String dev = line == null ? null : IpMonitor.deviceOf(line);
        Device d = dev == null ? null : byDev.get(dev);
        if (line != null && d == null) {
            return;
        }
        IpMonitor.LinkLine state = line == null ? null : IpMonitor.linkLine(line);
        if (state != null) {
            synchronized (this) {
                if (!closed && d.link != null && d.link.index() == state.index()) {
                    d.monitorUpdates++;
                    apply(d, d.link.withLinkState(state.flags(), state.mac(), state.protoDown()));
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
            } catch (java.util.concurrent.RejectedExecutionException e) {
                refreshQueued.set(false); // closing
            }
        }
    }

    /** Reads every link with one {@code ip -json} call and applies what changed. */
    private void refresh() {
        Map<Device, Long> updatesBefore = new HashMap<>();
        synchronized (this) {
            byName.values().forEach(d -> updatesBefore.put(d, d.monitorUpdates));
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
            for (Device d : byName.values()) {
                IpLink link = now.get(d.dev);
                if (link != null && d.link != null && d.link.index() == link.index()
                        && d.monitorUpdates != updatesBefore.get(d)) {
                    // a monitor line newer than this dump set the link state: keep it, take the rest
                    link = link.withLinkState(d.link.flags(), d.link.mac(), d.link.protoDown());
                }
                apply(d, link);
            }
        }
    }

    /** Takes {@code link} (null: the device does not exist) as the kernel state of {@code d}. Holds the lock. */
    private void apply(Device d, IpLink link) {
        boolean appeared = d.link == null && link != null;
        d.link = link;
        if (link != null && !link.protoDown()) {
            d.protoDownReleased = false;
        }
        if (appeared) {
            d.firstMac = d.firstMac != null ? d.firstMac : link.mac();
            Platform.setArpSysctls(d.dev);
            if (d.receivers.values().stream().anyMatch(l -> !l.isEmpty())) {
                openPort(d); // else at the first receiver
            }
            if (d.forcedDown || link.protoDown()) {
                // forced down before it existed, or a crashed run's protodown: the kernel follows our view
                batch.submit(List.of(VirtualMacs.protoDown(d.dev, d.forcedDown)));
                d.protoDownReleased = !d.forcedDown;
            }
        } else if (link == null && d.port != null) {
            closePort(d);
            LOG.warn("interface {} disappeared", label(d));
        }
        publish(d);
    }

    /** Recomputes the snapshot of {@code d} and tells listeners if it changed. Holds the lock. */
    private void publish(Device d) {
        NetInterface before = d.snapshot;
        NetInterface after = snapshot(d);
        if (Objects.equals(before, after)) {
            return;
        }
        d.snapshot = after;
        DEBUG.debug("{}: {} -> {}", d.name, before, after);
        List<ListenerEntry<InterfaceListener>> listeners = List.copyOf(interfaceListeners);
        executeSafely(() -> {
            for (ListenerEntry<InterfaceListener> e : listeners) {
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

    /**
     * Opens the device's pcap port, only on devices with a frame listener (the VRRP engine's interfaces), so
     * thousands of plug-in subinterfaces cost no receive ring, no thread and no packet socket each. Holds the lock.
     */
    private void openPort(Device d) {
        try {
            d.port = new PcapPort(d.dev, () -> runRealtime("receive"), (frame, age) -> received(d, frame, age));
            LOG.info("{}: capturing VRRP, ARP and neighbour discovery", label(d));
        } catch (PcapNativeException | NotOpenException | RuntimeException e) {
            LOG.error("{}: cannot open for capture: {}", label(d), e.getMessage());
        }
    }

    /** Puts the calling thread under real-time scheduling; a refusal is logged once, and the thread runs on. */
    private void runRealtime(String role) {
        String refused = Realtime.raiseCurrentThread(realtimePriority);
        String thread = Thread.currentThread().getName();
        if (refused == null) {
            if (realtimePriority > 0) {
                LOG.info("{} thread {}: real-time scheduling (SCHED_FIFO {})", role, thread, realtimePriority);
            }
        } else if (realtimeRefused.compareAndSet(false, true)) {
            LOG.warn("{} thread {}: real-time scheduling refused: {}. Takeovers may fire late on a busy host; it needs "
                    + "CAP_SYS_NICE and, under cgroup v1 real-time groups, a cpu.rt_runtime_us budget (realtimePriority "
                    + "= 0 in {} stops asking)", role, thread, refused, LinuxPlatform.PID);
        } else {
            LOG.debug("{} thread {}: real-time scheduling refused: {}", role, thread, refused);
        }
    }

    private void closePort(Device d) {
        PcapPort p = d.port;
        d.port = null;
        if (p != null) {
            p.close();
        }
    }

    /**
     * On a receive thread: classify, then hand the frame to the scheduler unless too many are waiting. Listeners get
     * the kernel's arrival time ({@code ageNanos} ago), so a VRRP Master_Down_Timer does not start late by this
     * thread's wake-up.
     */
    private void received(Device d, byte[] frame, long ageNanos) {
        FrameKind kind = FrameKind.classify(frame);
        if (kind == null) {
            return;
        }
        List<ListenerEntry<FrameListener>> listeners = d.receivers.get(kind);
        if (listeners.isEmpty()) {
            return;
        }
        long arrived = scheduler.nanoTime() - ageNanos;
        if (pending.incrementAndGet() > MAX_PENDING_FRAMES) {
            pending.decrementAndGet();
            if (dropped.incrementAndGet() % 1000 == 1) {
                LOG.warn("{}: the scheduler is behind; {} frames dropped so far", d.name, dropped.get());
            }
            return;
        }
        executeSafely(() -> {
            pending.decrementAndGet();
            NetInterface snap = d.snapshot;
            if (snap == null || !snap.lineProtocolUp() || !snap.accepts(Frames.destination(frame))) {
                return;
            }
            boolean first = true;
            for (ListenerEntry<FrameListener> e : listeners) {
                if (e.open) {
                    try {
                        e.listener.onFrame(d.name, first ? frame : frame.clone(), arrived);
                        first = false;
                    } catch (RuntimeException ex) {
                        LOG.error("frame listener {} failed", e.listener, ex);
                    }
                }
            }
        });
    }

    private void executeSafely(Runnable task) {
        try {
            scheduler.execute(task);
        } catch (IllegalStateException e) {
            LOG.debug("scheduler closed: {}", e.getMessage());
        }
    }

    /** Frames dropped because the scheduler fell behind. */
    public long droppedFrames() {
        return dropped.get();
    }

    /** Per device: frames received, kernel drops, send errors; for show commands and logs. */
    public synchronized Map<String, long[]> counters() {
        Map<String, long[]> out = new LinkedHashMap<>();
        byName.forEach((n, d) -> out.put(n, d.port == null ? new long[] {0, 0, d.sendErrors.get()}
                : new long[] {d.port.received(), d.port.kernelDrops(), d.sendErrors.get()}));
        return out;
    }

    /** The snapshot of {@code d}, its parent named as the appliance names it. Holds the lock. */
    private NetInterface snapshot(Device d) {
        String parent = d.link == null ? null : d.link.parent();
        Device p = parent == null ? null : byDev.get(parent);
        return d.snapshot(p != null ? p.name : parent);
    }

    /** How logs name a device: {@code GigabitEthernet0/0/0 (eth0)}, or just {@code eth0} when the names agree. */
    private static String label(Device d) {
        return d.name.equals(d.dev) ? d.name : d.name + " (" + d.dev + ")";
    }

    private Device require(String ifname) {
        Device d = byName.get(ifname);
        if (d == null) {
            throw new IllegalArgumentException("no interface named " + ifname);
        }
        return d;
    }

    private Device requirePresent(String ifname) {
        Device d = require(ifname);
        if (d.link == null) {
            throw new IllegalArgumentException("interface " + label(d) + " does not exist on this host");
        }
        return d;
    }

    // ---- Network

    @Override
    public synchronized List<NetInterface> interfaces() {
        List<NetInterface> list = new ArrayList<>();
        byName.values().forEach(d -> {
            if (d.snapshot != null) {
                list.add(d.snapshot);
            }
        });
        list.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return list;
    }

    @Override
    public synchronized Optional<NetInterface> find(String name) {
        Device d = byName.get(name);
        return d == null ? Optional.empty() : Optional.ofNullable(d.snapshot);
    }

    @Override
    public Registration addInterfaceListener(InterfaceListener listener) {
        ListenerEntry<InterfaceListener> e = new ListenerEntry<>(Objects.requireNonNull(listener, "listener"));
        interfaceListeners.add(e);
        return () -> {
            e.open = false;
            interfaceListeners.remove(e);
        };
    }

    /** Allowed on a configured device that does not exist yet: frames flow once it appears. */
    @Override
    public synchronized Registration receive(String interfaceName, FrameKind kind, FrameListener listener) {
        Objects.requireNonNull(kind, "frame kind is required");
        ListenerEntry<FrameListener> e = new ListenerEntry<>(Objects.requireNonNull(listener, "listener"));
        Device d = require(interfaceName);
        List<ListenerEntry<FrameListener>> list = d.receivers.get(kind);
        list.add(e);
        if (d.port == null && d.link != null) {
            openPort(d);
        }
        return () -> {
            e.open = false;
            list.remove(e);
        };
    }

    @Override
    public void send(String interfaceName, byte[] ethernetFrame) {
        Objects.requireNonNull(ethernetFrame, "frame is required");
        if (ethernetFrame.length < Frames.ETHERNET_HEADER_LENGTH) {
            throw new IllegalArgumentException("a frame of " + ethernetFrame.length + " bytes has no Ethernet header");
        }
        // no lock: the first advert of a takeover must not wait for the monitor thread reading a dump
        Device d = require(interfaceName);
        NetInterface snap = d.snapshot;
        if (snap == null || !snap.lineProtocolUp()) {
            return;
        }
        int ifindex = snap.index();
        PacketSocket out = sender;
        try {
            if (out == null) {
                throw new IllegalStateException("not started");
            }
            out.send(ifindex, ethernetFrame);
        } catch (IllegalStateException e) {
            d.sendErrors.incrementAndGet(); // counted, not thrown: a lost frame is the network's business
            LOG.debug("{}: frame not sent: {}", label(d), e.getMessage());
        }
    }

    @Override
    public Scheduler scheduler() {
        return scheduler;
    }

    /**
     * Forced down, the kernel device is put in {@code protodown}: its carrier goes down and it stops passing traffic
     * both ways, while its administrative state (what the operator set with {@code ip link set up/down}) is left
     * alone and shown unchanged. Released, {@code protodown off}: it follows its link again.
     */
    @Override
    public synchronized void setLineProtocol(String interfaceName, boolean up) {
        Device d = require(interfaceName);
        if (d.forcedDown == !up) {
            return;
        }
        d.forcedDown = !up;
        if (d.link != null) {
            batch.submit(List.of(VirtualMacs.protoDown(d.dev, !up)));
            d.protoDownReleased = up;
        }
        publish(d);
    }

    @Override
    public synchronized void setAdminState(String interfaceName, boolean up) {
        Device d = requirePresent(interfaceName);
        batch.submit(List.of("link set dev " + d.dev + (up ? " up" : " down")));
    }

    @Override
    public synchronized void setMac(String interfaceName, MacAddress mac) {
        Device d = requirePresent(interfaceName);
        if (mac != null && Frames.isGroupAddress(mac)) {
            throw new IllegalArgumentException("MAC " + mac + " for " + interfaceName + " is a group address");
        }
        MacAddress target = mac != null ? mac : snapshot(d).burnedInMac();
        batch.submit(List.of(VirtualMacs.setMac(d.dev, target)));
    }

    /** The kernel has no per-MAC unicast filter in iproute2: the device goes promiscuous while the filter is set. */
    @Override
    public synchronized void addMacFilter(String interfaceName, MacAddress mac) {
        Device d = requirePresent(interfaceName);
        if (d.macFilter.add(Objects.requireNonNull(mac, "MAC is required")) && d.macFilter.size() == 1) {
            batch.submit(List.of("link set dev " + d.dev + " promisc on"));
        }
        publish(d);
    }

    @Override
    public synchronized void removeMacFilter(String interfaceName, MacAddress mac) {
        Device d = requirePresent(interfaceName);
        if (d.macFilter.remove(Objects.requireNonNull(mac, "MAC is required")) && d.macFilter.isEmpty()) {
            batch.submit(List.of("link set dev " + d.dev + " promisc off"));
        }
        publish(d);
    }

    @Override
    public synchronized void addAddress(String interfaceName, InterfaceAddress address) {
        Device d = requirePresent(interfaceName);
        batch.submit(List.of("addr replace " + address + " dev " + d.dev));
    }

    @Override
    public synchronized void removeAddress(String interfaceName, InterfaceAddress address) {
        Device d = requirePresent(interfaceName);
        if (d.link.addresses().stream().noneMatch(a -> a.address().equals(address.address()))) {
            LOG.warn("{}: address {} is not on the interface; nothing removed", interfaceName, address);
            return;
        }
        batch.submit(List.of("addr del " + address + " dev " + d.dev));
    }

    /**
     * Puts {@code ip} on the macvlan of {@code mac} over the device, creating the macvlan first when needed, in one
     * write to the ip batch process (no fork on the way to Master).
     */
    @Override
    public synchronized void addVirtualAddress(String interfaceName, InetAddress ip, MacAddress mac) {
        Objects.requireNonNull(ip, "virtual address is required");
        Objects.requireNonNull(mac, "virtual MAC is required");
        Device d = requirePresent(interfaceName);
        MacAddress current = d.virtualAddresses.get(ip);
        if (mac.equals(current)) {
            return;
        }
        List<String> commands = new ArrayList<>();
        if (current != null) {
            commands.addAll(withdraw(d, ip));
        }
        if (VirtualMacs.onDeviceItself(d.link, ip)) {
            d.ownMacAddresses.add(ip);
            d.virtualAddresses.put(ip, mac);
            commands.add(VirtualMacs.setMac(d.dev, mac));
            batch.submit(commands);
            DEBUG.debug("{}: own address {} now uses {}", interfaceName, IpAddresses.format(ip), mac);
            return;
        }
        String macvlan = VirtualMacs.deviceName(d.link.index(), mac);
        Set<InetAddress> carried = d.macvlans.get(macvlan);
        if (carried == null) {
            carried = new HashSet<>();
            d.macvlans.put(macvlan, carried);
            commands.addAll(VirtualMacs.create(d.dev, macvlan, mac, ip instanceof Inet6Address));
        }
        carried.add(ip);
        d.virtualAddresses.put(ip, mac);
        commands.add(VirtualMacs.addAddress(macvlan, ip));
        batch.submit(commands);
        DEBUG.debug("{}: virtual address {} on {} ({})", interfaceName, IpAddresses.format(ip), macvlan, mac);
    }

    @Override
    public synchronized void removeVirtualAddress(String interfaceName, InetAddress ip) {
        Device d = require(interfaceName);
        if (!d.virtualAddresses.containsKey(ip)) {
            return;
        }
        batch.submit(withdraw(d, ip));
        DEBUG.debug("{}: virtual address {} withdrawn", interfaceName, IpAddresses.format(ip));
    }

    /** The commands removing {@code ip}; the macvlan goes with its last address. Holds the lock. */
    private List<String> withdraw(Device d, InetAddress ip) {
        MacAddress mac = d.virtualAddresses.remove(ip);
        if (d.ownMacAddresses.remove(ip)) {
            if (!d.ownMacAddresses.isEmpty()) {
                return List.of(VirtualMacs.setMac(d.dev, d.virtualAddresses.get(d.ownMacAddresses.iterator()
                        .next())));
            }
            NetInterface s = snapshot(d);
            return s == null ? List.of() : List.of(VirtualMacs.setMac(d.dev, s.burnedInMac()));
        }
        for (Map.Entry<String, Set<InetAddress>> e : d.macvlans.entrySet()) {
            if (e.getValue().remove(ip)) {
                if (e.getValue().isEmpty()) {
                    d.macvlans.remove(e.getKey());
                    return List.of(VirtualMacs.delete(e.getKey()));
                }
                return List.of(VirtualMacs.removeAddress(e.getKey(), ip));
            }
        }
        LOG.debug("{}: no macvlan carried {} ({})", d.name, ip, mac);
        return List.of();
    }

    /** Stops following links, removes every macvlan it created, closes the devices and the ip processes. */
    @Override
    public void close() {
        List<String> cleanup = new ArrayList<>();
        List<Device> all;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            all = List.copyOf(byName.values());
            for (Device d : all) {
                d.macvlans.keySet().forEach(m -> cleanup.add(VirtualMacs.delete(m)));
                d.macvlans.clear();
                NetInterface s = snapshot(d);
                if (!d.ownMacAddresses.isEmpty() && s != null) {
                    cleanup.add(VirtualMacs.setMac(d.dev, s.burnedInMac()));
                }
                d.ownMacAddresses.clear();
                d.virtualAddresses.clear();
                if (d.forcedDown && d.link != null) {
                    cleanup.add(VirtualMacs.protoDown(d.dev, false));
                }
                if (!d.macFilter.isEmpty() && d.link != null) {
                    cleanup.add("link set dev " + d.dev + " promisc off");
                }
            }
        }
        monitor.close();
        refresher.shutdownNow();
        try {
            refresher.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        batch.submit(cleanup);
        batch.close();
        synchronized (this) {
            all.forEach(this::closePort);
        }
        PacketSocket out = sender;
        if (out != null) {
            out.close();
        }
        interfaceListeners.forEach(e -> e.open = false);
        interfaceListeners.clear();
        LOG.info("net-linux stopped; {} frames dropped while the scheduler was behind", dropped.get());
    }

    @Override
    public String toString() {
        return "LinuxNetwork " + devices;
    }
}
