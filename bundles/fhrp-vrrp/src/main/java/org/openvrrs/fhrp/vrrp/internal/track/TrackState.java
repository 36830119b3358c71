package org.openvrrs.fhrp.vrrp.internal.track;

/**
 * One track object's state as groups and {@code show track} read it, immutable.
 *
 * @param config      the object; null when it is not configured ({@link #absent})
 * @param up          Up (interface up, route present, script succeeding, file holding 0)
 * @param value       the number a file holds (0 for other types)
 * @param changes     how many times it changed since configured
 * @param sinceMillis wall-clock time of the last change (or of the configuration), epoch milliseconds
 * @param detail      why, in a few words ("exit code 1", "timed out after 2 s", "no interface eth1")
 */
public record TrackState(int id, TrackConfig config, boolean up, long value, long changes, long sinceMillis,
        String detail) {

    /** No object of that number is configured. */
    static TrackState absent(int id) {
        return new TrackState(id, null, true, 0, 0, 0, "not configured");
    }

    boolean exists() {
        return config != null;
    }

    String upDown() {
        return up ? "Up" : "Down";
    }
}
