package org.openvrrs.vrrs.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link VrrsServer} service says of itself through its service properties.
 *
 * @param protocol      the FHRP, e.g. {@code VRRP}
 * @param group         the VRRS group it publishes; empty when it publishes none (it only says where it runs)
 * @param network       the network the FHRP runs on
 * @param interfaceName the interface the FHRP runs on
 * @param instance      the FHRP's own name for the group, e.g. VRRP's VRID {@code 1}; empty when it has none
 */
public record ServerSpec(String protocol, String group, String network, String interfaceName, String instance) {

    public ServerSpec {
        Objects.requireNonNull(protocol, "server protocol is required");
        Objects.requireNonNull(group, "group name is required (empty when it publishes none)");
        Objects.requireNonNull(network, "network is required");
        Objects.requireNonNull(interfaceName, "interface is required");
        Objects.requireNonNull(instance, "instance is required (empty when none)");
    }

    /** A server with no name of its own for the group. */
    public ServerSpec(String protocol, String group, String network, String interfaceName) {
        this(protocol, group, network, interfaceName, "");
    }

    /** Whether it publishes a VRRS group (or only says that an FHRP runs on its interface). */
    public boolean publishes() {
        return !group.isEmpty();
    }

    /** The service properties that declare this server. */
    public Map<String, Object> toProperties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(VrrsServer.PROTOCOL, protocol);
        p.put(VrrsServer.GROUP, group);
        p.put(VrrsServer.NETWORK, network);
        p.put(VrrsServer.INTERFACE, interfaceName);
        p.put(VrrsServer.INSTANCE, instance);
        return p;
    }
}
