package org.openvrrs.net.sim.internal;

import java.util.List;
import org.openvrrs.net.api.InterfaceListener;
import org.openvrrs.net.api.NetInterface;
import org.openvrrs.net.api.Registration;
import org.openvrrs.net.api.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A simulated router's interface listeners, told of each batch of changes on the scheduler. */
public final class InterfaceEvents {
    private static final Logger LOG = LoggerFactory.getLogger(InterfaceEvents.class);

    /** One interface's snapshots around a change ({@code before} null when it was added). */
    public record Change(NetInterface before, NetInterface after) {
    }

    private final String router;
    private final Scheduler scheduler;
    private final ListenerSet<InterfaceListener> listeners = new ListenerSet<>();

    public InterfaceEvents(String router, Scheduler scheduler) {
        this.router = router;
        this.scheduler = scheduler;
    }

    public Registration add(InterfaceListener listener) {
        return listeners.add(listener);
    }

    /** Tells every listener of {@code changes}, in order, on the scheduler; call it under the router's lock. */
    public void publish(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        changes.forEach(change -> LOG.debug("{}: {} -> {}", router, change.before(), change.after()));
        List<Runnable> notifiers = changes.stream().map(change -> listeners.notifier(
                listener -> listener.interfaceChanged(change.before(), change.after()))).toList();
        scheduler.execute(() -> notifiers.forEach(Runnable::run));
    }
}
