package org.openvrrs.fhrp.vrrp.api;

import java.net.InetAddress;
import java.util.List;
import org.openvrrs.vrrs.api.AddressFamily;
import org.openvrrs.vrrs.api.MacAddress;

/**
 * One group as monitoring sees it.
 *
 * @param network                   the network (platform or simulated router) the group runs on; "" = the appliance's own
 * @param interfaceName             the interface as the configuration names it
 * @param vrid                      1-255
 * @param family                    IPv4 or IPv6
 * @param version                   2 or 3
 * @param vrrsName                  the VRRS name it publishes under; "" = none
 * @param description               the operator's description; "" = none
 * @param state                     its state now
 * @param configuredPriority        the configured priority (1-254)
 * @param priority                  the priority it runs at now (255 as address owner)
 * @param primaryAddress            the address it sends adverts from (unspecified while it has none)
 * @param masterAddress             the current Master's address; null when not known
 * @param virtualAddresses          primary first
 * @param advertIntervalCentis      configured advertisement interval, centiseconds
 * @param masterAdverIntervalCentis the Master's advertised interval, centiseconds
 * @param preempt                   preemption on
 * @param acceptMode                accept mode on
 * @param virtualMac                the virtual MAC (00-00-5E-00-01-VRID or -02- for IPv6)
 * @param counters                  its RFC 6527 statistics
 */
public record VrrpGroupView(String network, String interfaceName, int vrid, AddressFamily family, int version,
        String vrrsName, String description, VrrpState state, int configuredPriority, int priority,
        InetAddress primaryAddress, InetAddress masterAddress, List<InetAddress> virtualAddresses,
        int advertIntervalCentis, int masterAdverIntervalCentis, boolean preempt, boolean acceptMode,
        MacAddress virtualMac, VrrpGroupCounters counters) {

    public VrrpGroupView {
        virtualAddresses = List.copyOf(virtualAddresses);
    }
}
