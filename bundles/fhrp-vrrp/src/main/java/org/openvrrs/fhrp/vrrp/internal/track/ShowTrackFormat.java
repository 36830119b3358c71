package org.openvrrs.fhrp.vrrp.internal.track;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** IOS's {@code show track} layout, with keepalived's script and file objects in the same shape. */
public final class ShowTrackFormat {
    /** As every show's {@code --json}: absent values written as null. */
    static final com.fasterxml.jackson.jr.ob.JSON JSON_OUT = com.fasterxml.jackson.jr.ob.JSON.std
            .with(com.fasterxml.jackson.jr.ob.JSON.Feature.WRITE_NULL_PROPERTIES);

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

    /** {@code track:show --json}: every object (or the one numbered {@code only}) as docs/json.md lists it. */
    public static List<Map<String, Object>> json(Tracker.Snapshot s, Integer only) {
        return s.objects().stream().filter(t -> only == null || t.id() == only).map(t -> {
            TrackConfig c = t.config();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", t.id());
            m.put("type", c.type().name().toLowerCase(Locale.ROOT));
            m.put("object", c.describe());
            m.put("up", t.up());
            m.put("detail", t.detail());
            m.put("value", c.type() == TrackType.FILE ? t.value() : null);
            m.put("changes", t.changes());
            m.put("lastChange", Instant.ofEpochMilli(t.sinceMillis()).toString());
            m.put("weight", c.weight());
            m.put("trackedBy", s.trackedBy().getOrDefault(t.id(), List.of()));
            return m;
        }).toList();
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
