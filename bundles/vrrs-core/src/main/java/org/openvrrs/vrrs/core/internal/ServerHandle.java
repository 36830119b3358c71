package org.openvrrs.vrrs.core.internal;

import org.openvrrs.vrrs.api.ServerRegistration;
import org.openvrrs.vrrs.api.ServerUpdate;

/** A server's registration; inert once closed, so a removed server cannot keep writing. */
final class ServerHandle implements ServerRegistration {
    private final VrrsDatabase database;
    private final String protocol;
    private final String group;
    final Object owner;
    volatile boolean closed;

    ServerHandle(VrrsDatabase database, String protocol, String group, Object owner) {
        this.database = database;
        this.protocol = protocol;
        this.group = group;
        this.owner = owner;
    }

    @Override
    public String group() {
        return group;
    }

    @Override
    public String protocol() {
        return protocol;
    }

    @Override
    public boolean update(ServerUpdate update) {
        return database.serverUpdate(this, update);
    }

    /** Withdraws the server: the group stays known, INIT, without a server. Idempotent. */
    void close() {
        database.serverClose(this);
    }

    @Override
    public String toString() {
        return "server " + protocol + " of group " + group;
    }
}
