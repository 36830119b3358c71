package org.openvrrs.net.sim.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.openvrrs.net.api.InterfaceAddress;
import org.openvrrs.vrrs.api.MacAddress;

/** A simulated router's interfaces by name, in the order added, each with its ifindex. The router guards it. */
public final class InterfaceTable {
    private final String router;
    private final Map<String, RouterInterface> interfaces = new LinkedHashMap<>();
    private int nextIndex = 1;

    public InterfaceTable(String router) {
        this.router = router;
    }

    /** Adds an interface ({@code parent} null: physical) with the next ifindex; refuses a name in use. */
    public RouterInterface register(String ifname, MacAddress burnedIn, RouterInterface parent, int vlanId,
            InterfaceAddress... addresses) {
        Objects.requireNonNull(ifname, "interface name is required");
        if (interfaces.containsKey(ifname)) {
            throw new IllegalArgumentException(router + " already has an interface named " + ifname);
        }
        RouterInterface iface = new RouterInterface(ifname, nextIndex, burnedIn, parent, vlanId);
        for (InterfaceAddress address : addresses) {
            iface.addAddress(Objects.requireNonNull(address, "addresses must not be null"));
        }
        iface.snapshot(); // validates the name and VLAN before the interface is visible
        nextIndex++;
        interfaces.put(ifname, iface);
        return iface;
    }

    /** The interface, or null. */
    public RouterInterface get(String ifname) {
        return interfaces.get(ifname);
    }

    /** The interface; refuses an unknown name. */
    public RouterInterface require(String ifname) {
        RouterInterface iface = interfaces.get(ifname);
        if (iface == null) {
            throw new IllegalArgumentException("no interface named " + ifname);
        }
        return iface;
    }

    /** The subinterface of {@code physical} with VLAN {@code vlanId}, or null. */
    public RouterInterface subinterface(RouterInterface physical, int vlanId) {
        return interfaces.values().stream().filter(i -> i.parent() == physical && i.vlanId() == vlanId)
                .findFirst().orElse(null);
    }

    public void remove(String ifname) {
        interfaces.remove(ifname);
    }

    public Collection<RouterInterface> all() {
        return interfaces.values();
    }
}
