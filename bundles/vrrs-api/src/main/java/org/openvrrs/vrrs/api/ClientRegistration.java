package org.openvrrs.vrrs.api;

import java.util.Set;

/** A client's handle: follows and stops following groups, and unregisters on close. */
public interface ClientRegistration extends AutoCloseable {
    /** The id the registry gave the client, as shown by {@code show vrrs clients}. */
    int id();

    String name();

    /**
     * Follows a group by name, creating it (INIT, no server) when unknown. The client is then pushed the group's
     * current state.
     *
     * @throws IllegalArgumentException for an invalid name
     * @throws IllegalStateException    when the registration was closed or already follows the group
     */
    void follow(String group);

    /**
     * Stops following a group.
     *
     * @throws IllegalStateException when the registration was closed or does not follow the group
     */
    void unfollow(String group);

    /** The groups followed by name, sorted. */
    Set<String> following();

    /** Unregisters the client; no callback starts after this returns. Idempotent. */
    @Override
    void close();
}
