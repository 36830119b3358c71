package org.openvrrs.net.api;

/** Told of every change to an interface, so protocol code follows line protocol, MAC and address changes. */
@FunctionalInterface
public interface InterfaceListener {

    /**
     * Called on the network's {@link Scheduler} after each change.
     *
     * @param before the interface before the change, {@code null} when it was added
     * @param after  the interface after the change, {@code null} when it was removed
     */
    void interfaceChanged(NetInterface before, NetInterface after);
}
