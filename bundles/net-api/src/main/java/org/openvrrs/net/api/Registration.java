package org.openvrrs.net.api;

/** A handle on a listener given to a {@link Network}; closing it stops the callbacks. */
public interface Registration extends AutoCloseable {

    /** Removes the listener. Idempotent; callbacks already running may finish. */
    @Override
    void close();
}
