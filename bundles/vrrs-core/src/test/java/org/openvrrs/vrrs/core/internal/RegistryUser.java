package org.openvrrs.vrrs.core.internal;

import java.util.List;
import java.util.Optional;
import org.openvrrs.vrrs.api.ClientInfo;
import org.openvrrs.vrrs.api.ClientPriority;
import org.openvrrs.vrrs.api.GroupState;
import org.openvrrs.vrrs.api.VrrsClient;

/** One user of the database, as the whiteboard is one: what it registers goes when it is released. */
final class RegistryUser {
    private final VrrsDatabase db;

    RegistryUser(VrrsDatabase db) {
        this.db = db;
    }

    ServerHandle registerServer(String protocol, String group) {
        return db.registerServer(this, protocol, group);
    }

    ClientHandle registerClient(String name, ClientPriority priority, boolean allGroups, VrrsClient client) {
        return db.registerClient(this, name, priority, allGroups, client);
    }

    void release() {
        db.release(this);
    }

    List<GroupState> groups() {
        return db.groups();
    }

    Optional<GroupState> group(String name) {
        return db.group(name);
    }

    List<ClientInfo> clients() {
        return db.clients();
    }
}
