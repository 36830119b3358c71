package org.openvrrs.vrrs.core.internal;

import java.util.Set;

/** A client's registration inside the registry: follows and unfollows groups; invalid once closed. */
final class ClientHandle implements AutoCloseable {
    private final VrrsDatabase database;
    final ClientEntry entry;

    ClientHandle(VrrsDatabase database, ClientEntry entry) {
        this.database = database;
        this.entry = entry;
    }

    int id() {
        return entry.id;
    }

    String name() {
        return entry.name;
    }

    void follow(String group) {
        database.follow(entry, group);
    }

    void unfollow(String group) {
        database.unfollow(entry, group);
    }

    Set<String> following() {
        return database.following(entry);
    }

    @Override
    public void close() {
        database.clientClose(entry);
    }

    @Override
    public String toString() {
        return entry.toString();
    }
}
