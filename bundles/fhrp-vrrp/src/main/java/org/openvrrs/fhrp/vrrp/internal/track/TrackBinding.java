package org.openvrrs.fhrp.vrrp.internal.track;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The tracking of one configured group: subscribes to the objects its {@code track} lines name and joins its sync
 * group; every change of one of those objects becomes a new {@link TrackEffect} in the group's {@link TrackInputs}.
 * A line naming an object that is not configured counts as Up until the object exists (the tracker warns once).
 */
public final class TrackBinding implements AutoCloseable {
    private final String group;
    private final GroupTracking tracking;
    private final AutoCloseable subscription;
    private final AutoCloseable membership;

    /** @param group the group's key, as logs and {@code show track} name it */
    public TrackBinding(Tracker tracker, SyncGroups syncGroups, String group, GroupTracking tracking,
            TrackInputs inputs) {
        this.group = group;
        this.tracking = tracking;
        this.subscription = tracking.refs().isEmpty() ? null : tracker.subscribe(group,
                tracking.refs().stream().map(GroupTracking.Ref::id).toList(),
                states -> inputs.setEffect(effect(tracking.refs(), states)));
        if (tracking.refs().isEmpty()) {
            inputs.setEffect(TrackEffect.NONE);
        }
        this.membership = tracking.syncGroup().isEmpty() ? null : syncGroups.join(tracking.syncGroup(), group,
                inputs);
    }

    /** Applies keepalived's and IOS's rules to the objects' states (see {@link GroupTracking.Mode}). */
    static TrackEffect effect(List<GroupTracking.Ref> refs, Map<Integer, TrackState> states) {
        int delta = 0;
        String init = null;
        String lowering = null;
        List<String> lines = new ArrayList<>();
        for (GroupTracking.Ref ref : refs) {
            TrackState s = states.getOrDefault(ref.id(), TrackState.absent(ref.id()));
            if (!s.exists()) {
                lines.add("Track object " + ref.id() + " not configured");
                continue;
            }
            String down = "track " + ref.id() + " (" + s.config().describe() + ") down";
            int change = 0;
            boolean stop = false;
            String how;
            switch (ref.mode()) {
                case DECREMENT -> {
                    change = s.up() ? 0 : -ref.decrement();
                    how = "decrement " + ref.decrement();
                }
                case SHUTDOWN -> {
                    stop = !s.up();
                    how = "shutdown";
                }
                default -> {
                    int w = s.config().weight();
                    how = "weight " + w;
                    if (s.config().type() == TrackType.FILE && w != 0) {
                        long v = (long) w * s.value();
                        stop = v <= -254; // keepalived: a file weighing -254 or less is a fault
                        change = stop ? 0 : (int) Math.max(-254, Math.min(254, v));
                        down = "track " + ref.id() + " (" + s.config().describe() + ") value " + s.value();
                        how = how + ", value " + s.value();
                    } else if (w == 0) {
                        stop = !s.up();
                    } else {
                        change = w < 0 ? (s.up() ? 0 : w) : (s.up() ? w : 0);
                    }
                }
            }
            delta += change;
            if (stop && init == null) {
                init = down;
            }
            if (change < 0 && lowering == null) {
                lowering = down;
            }
            lines.add("Track object " + ref.id() + " state " + s.upDown() + (s.up() ? "" : " since "
                    + Instant.ofEpochMilli(s.sinceMillis())) + ", " + how);
        }
        return new TrackEffect(delta, init, lowering, lines);
    }

    @Override
    public void close() throws Exception {
        if (subscription != null) {
            subscription.close();
        }
        if (membership != null) {
            membership.close();
        }
    }
}
