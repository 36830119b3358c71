package org.openvrrs.net.linux.internal;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.openvrrs.net.api.FrameKind;
import org.openvrrs.net.api.FrameListener;
import org.openvrrs.net.api.Frames;
import org.openvrrs.net.api.NetInterface;
import org.openvrrs.net.api.Registration;
import org.openvrrs.net.api.Scheduler;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frames in and out of the configured devices: a {@link PcapPort} (receive handle and thread) on each existing device
 * with a frame listener, handing frames to the {@link Scheduler}, and the one {@link PacketSocket} every frame leaves
 * through. Also puts the scheduler's thread and the receive threads under real-time scheduling ({@link Realtime}).
 *
 * <p>Neither path takes a lock: a received frame is filtered by the device's snapshot and the listeners are
 * copy-on-write lists; a sent frame is one {@code sendto}. Opening and closing ports is under this object's lock.
 */
final class FramePorts implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FramePorts.class);
    /** Frames waiting for the scheduler beyond this are dropped and counted: a stuck scheduler must not eat memory. */
    static final int MAX_PENDING_FRAMES = 10_000;

    /** One device's frame listeners and, while it exists and has one, its pcap port. */
    private static final class Port {
        final Device device;
        final Map<FrameKind, CopyOnWriteArrayList<Callbacks.Entry<FrameListener>>> receivers =
                new EnumMap<>(FrameKind.class);
        boolean present;
        PcapPort pcap;

        Port(Device device) {
            this.device = device;
            for (FrameKind k : FrameKind.values()) {
                receivers.put(k, new CopyOnWriteArrayList<>());
            }
        }
    }

    private final Scheduler scheduler;
    private final String pcapLibrary;
    private final int realtimePriority;
    private final AtomicBoolean realtimeRefused = new AtomicBoolean();
    private final Map<Device, Port> ports = new LinkedHashMap<>(); // filled by the constructor, then only read
    /** Every frame leaves through this one socket; set by {@link #start()}. */
    private volatile PacketSocket sender;
    /** Unicast IP packets leave through these (VRRP unicast peers). */
    private final RawIpSockets ipSockets = new RawIpSockets();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();

    /**
     * @param pcapLibrary      path of libpcap, "" to look in the usual places
     * @param realtimePriority SCHED_FIFO priority of the scheduler's and the receive threads, 0 for none
     */
    FramePorts(List<Device> devices, Scheduler scheduler, String pcapLibrary, int realtimePriority) {
        this.scheduler = scheduler;
        this.pcapLibrary = pcapLibrary;
        this.realtimePriority = realtimePriority;
        devices.forEach(d -> ports.put(d, new Port(d)));
    }

    /**
     * Loads libpcap, opens the send socket and JIT-compiles its path ({@link PacketSocket#warmUp()}), and puts the
     * scheduler's thread under real-time scheduling. Throws {@link IllegalStateException} with a one-line reason.
     */
    void start() {
        Path lib = Platform.configureLibpcap(pcapLibrary);
        try {
            LOG.info("libpcap: {} ({})", lib, Pcaps.libVersion());
        } catch (UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError e) {
            throw new IllegalStateException("libpcap " + lib + " cannot be loaded: " + e.getMessage());
        }
        PacketSocket socket = new PacketSocket();
        socket.warmUp();
        sender = socket;
        scheduler.execute(() -> runRealtime("protocol"));
    }

    /** Allowed on a device that does not exist yet: frames flow once it appears. */
    synchronized Registration receive(Device d, FrameKind kind, Callbacks.Entry<FrameListener> entry) {
        Port p = ports.get(d);
        Registration registration = Callbacks.add(p.receivers.get(kind), entry);
        if (kind == FrameKind.VRRP && p.present) {
            prepareIpSockets(p.device); // unicast adverts to us then get no ICMP protocol unreachable back
        }
        if (p.pcap == null && p.present) {
            open(p);
        }
        return registration;
    }

    /**
     * The device appeared in the kernel (a port opens if it has a frame listener) or vanished (its port closes).
     * Called with the kernel state's lock held, so a port is never open on a device the appliance thinks gone.
     */
    synchronized void setPresent(Device d, boolean present) {
        Port p = ports.get(d);
        p.present = present;
        if (present) {
            if (p.receivers.values().stream().anyMatch(l -> !l.isEmpty())) {
                open(p); // else at the first receiver
            }
            if (!p.receivers.get(FrameKind.VRRP).isEmpty()) {
                prepareIpSockets(d);
            }
        } else {
            ipSockets.forget(d.dev); // bound to the device that went; a new one gets new sockets
            if (p.pcap != null) {
                closePcap(p);
                LOG.warn("interface {} disappeared", d.label);
            }
        }
    }

    /**
     * Sends {@code frame} on the device with {@code ifindex}; a refusal is logged at debug, not thrown: a lost frame
     * is the network's business.
     */
    void send(Device d, int ifindex, byte[] frame) {
        PacketSocket out = sender;
        try {
            if (out == null) {
                throw new IllegalStateException("not started");
            }
            out.send(ifindex, frame);
        } catch (IllegalStateException e) {
            LOG.debug("{}: frame not sent: {}", d.label, e.getMessage());
        }
    }

    /**
     * Sends the IP packet {@code ipPacket} to {@code destination} on the device with {@code ifindex}, the kernel
     * resolving the neighbour; a refusal is logged at debug, as for frames.
     */
    void sendIp(Device d, int ifindex, InetAddress destination, byte[] ipPacket) {
        try {
            ipSockets.send(d.dev, ifindex, destination, ipPacket);
        } catch (IllegalStateException | UnsatisfiedLinkError e) {
            LOG.debug("{}: packet to {} not sent: {}", d.label, destination, e.getMessage());
        }
    }

    private void prepareIpSockets(Device d) {
        try {
            ipSockets.prepare(d.dev);
        } catch (IllegalStateException | UnsatisfiedLinkError e) {
            LOG.warn("{}: no raw IP socket for VRRP ({}); unicast adverts cannot be sent", d.label, e.getMessage());
        }
    }

    /**
     * Opens the device's pcap port, only on devices with a frame listener (the VRRP engine's interfaces), so
     * thousands of plug-in subinterfaces cost no receive ring, no thread and no packet socket each. Holds the lock.
     */
    private void open(Port p) {
        try {
            p.pcap = new PcapPort(p.device.dev, () -> runRealtime("receive"),
                    (frame, age) -> received(p, frame, age));
            LOG.info("{}: capturing VRRP, ARP and neighbour discovery", p.device.label);
        } catch (PcapNativeException | NotOpenException | RuntimeException e) {
            LOG.error("{}: cannot open for capture: {}", p.device.label, e.getMessage());
        }
    }

    private static void closePcap(Port p) {
        PcapPort pcap = p.pcap;
        p.pcap = null;
        if (pcap != null) {
            pcap.close();
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

    /**
     * On a receive thread: classify, then hand the frame to the scheduler unless too many are waiting. Listeners get
     * the kernel's arrival time ({@code ageNanos} ago), so a VRRP Master_Down_Timer does not start late by this
     * thread's wake-up.
     */
    private void received(Port p, byte[] frame, long ageNanos) {
        FrameKind kind = FrameKind.classify(frame);
        if (kind == null) {
            return;
        }
        List<Callbacks.Entry<FrameListener>> listeners = p.receivers.get(kind);
        if (listeners.isEmpty()) {
            return;
        }
        long arrived = scheduler.nanoTime() - ageNanos;
        if (pending.incrementAndGet() > MAX_PENDING_FRAMES) {
            pending.decrementAndGet();
            if (dropped.incrementAndGet() % 1000 == 1) {
                LOG.warn("{}: the scheduler is behind; {} frames dropped so far", p.device.name, dropped.get());
            }
            return;
        }
        Device d = p.device;
        Callbacks.execute(scheduler, () -> {
            pending.decrementAndGet();
            NetInterface snap = d.snapshot();
            if (snap == null || !snap.lineProtocolUp() || !snap.accepts(Frames.destination(frame))) {
                return;
            }
            boolean first = true;
            for (Callbacks.Entry<FrameListener> e : listeners) {
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

    /** Frames dropped so far because the scheduler fell behind; for the stop log line. */
    long dropped() {
        return dropped.get();
    }

    /** Closes every port and the send socket. */
    @Override
    public void close() {
        synchronized (this) {
            ports.values().forEach(FramePorts::closePcap);
        }
        PacketSocket out = sender;
        if (out != null) {
            out.close();
        }
        ipSockets.close();
    }
}
