package org.openvrrs.net.linux.internal;

import java.util.List;
import java.util.Objects;
import org.openvrrs.net.api.Registration;
import org.openvrrs.net.api.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Listener registrations and the way their callbacks reach the scheduler, for interface and frame listeners alike. */
final class Callbacks {
    private static final Logger LOG = LoggerFactory.getLogger(Callbacks.class);

    private Callbacks() {
    }

    /** A registered listener; closed, it hears nothing more, even from a callback already queued. */
    static final class Entry<T> {
        final T listener;
        volatile boolean open = true;

        Entry(T listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
        }
    }

    /** Adds {@code entry} to {@code list}; the registration closes the entry and removes it. */
    static <T> Registration add(List<Entry<T>> list, Entry<T> entry) {
        list.add(entry);
        return () -> {
            entry.open = false;
            list.remove(entry);
        };
    }

    /** Runs {@code task} on {@code scheduler}; once the scheduler is closed, nothing runs. */
    static void execute(Scheduler scheduler, Runnable task) {
        try {
            scheduler.execute(task);
        } catch (IllegalStateException e) {
            LOG.debug("scheduler closed: {}", e.getMessage());
        }
    }
}
