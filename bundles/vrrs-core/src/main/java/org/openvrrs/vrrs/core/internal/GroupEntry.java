package org.openvrrs.vrrs.core.internal;

import java.util.LinkedHashSet;
import java.util.Set;
import org.openvrrs.vrrs.api.GroupState;

/**
 * One named group in the database: its current state, its server and its followers, and the rounds that notify its
 * changes. All fields but {@link #rounds} are guarded by the database lock.
 */
final class GroupEntry {
    final String name;
    final GroupRounds rounds;
    GroupState state;
    long version;
    ServerHandle server;
    final Set<ClientEntry> followers = new LinkedHashSet<>();
    /** Recipients by priority level, rebuilt after membership changes; rounds share it (never modified). */
    ClientEntry[][] recipients;

    GroupEntry(String name, GroupState state, long version, GroupRounds rounds) {
        this.name = name;
        this.state = state;
        this.version = version;
        this.rounds = rounds;
    }

    boolean isUnused() {
        return server == null && followers.isEmpty();
    }
}
