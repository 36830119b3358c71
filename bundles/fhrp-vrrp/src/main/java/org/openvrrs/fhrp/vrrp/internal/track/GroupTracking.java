package org.openvrrs.fhrp.vrrp.internal.track;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a VRRP group tracks, read from its own configuration ({@code track}, {@code syncGroup}) beside its
 * {@code VrrpGroupConfig}.
 *
 * @param refs      the track objects it refers to, each at most once
 * @param syncGroup the sync group it moves with (keepalived {@code vrrp_sync_group}); "" for none
 */
public record GroupTracking(List<Ref> refs, String syncGroup) {
    public static final GroupTracking NONE = new GroupTracking(List.of(), "");
    private static final Pattern LINE = Pattern.compile("(\\d{1,4})(?:\\s+(decrement)\\s+(\\d{1,3})|\\s+(shutdown))?");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    /** How a group reacts while the object is down. */
    public enum Mode {
        /** Lower the priority by the decrement (IOS {@code track N decrement D}). */
        DECREMENT,
        /** Go to Init (IOS XE {@code track N shutdown}; keepalived's weight 0). */
        SHUTDOWN,
        /** Whatever the object's weight says (keepalived's rule: 0 Init, &lt;0 lowers while down, &gt;0 raises while up). */
        WEIGHT
    }

    /** One {@code track} line: {@code N decrement D}, {@code N shutdown} or {@code N}. */
    public record Ref(int id, Mode mode, int decrement) {
        @Override
        public String toString() {
            return id + switch (mode) {
                case DECREMENT -> " decrement " + decrement;
                case SHUTDOWN -> " shutdown";
                case WEIGHT -> "";
            };
        }
    }

    public GroupTracking {
        refs = List.copyOf(refs);
    }

    /**
     * Reads the group's {@code track} lines and {@code syncGroup}; throws {@link IllegalArgumentException} naming the
     * line it cannot read.
     */
    public static GroupTracking parse(String[] lines, String syncGroup) {
        List<Ref> refs = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (String raw : lines == null ? new String[0] : lines) {
            String line = raw.trim();
            if (line.isEmpty()) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException("track '" + line + "' is not 'N', 'N decrement D' or 'N shutdown'");
            }
            int id = Integer.parseInt(m.group(1));
            if (id < 1 || id > 1000) {
                throw new IllegalArgumentException("track '" + line + "': object number outside 1-1000");
            }
            if (!seen.add(id)) {
                throw new IllegalArgumentException("track '" + line + "': object " + id + " is tracked twice");
            }
            if (m.group(2) != null) {
                int d = Integer.parseInt(m.group(3));
                if (d < 1 || d > 254) {
                    throw new IllegalArgumentException("track '" + line + "': decrement outside 1-254");
                }
                refs.add(new Ref(id, Mode.DECREMENT, d));
            } else {
                refs.add(new Ref(id, m.group(4) != null ? Mode.SHUTDOWN : Mode.WEIGHT, 0));
            }
        }
        String sync = syncGroup == null ? "" : syncGroup.trim();
        if (!sync.isEmpty() && !NAME.matcher(sync).matches()) {
            throw new IllegalArgumentException("syncGroup '" + sync + "' is not a name (letters, digits, _ . : -)");
        }
        return new GroupTracking(refs, sync);
    }

    boolean isEmpty() {
        return refs.isEmpty() && syncGroup.isEmpty();
    }
}
