package org.openvrrs.plugin.common.api;

/**
 * The subinterfaces configured with {@code vrrs follow}, counted at one instant.
 *
 * @param following      configured to follow a VRRS name
 * @param live           of those, acted on now (the interface exists and no FHRP server runs on it)
 * @param active         of the live ones, those whose followed group is served and ACTIVE
 * @param interfaceState configured with {@code vrrs interface-state}
 * @param macAddress     configured with {@code vrrs mac-address}
 */
public record SubinterfaceCounts(int following, int live, int active, int interfaceState, int macAddress) {
}
