package org.openvrrs.vrrs.api;

import java.util.List;

/**
 * A {@link VrrsClient} that takes the states of several groups in one callback when they are waiting for it
 * together: for a client whose cost is per call rather than per state, such as accounting, which makes each state it
 * has taken durable before returning and can then do so with one disk flush for many groups.
 *
 * <p>The registry hands a batch client everything in its mailbox at once (at most one state per group, each the
 * latest of its group, in the order they arrived) where it would otherwise call {@link #groupChanged} once per
 * state; every guarantee of {@link VrrsClient} holds for each state. A state counts as taken when the call returns.
 */
public interface VrrsBatchClient extends VrrsClient {

    /** States of different groups, never empty. */
    void groupsChanged(List<GroupState> states);

    @Override
    default void groupChanged(GroupState state) {
        groupsChanged(List.of(state));
    }
}
