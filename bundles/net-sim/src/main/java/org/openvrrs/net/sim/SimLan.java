package org.openvrrs.net.sim;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.openvrrs.net.api.FrameKind;
import org.openvrrs.net.api.Frames;
import org.openvrrs.net.api.Registration;
import org.openvrrs.net.api.Scheduler;
import org.openvrrs.net.sim.internal.ListenerSet;
import org.openvrrs.net.sim.internal.Port;
import org.openvrrs.vrrs.api.MacAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated Ethernet broadcast segment: every frame sent on it is offered, after {@link #setDelay(Duration)}, to
 * every other attached router interface and host, which keep what is for them. Tests make it lossy with
 * {@link #dropNext(int)} and {@link #dropMatching(Predicate)} and read its counters.
 */
public final class SimLan {
    private static final Logger LOG = LoggerFactory.getLogger(SimLan.class);

    private final String name;
    private final Scheduler scheduler;
    private final List<Port> ports = new CopyOnWriteArrayList<>();
    private final ListenerSet<Predicate<byte[]>> dropRules = new ListenerSet<>();
    private final AtomicLong transmitted = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private long delayNanos;
    private int dropBudget;

    /** @param scheduler runs the deliveries; routers and hosts on this LAN must use the same one */
    public SimLan(String name, Scheduler scheduler) {
        this.name = Objects.requireNonNull(name, "LAN name is required");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler is required");
    }

    /**
     * A drop rule for {@link #dropMatching(Predicate)}: frames of {@code kind} sent from {@code source}, e.g. the
     * VRRP adverts of one router.
     */
    public static Predicate<byte[]> framesOf(FrameKind kind, MacAddress source) {
        Objects.requireNonNull(kind, "frame kind is required");
        Objects.requireNonNull(source, "source MAC is required");
        return frame -> FrameKind.classify(frame) == kind && Frames.source(frame).equals(source);
    }

    public String name() {
        return name;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    /** How long a frame takes from sender to receivers; zero (the next scheduler turn) by default. */
    public synchronized void setDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("LAN delay " + delay + " is negative");
        }
        delayNanos = delay.toNanos();
    }

    /** Loses the next {@code frames} frames sent on this LAN, whoever sends them. */
    public synchronized void dropNext(int frames) {
        if (frames < 0) {
            throw new IllegalArgumentException("cannot drop " + frames + " frames");
        }
        dropBudget = frames;
    }

    /** Loses every frame (as on the wire, tagged or not) {@code rule} matches, until the handle is closed. */
    public Registration dropMatching(Predicate<byte[]> rule) {
        return dropRules.add(rule);
    }

    /** Frames sent and not lost. */
    public long transmitted() {
        return transmitted.get();
    }

    /** Frames accepted by a receiver, counted once per receiver. */
    public long delivered() {
        return delivered.get();
    }

    /** Frames lost to {@link #dropNext(int)} or {@link #dropMatching(Predicate)}. */
    public long dropped() {
        return dropped.get();
    }

    public void resetCounters() {
        transmitted.set(0);
        delivered.set(0);
        dropped.set(0);
    }

    @Override
    public String toString() {
        return "SimLan " + name;
    }

    void attach(Port port, Scheduler portScheduler) {
        if (portScheduler != scheduler) {
            throw new IllegalArgumentException("LAN " + name + " runs on another scheduler; one LAN, one scheduler");
        }
        ports.add(port);
    }

    /** Puts {@code wireFrame} on the segment; {@code from} does not get it back. The caller hands the array over. */
    void transmit(Port from, byte[] wireFrame) {
        long delay;
        synchronized (this) {
            if (dropBudget > 0) {
                dropBudget--;
                drop(wireFrame, "dropNext");
                return;
            }
            delay = delayNanos;
        }
        if (matchesDropRule(wireFrame)) {
            drop(wireFrame, "a drop rule");
            return;
        }
        transmitted.incrementAndGet();
        scheduler.schedule(delay, () -> deliver(from, wireFrame));
    }

    /** The MAC of whichever other port owns {@code ip} on VLAN {@code vlanId}; null when none does. */
    MacAddress resolve(Port from, int vlanId, InetAddress ip) {
        for (Port port : ports) {
            MacAddress owner = port == from ? null : port.owner(vlanId, ip);
            if (owner != null) {
                return owner;
            }
        }
        return null;
    }

    private boolean matchesDropRule(byte[] wireFrame) {
        boolean[] matched = {false};
        dropRules.forEach(rule -> matched[0] |= rule.test(wireFrame));
        return matched[0];
    }

    private void drop(byte[] wireFrame, String why) {
        dropped.incrementAndGet();
        LOG.debug("{}: frame from {} lost to {}", this, Frames.source(wireFrame), why);
    }

    private void deliver(Port from, byte[] wireFrame) {
        for (Port port : ports) {
            if (port != from && port.offer(wireFrame)) {
                delivered.incrementAndGet();
            }
        }
    }
}
