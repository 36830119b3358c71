package org.openvrrs.plugin.common.internal;

/**
 * Where an FHRP group is configured: what the guide's restrictions are checked against (a plug-in subinterface runs
 * no FHRP itself and shares the physical interface of the group it follows).
 *
 * @param network       network name ({@code local} for the appliance's own)
 * @param interfaceName interface the group runs on
 * @param vrrsName      the VRRS name it publishes, empty when none
 * @param label         e.g. {@code VRRP group 1}
 */
public record FhrpSite(String network, String interfaceName, String vrrsName, String label) {
}
