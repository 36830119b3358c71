package org.openvrrs.vrrs.api;

/** A server's handle on the group it publishes. Closing it leaves the group known, INIT, without a server. */
public interface ServerRegistration extends AutoCloseable {
    String group();

    String protocol();

    /**
     * Publishes the group's new state; clients are notified asynchronously. Returns at once.
     *
     * @throws IllegalStateException when the registration was closed
     */
    void update(ServerUpdate update);

    /** Withdraws the server. Idempotent. */
    @Override
    void close();
}
