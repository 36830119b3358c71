package org.openvrrs.net.sim.internal;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.openvrrs.net.api.Registration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listeners added with a {@link Registration} handle; closing the handle stops callbacks, even those already
 * scheduled, and a listener that throws is logged without keeping the others from being called.
 */
public final class ListenerSet<T> {
    private static final Logger LOG = LoggerFactory.getLogger(ListenerSet.class);

    private final CopyOnWriteArrayList<Entry<T>> entries = new CopyOnWriteArrayList<>();

    public Registration add(T listener) {
        Entry<T> entry = new Entry<>(Objects.requireNonNull(listener, "listener is required"));
        entries.add(entry);
        return () -> {
            entry.open = false;
            entries.remove(entry);
        };
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Calls {@code call} with every listener still registered at the moment of its call. */
    public void forEach(Consumer<T> call) {
        callEach(entries, call);
    }

    /**
     * A task that will call {@code call} with the listeners registered now and still registered when it runs: for
     * events delivered later, which listeners added after the event must not see.
     */
    public Runnable notifier(Consumer<T> call) {
        List<Entry<T>> registeredNow = List.copyOf(entries);
        return () -> callEach(registeredNow, call);
    }

    private static <T> void callEach(List<Entry<T>> listeners, Consumer<T> call) {
        for (Entry<T> entry : listeners) {
            if (entry.open) {
                try {
                    call.accept(entry.listener);
                } catch (RuntimeException e) {
                    LOG.error("listener {} failed", entry.listener, e);
                }
            }
        }
    }

    /** One registration; an identity distinct from the listener, so the same listener can be added twice. */
    private static final class Entry<T> {
        final T listener;
        volatile boolean open = true;

        Entry(T listener) {
            this.listener = listener;
        }
    }
}
