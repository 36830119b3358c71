package org.openvrrs.fhrp.vrrp.internal.track;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sync groups (keepalived {@code vrrp_sync_group}): VRRP groups naming the same {@code syncGroup} move together.
 * While one member is in Init for a reason of its own (its interface, a track object, shutdown), every other member
 * is held in Init too, so the peer takes all of them over; when no member fails any more, all start again. A group
 * names one sync group, so a group cannot be in two and there are no loops to refuse.
 */
public final class SyncGroups {
    private static final Logger LOG = LoggerFactory.getLogger(SyncGroups.class);

    /** Members by sync group name, then by group key, with each member's own failure (null when none). */
    private final Map<String, Map<String, Member>> groups = new LinkedHashMap<>();

    /** One group in one sync group. */
    private final class Member implements AutoCloseable {
        final String syncGroup;
        final String key;
        final TrackInputs inputs;
        String ownFault;
        String held;

        Member(String syncGroup, String key, TrackInputs inputs) {
            this.syncGroup = syncGroup;
            this.key = key;
            this.inputs = inputs;
        }

        @Override
        public void close() {
            synchronized (SyncGroups.this) {
                Map<String, Member> members = groups.get(syncGroup);
                if (members != null && members.remove(key, this)) {
                    if (members.isEmpty()) {
                        groups.remove(syncGroup);
                    }
                    settle(syncGroup);
                }
                inputs.reportFaultsTo(f -> { });
            }
            inputs.setSyncFault(null);
        }
    }

    /**
     * Makes the group {@code key} a member of {@code syncGroup}; its own failures, reported through
     * {@code inputs.ownFault}, hold the others in Init. Closing the handle leaves the sync group.
     */
    public synchronized AutoCloseable join(String syncGroup, String key, TrackInputs inputs) {
        Member m = new Member(syncGroup, key, inputs);
        Member old = groups.computeIfAbsent(syncGroup, n -> new LinkedHashMap<>()).put(key, m);
        if (old != null) {
            old.inputs.reportFaultsTo(f -> { });
        }
        inputs.reportFaultsTo(fault -> ownFault(m, fault));
        settle(syncGroup);
        return m;
    }

    private synchronized void ownFault(Member m, String fault) {
        if (groups.getOrDefault(m.syncGroup, Map.of()).get(m.key) != m || Objects.equals(fault, m.ownFault)) {
            return;
        }
        m.ownFault = fault;
        settle(m.syncGroup);
    }

    /** Holds every member but a failed one in Init while any member fails; releases them when none does. */
    private void settle(String syncGroup) {
        Map<String, Member> members = groups.getOrDefault(syncGroup, Map.of());
        for (Member m : members.values()) {
            String held = null;
            for (Member other : members.values()) {
                if (other != m && other.ownFault != null) {
                    held = "sync group " + syncGroup + ": " + other.key + " " + other.ownFault;
                    break;
                }
            }
            if (!Objects.equals(held, m.held)) {
                if (held != null && m.held == null) {
                    LOG.info("VRRP {}: held in Init by {}", m.key, held);
                }
                m.held = held;
                m.inputs.setSyncFault(held);
            }
        }
    }
}
