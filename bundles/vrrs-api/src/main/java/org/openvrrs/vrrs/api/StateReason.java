package org.openvrrs.vrrs.api;

/** Why a group is in its current state, as shown by {@code show vrrs group}. */
public enum StateReason {
    /** The protocol's own election (adverts, timers). */
    PROTOCOL("Protocol"),
    /** The interface the group runs on went down or lost its address. */
    INTERFACE("Interface"),
    /** The group was shut down by configuration. */
    SHUTDOWN("Shutdown"),
    /** A priority change (configuration or tracking) moved the group. */
    PRIORITY("Priority"),
    /** The server that published the group went away. */
    SERVER_REMOVED("Server removed");

    private final String label;

    StateReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
