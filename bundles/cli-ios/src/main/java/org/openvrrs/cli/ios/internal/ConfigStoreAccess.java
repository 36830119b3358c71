package org.openvrrs.cli.ios.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * What {@code configure replace} needs beyond the commands: the configuration the running-config covers, taken
 * and put back whole (it was valid when taken), and cleared before the new lines are applied.
 */
interface ConfigStoreAccess {
    /** The raw entries: factory PID (or PID) to the entries' properties. */
    record Snapshot(Map<String, List<Map<String, Object>>> entries) {
    }

    Snapshot snapshot() throws IOException;

    /** Deletes every entry the running-config prints (the appliance's own network and accounting). */
    void clearLocal() throws IOException;

    void restore(Snapshot snapshot) throws IOException;
}
