package org.openvrrs.plugin.common.api;

import java.util.Optional;
import org.openvrrs.vrrs.api.GroupState;
import org.openvrrs.vrrs.api.MacAddress;

/**
 * A VRRS plug-in (Interface-State, MAC-Address), offered as an OSGi service. The plug-in infrastructure calls it,
 * never twice at once, for every subinterface it is configured on: with the followed group's state at once when the
 * plug-in arrives or the subinterface is configured, then once per change (of the group's state, of the
 * subinterface's configuration, or of its interface, unless the change is the plug-ins' own doing, such as
 * Interface-State bringing the line protocol up); and {@link #release} when the configuration goes or the plug-in
 * leaves. A plug-in must give back everything it forced, also in its own deactivation, and may be called from any
 * thread (timers go on the network's scheduler).
 */
public interface SubinterfacePlugin {

    /** The debug category and label: {@code if-state}, {@code mac}. */
    String name();

    /** Lower acts first on each update: Interface-State (0) brings the line protocol up before MAC-Address (10). */
    int order();

    /** Whether the subinterface's configuration asks for this plug-in. */
    boolean configuredOn(Subinterface subinterface);

    /**
     * Acts on the followed group's state. Idempotent: the same state twice changes nothing.
     *
     * @param state the latest state; {@link GroupState#unserved(String)} when no server (or no registry) is known
     */
    void update(Subinterface subinterface, GroupState state);

    /** Gives the subinterface back: administrative line-protocol state, burned-in MAC. Idempotent. */
    void release(Subinterface subinterface);

    /** The MAC the subinterface's primary address is answered with because of this plug-in, if any. */
    default Optional<MacAddress> arpMac(Subinterface subinterface) {
        return Optional.empty();
    }
}
