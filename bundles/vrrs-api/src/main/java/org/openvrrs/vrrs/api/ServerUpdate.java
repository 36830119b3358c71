package org.openvrrs.vrrs.api;

import java.net.InetAddress;
import java.util.Objects;

/**
 * What a server pushes for its group. The registry adds the group name, the server's protocol and the old state.
 *
 * @param state          the new state
 * @param reason         why the group is in that state
 * @param family         address family of the group
 * @param virtualAddress the primary virtual address (the family's unspecified address when none)
 * @param virtualMac     the virtual MAC ({@link MacAddress#ZERO} when none)
 * @param activeAddress  interface address of the member that is active (the master), unspecified when unknown
 * @param standbyAddress interface address of a standby member, unspecified when unknown
 */
public record ServerUpdate(VrrsState state, StateReason reason, AddressFamily family, InetAddress virtualAddress,
        MacAddress virtualMac, InetAddress activeAddress, InetAddress standbyAddress) {

    /** Refuses null fields and addresses of the wrong family, naming the field. */
    public ServerUpdate {
        Objects.requireNonNull(state, "state is required");
        Objects.requireNonNull(reason, "reason is required");
        Objects.requireNonNull(family, "address family is required");
        Objects.requireNonNull(virtualAddress, "virtual address is required (use the unspecified address)");
        Objects.requireNonNull(virtualMac, "virtual MAC is required (use MacAddress.ZERO)");
        Objects.requireNonNull(activeAddress, "active interface address is required (use the unspecified address)");
        Objects.requireNonNull(standbyAddress, "standby interface address is required (use the unspecified address)");
        requireFamily(family, "virtual address", virtualAddress);
        requireFamily(family, "active interface address", activeAddress);
        requireFamily(family, "standby interface address", standbyAddress);
    }

    /** The update a server publishes before it knows anything: INIT with unspecified addresses. */
    public static ServerUpdate init(AddressFamily family, StateReason reason) {
        InetAddress none = family.unspecified();
        return new ServerUpdate(VrrsState.INIT, reason, family, none, MacAddress.ZERO, none, none);
    }

    /** A copy with another state and reason, addresses kept. */
    public ServerUpdate withState(VrrsState newState, StateReason newReason) {
        return new ServerUpdate(newState, newReason, family, virtualAddress, virtualMac, activeAddress, standbyAddress);
    }

    private static void requireFamily(AddressFamily family, String field, InetAddress address) {
        if (!family.contains(address)) {
            throw new IllegalArgumentException(field + " " + address.getHostAddress() + " is not an "
                    + family.label() + " address");
        }
    }
}
