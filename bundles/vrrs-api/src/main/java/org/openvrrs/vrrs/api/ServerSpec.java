package org.openvrrs.vrrs.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link VrrsServer} service says of itself through its service properties.
 *
 * @param protocol      the FHRP, e.g. {@code VRRP}
 * @param group         the VRRS group it publishes
 * @param network       the network the FHRP runs on
 * @param interfaceName the interface the FHRP runs on
 */
public record ServerSpec(String protocol, String group, String network, String interfaceName) {

    public ServerSpec {
        Objects.requireNonNull(protocol, "server protocol is required");
        Objects.requireNonNull(group, "group name is required");
        Objects.requireNonNull(network, "network is required");
        Objects.requireNonNull(interfaceName, "interface is required");
    }

    /** The service properties that declare this server. */
    public Map<String, Object> toProperties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(VrrsServer.PROTOCOL, protocol);
        p.put(VrrsServer.GROUP, group);
        p.put(VrrsServer.NETWORK, network);
        p.put(VrrsServer.INTERFACE, interfaceName);
        return p;
    }
}
