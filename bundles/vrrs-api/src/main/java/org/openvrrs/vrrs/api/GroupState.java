package org.openvrrs.vrrs.api;

import java.net.InetAddress;
import java.util.Objects;

/**
 * The registry's current view of one named group: what clients are pushed and what {@code show vrrs group} prints.
 *
 * @param group          the VRRS group name
 * @param server         protocol of the server publishing the group (e.g. {@code VRRP}), or {@code null} when no
 *                       server is configured for the name
 * @param state          current state
 * @param oldState       the state before the last change
 * @param reason         why the group is in its state
 * @param family         address family
 * @param virtualAddress primary virtual address
 * @param virtualMac     virtual MAC
 * @param activeAddress  interface address of the active member
 * @param standbyAddress interface address of a standby member
 */
public record GroupState(String group, String server, VrrsState state, VrrsState oldState, StateReason reason,
        AddressFamily family, InetAddress virtualAddress, MacAddress virtualMac, InetAddress activeAddress,
        InetAddress standbyAddress) {

    public GroupState {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(oldState, "oldState");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(virtualAddress, "virtualAddress");
        Objects.requireNonNull(virtualMac, "virtualMac");
        Objects.requireNonNull(activeAddress, "activeAddress");
        Objects.requireNonNull(standbyAddress, "standbyAddress");
    }

    /** A group known only because a client follows it: INIT, no server, IPv4, nothing known. */
    public static GroupState unserved(String group) {
        return of(group, null, VrrsState.INIT, ServerUpdate.init(AddressFamily.IPV4, StateReason.PROTOCOL));
    }

    /** Combines a server's update with the name, protocol and old state the registry knows. */
    public static GroupState of(String group, String server, VrrsState oldState, ServerUpdate u) {
        return new GroupState(group, server, u.state(), oldState, u.reason(), u.family(), u.virtualAddress(),
                u.virtualMac(), u.activeAddress(), u.standbyAddress());
    }

    /** Whether a server publishes this group ("Server connection = Live"). */
    public boolean hasServer() {
        return server != null;
    }

    public boolean isActive() {
        return state == VrrsState.ACTIVE;
    }
}
