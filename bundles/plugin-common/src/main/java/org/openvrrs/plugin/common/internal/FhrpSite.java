package org.openvrrs.plugin.common.internal;

import java.util.Map;
import java.util.Optional;
import org.openvrrs.net.api.Network;
import org.openvrrs.vrrs.api.VrrsServer;

/**
 * Where an FHRP runs: what the guide's restrictions are checked against (a plug-in subinterface runs no FHRP itself
 * and shares the physical interface of the group it follows).
 *
 * @param network       network name ({@code local} for the appliance's own)
 * @param interfaceName interface the FHRP runs on
 * @param vrrsName      the VRRS name it publishes
 * @param label         e.g. {@code VRRP group VRRS_NAME_1}
 */
public record FhrpSite(String network, String interfaceName, String vrrsName, String label) {

    /**
     * The site a {@link VrrsServer} service declares through its properties; empty when it names no interface. The
     * label names the FHRP's own group (VRRP's VRID), as the guide's messages do, else the VRRS name.
     */
    public static Optional<FhrpSite> ofServer(Map<String, ?> properties) {
        String interfaceName = text(properties.get(VrrsServer.INTERFACE));
        if (interfaceName.isEmpty()) {
            return Optional.empty();
        }
        String network = text(properties.get(VrrsServer.NETWORK));
        String group = text(properties.get(VrrsServer.GROUP));
        String instance = text(properties.get(VrrsServer.INSTANCE));
        return Optional.of(new FhrpSite(network.isEmpty() ? Network.LOCAL : network, interfaceName, group,
                text(properties.get(VrrsServer.PROTOCOL)) + " group " + (instance.isEmpty() ? group : instance)));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().trim();
    }
}
