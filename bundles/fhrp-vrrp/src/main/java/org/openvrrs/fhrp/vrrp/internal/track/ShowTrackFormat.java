package org.openvrrs.fhrp.vrrp.internal.track;

import java.time.Instant;
import java.util.List;

/** IOS's {@code show track} layout, with keepalived's script and file objects in the same shape. */
public final class ShowTrackFormat {
    private ShowTrackFormat() {
    }

    /** Every object, or the one numbered {@code only} (null: all). */
    public static String show(Tracker.Snapshot s, Integer only) {
        StringBuilder out = new StringBuilder();
        for (TrackState t : s.objects()) {
            if (only != null && t.id() != only) {
                continue;
            }
            TrackConfig c = t.config();
            out.append(out.length() == 0 ? "" : "\n").append("Track ").append(t.id()).append('\n');
            out.append("  ").append(capitalized(c.describe())).append('\n');
            out.append("  ").append(switch (c.type()) {
                case INTERFACE -> "Line protocol";
                case ROUTE -> "Reachability";
                case SCRIPT -> "Script result";
                case FILE -> "File value " + t.value() + ", state";
            }).append(" is ").append(t.upDown()).append(" (").append(t.detail()).append(")\n");
            out.append("    ").append(t.changes()).append(t.changes() == 1 ? " change" : " changes")
                    .append(", last change ").append(Instant.ofEpochMilli(t.sinceMillis())).append('\n');
            if (c.type() != TrackType.INTERFACE) {
                out.append("  Interval ").append(c.intervalSeconds()).append(" s, timeout ")
                        .append(c.timeoutSeconds()).append(" s, rise ").append(c.rise()).append(", fall ")
                        .append(c.fall()).append('\n');
            }
            if (c.weight() != 0) {
                out.append("  Weight ").append(c.weight()).append('\n');
            }
            List<String> by = s.trackedBy().getOrDefault(t.id(), List.of());
            if (!by.isEmpty()) {
                out.append("  Tracked by:\n");
                by.forEach(g -> out.append("    VRRP ").append(g).append('\n'));
            }
        }
        return out.toString();
    }

    public static String show(Tracker.Snapshot s) {
        return show(s, null);
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
