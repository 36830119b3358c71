package org.openvrrs.vrrs.core.internal;

import org.openvrrs.vrrs.api.ClientPriority;
import org.openvrrs.vrrs.api.GroupState;

/**
 * One notification of one group state to its recipients, High clients first, then Normal, then Low: each level
 * starts when the one before has taken the state (or was given up on as stalled).
 *
 * @param group      the group entry, told when the round is over
 * @param state      the state delivered
 * @param version    the state's version, to skip duplicates and stale states per client
 * @param recipients clients per priority (index = ClientPriority ordinal), snapshot taken when the round started
 * @param dispatcher runs the levels
 */
record Round(GroupEntry group, GroupState state, long version, ClientEntry[][] recipients, Dispatcher dispatcher) {

    void tierReleased(Tier tier) {
        dispatcher.startTier(this, tier.priority.ordinal() + 1);
    }

    static int levels() {
        return ClientPriority.values().length;
    }
}
