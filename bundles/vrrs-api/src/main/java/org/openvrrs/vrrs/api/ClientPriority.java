package org.openvrrs.vrrs.api;

import java.util.Locale;

/** Order in which clients are notified of a group update: every High client before any Normal, then Low. */
public enum ClientPriority {
    HIGH("High"),
    NORMAL("Normal"),
    LOW("Low");

    private final String label;

    ClientPriority(String label) {
        this.label = label;
    }

    /** The word used in {@code show vrrs} output: High, Normal, Low. */
    public String label() {
        return label;
    }

    /** Parses High, Normal or Low in any case; throws with the accepted words otherwise. */
    public static ClientPriority parse(String text) {
        for (ClientPriority p : values()) {
            if (p.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown client priority '" + text + "': expected high, normal or low");
    }

    @Override
    public String toString() {
        return label.toLowerCase(Locale.ROOT);
    }
}
