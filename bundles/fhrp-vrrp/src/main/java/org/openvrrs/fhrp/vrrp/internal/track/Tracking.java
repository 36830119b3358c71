package org.openvrrs.fhrp.vrrp.internal.track;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.openvrrs.net.api.SystemScheduler;

/**
 * The appliance's tracking: the {@link Tracker} on a thread of its own, the threads its checks run on (scripts,
 * route queries, files; daemon threads that live while a check runs) and the {@link SyncGroups}. One per VRRP server.
 */
public final class Tracking implements AutoCloseable {
    private final SystemScheduler scheduler = new SystemScheduler("vrrp-track");
    private final ExecutorService probes = Executors.newCachedThreadPool(new ProbeThreads());
    private final Tracker tracker = new Tracker(scheduler, probes);
    private final SyncGroups syncGroups = new SyncGroups();

    public Tracker tracker() {
        return tracker;
    }

    public SyncGroups syncGroups() {
        return syncGroups;
    }

    /** Starts a group's tracking; closing the binding ends it. */
    public TrackBinding bind(String group, GroupTracking tracking, TrackInputs inputs) {
        return new TrackBinding(tracker, syncGroups, group, tracking, inputs);
    }

    @Override
    public void close() {
        scheduler.close();
        probes.shutdownNow();
    }

    private static final class ProbeThreads implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "vrrp-track-check-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
