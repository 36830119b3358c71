package org.openvrrs.plugin.common.api;

import java.util.Objects;
import org.openvrrs.net.api.Network;

/**
 * A subinterface configured with {@code vrrs follow NAME}, live on its network: what a plug-in needs to act on it.
 *
 * @param networkName        the {@code network.name} of its {@link Network} ({@value Network#LOCAL} for the appliance's
 *                           own)
 * @param network            the network it lives on
 * @param interfaceName      e.g. {@code eth0.2}
 * @param follow             the VRRS group name it follows
 * @param interfaceState     {@code vrrs interface-state} configured
 * @param macAddress         {@code vrrs mac-address} configured
 * @param arp                {@code vrrs mac-address arp}: unsolicited ARPs repeated every interval for duration
 * @param arpIntervalSeconds seconds between unsolicited ARPs
 * @param arpDurationSeconds seconds during which they are repeated after the virtual MAC is taken
 */
public record Subinterface(String networkName, Network network, String interfaceName, String follow,
        boolean interfaceState, boolean macAddress, boolean arp, int arpIntervalSeconds, int arpDurationSeconds) {
    public Subinterface {
        Objects.requireNonNull(networkName, "network name is required");
        Objects.requireNonNull(network, "network is required");
        Objects.requireNonNull(interfaceName, "interface name is required");
        Objects.requireNonNull(follow, "followed name is required");
    }

    /** {@code eth0.2} on the appliance's own network, {@code r1/eth0.2} on another (as {@code show vrrp}). */
    public String where() {
        return where(networkName, interfaceName);
    }

    public static String where(String networkName, String interfaceName) {
        return Network.LOCAL.equals(networkName) ? interfaceName : networkName + "/" + interfaceName;
    }
}
