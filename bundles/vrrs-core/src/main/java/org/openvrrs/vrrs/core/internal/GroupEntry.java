package org.openvrrs.vrrs.core.internal;

import java.util.LinkedHashSet;
import java.util.Set;
import org.openvrrs.vrrs.api.GroupState;

/**
 * One named group in the database: its current state, its server and its followers. At most one notification round
 * runs per group; changes during a round are coalesced into one more round with the latest state.
 * All fields are guarded by the database lock.
 */
final class GroupEntry {
    final String name;
    private final VrrsDatabase database;
    GroupState state;
    long version;
    ServerHandle server;
    final Set<ClientEntry> followers = new LinkedHashSet<>();
    /** Recipients by priority level, rebuilt after membership changes; rounds share it (never modified). */
    ClientEntry[][] recipients;
    private boolean inRound;
    private boolean changedDuringRound;

    GroupEntry(String name, GroupState state, long version, VrrsDatabase database) {
        this.name = name;
        this.state = state;
        this.version = version;
        this.database = database;
    }

    /** Notifies the change now, or after the running round. Called with the database lock held. */
    void changed() {
        if (inRound) {
            changedDuringRound = true;
        } else {
            inRound = true;
            database.startRound(this);
        }
    }

    /** Called by the dispatcher when every level of the round was notified. */
    void roundFinished() {
        database.roundFinished(this);
    }

    /** Called with the database lock held; returns whether another round must start. */
    boolean nextRoundNeeded() {
        if (changedDuringRound) {
            changedDuringRound = false;
            return true;
        }
        inRound = false;
        return false;
    }

    boolean isUnused() {
        return server == null && followers.isEmpty();
    }
}
