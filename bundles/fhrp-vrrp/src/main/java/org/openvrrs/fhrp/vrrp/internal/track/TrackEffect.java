package org.openvrrs.fhrp.vrrp.internal.track;

import java.util.List;

/**
 * What a group's track objects do to it now: computed by its {@link TrackBinding} whenever one of them changes and
 * handed to the group on its network thread.
 *
 * @param delta     the sum of the decrements and weights that apply now (negative lowers the priority)
 * @param initCause why the group must be in Init ("track 3 down"), null when none
 * @param lowering  the first object lowering the priority ("track 2 down"), null when none: an address owner goes to
 *                  Init instead (its priority is 255 by definition, keepalived turns such a weight into 0)
 * @param lines     one line per reference for {@code vrrp:show} ("Track object 2 state Down since ..., decrement 20")
 */
public record TrackEffect(int delta, String initCause, String lowering, List<String> lines) {
    public static final TrackEffect NONE = new TrackEffect(0, null, null, List.of());

    public TrackEffect {
        lines = List.copyOf(lines);
    }

    /** The effective priority of a non-owner: configured + delta, clamped to 1-254 (RFC 5798's backup range). */
    public int priority(int configured) {
        return Math.max(1, Math.min(254, configured + delta));
    }

    /** Why the group must be in Init now, null when it may run; an owner may not be lowered, only stopped. */
    public String initCause(boolean owner) {
        if (initCause != null) {
            return initCause;
        }
        return owner && lowering != null ? lowering + " (address owner: not lowered, stopped)" : null;
    }
}
