package org.openvrrs.fhrp.vrrp.internal;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.openvrrs.fhrp.vrrp.api.VrrpEventListener;
import org.openvrrs.fhrp.vrrp.api.VrrpGroupView;
import org.openvrrs.fhrp.vrrp.internal.packet.DropReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the {@link VrrpEventListener} services of new Masters and protocol errors. The protocol thread only
 * queues: the group's snapshot is taken on that thread in a task of its own, after the work at hand (a takeover is
 * not lengthened), and the listeners are called on one thread of their own, in order. A full backlog drops events,
 * counted in one WARN line per {@value #BACKLOG} drops.
 */
final class MonitorEvents implements AutoCloseable {
    static final int BACKLOG = 1024;
    private static final Logger LOG = LoggerFactory.getLogger(MonitorEvents.class);

    private final List<VrrpEventListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong dropped = new AtomicLong();
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(BACKLOG), r -> {
                Thread t = new Thread(r, "vrrp-events");
                t.setDaemon(true);
                return t;
            }, (r, e) -> {
                if (dropped.incrementAndGet() % BACKLOG == 1) {
                    LOG.warn("VRRP: event listeners are behind, {} events dropped so far", dropped.get());
                }
            });

    void add(VrrpEventListener l) {
        listeners.add(l);
    }

    void remove(VrrpEventListener l) {
        listeners.remove(l);
    }

    /** The listener a group runs with: {@code next} first (VRRS), then the news of a new Master. */
    VrrpGroup.Listener wrap(VrrpGroup g, VrrpGroup.Listener next) {
        return (t, update) -> {
            next.changed(t, update);
            if (t.stateChanged() && t.newState() == VirtualRouter.State.MASTER && !listeners.isEmpty()) {
                // a task of its own: the snapshot is taken after the takeover's work, still on its thread
                g.onNetworkThread(() -> {
                    VrrpGroupView view = MonitorViews.of(g.status());
                    publish(l -> l.newMaster(view));
                });
            }
        };
    }

    /** On the protocol thread: a packet of {@code g} was dropped; RFC 6527's protocol errors are published. */
    void dropped(VrrpGroup g, DropReason reason) {
        int code = switch (reason) {
            case TTL -> 1;
            case VERSION -> 2;
            case CHECKSUM -> 3;
            case VRID -> 4;
            default -> 0;
        };
        if (code != 0 && !listeners.isEmpty()) {
            VrrpGroupView view = MonitorViews.of(g.status());
            publish(l -> l.protocolError(view, code));
        }
    }

    private void publish(Consumer<VrrpEventListener> call) {
        if (executor.isShutdown()) {
            return;
        }
        executor.execute(() -> {
            for (VrrpEventListener l : listeners) {
                try {
                    call.accept(l);
                } catch (RuntimeException e) {
                    LOG.warn("VRRP: event listener {} failed: {}", l.getClass().getName(), e.toString());
                }
            }
        });
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
