package org.openvrrs.net.sim.internal;

import java.net.InetAddress;
import org.openvrrs.vrrs.api.MacAddress;

/** What a simulated LAN sees of an attached router interface or host: something frames can be offered to. */
@FunctionalInterface
public interface Port {

    /**
     * Offers a frame as it is on the wire (tagged when it belongs to a VLAN); called on the LAN's scheduler.
     *
     * @param wireFrame shared between all ports: read it, copy it to keep or change it
     * @return whether the port accepted the frame (it is up, on the frame's VLAN, and the destination MAC is its own)
     */
    boolean offer(byte[] wireFrame);

    /**
     * The MAC that owns {@code ip} behind this port on VLAN {@code vlanId} (0: untagged), as ARP or neighbour
     * discovery would find it; null when none (the default).
     */
    default MacAddress owner(int vlanId, InetAddress ip) {
        return null;
    }
}
