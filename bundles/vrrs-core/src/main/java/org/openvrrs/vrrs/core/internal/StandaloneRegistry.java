package org.openvrrs.vrrs.core.internal;

import org.openvrrs.vrrs.api.VrrsRegistry;
import org.openvrrs.vrrs.core.internal.shell.ShowFormat;

/**
 * The VRRS registry without OSGi, for tools and tests that run the appliance's parts in a plain JVM (the namespace
 * tests run VRRP, VRRS and net-linux inside a network namespace). Same database and dispatcher as the bundle.
 */
public final class StandaloneRegistry implements AutoCloseable {
    private final VrrsDatabase database = new VrrsDatabase(2, 100, 1000);

    /** The registry as one user (what a bundle would get), named for the logs. */
    public VrrsRegistry registry(String user) {
        return new BundleRegistry(database, user);
    }

    /** The {@code show vrrs group} text of a group, as the shell prints it; empty when unknown. */
    public String showGroup(String name) {
        return database.group(name)
                .map(g -> ShowFormat.group(g, database.recipients(name)))
                .orElse("");
    }

    @Override
    public void close() {
        database.close();
    }
}
