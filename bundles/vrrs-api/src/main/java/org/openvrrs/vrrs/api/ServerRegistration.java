package org.openvrrs.vrrs.api;

/**
 * What the registry hands a {@link VrrsServer} to publish its group through, from {@link VrrsServer#attached} until
 * {@link VrrsServer#detached}.
 */
public interface ServerRegistration {
    String group();

    String protocol();

    /**
     * Publishes the group's new state; clients are notified asynchronously. Returns at once, takes no lock a
     * client's callback holds, and may be called from any one thread at a time.
     *
     * @return false when the registration was closed (the update was ignored)
     */
    boolean update(ServerUpdate update);
}
