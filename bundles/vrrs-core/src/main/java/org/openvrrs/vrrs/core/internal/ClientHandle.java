package org.openvrrs.vrrs.core.internal;

import java.util.Set;
import org.openvrrs.vrrs.api.ClientRegistration;

/** A client's registration; invalid once closed. */
final class ClientHandle implements ClientRegistration {
    private final VrrsDatabase database;
    final ClientEntry entry;

    ClientHandle(VrrsDatabase database, ClientEntry entry) {
        this.database = database;
        this.entry = entry;
    }

    @Override
    public int id() {
        return entry.id;
    }

    @Override
    public String name() {
        return entry.name;
    }

    @Override
    public void follow(String group) {
        database.follow(entry, group);
    }

    @Override
    public void unfollow(String group) {
        database.unfollow(entry, group);
    }

    @Override
    public Set<String> following() {
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
