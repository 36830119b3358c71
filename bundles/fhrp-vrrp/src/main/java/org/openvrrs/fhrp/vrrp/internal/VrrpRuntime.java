package org.openvrrs.fhrp.vrrp.internal;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.openvrrs.net.api.Network;
import org.openvrrs.vrrs.api.IpAddresses;
import org.openvrrs.vrrs.api.VrrsRegistry;

/**
 * The VRRP engine without OSGi, for tools and tests that run the appliance's VRRP in a plain JVM (the namespace
 * interop tests start one inside a network namespace). Groups are configured with the same properties, defaults and
 * validation as the {@code org.openvrrs.vrrp.group} factory configuration. Not used by the bundle itself.
 */
public final class VrrpRuntime {

    /** Told of every state change of a group, on its network's scheduler thread. */
    @FunctionalInterface
    public interface StateListener {
        /**
         * @param group    the group's key, e.g. {@code eth0/IPv4/1}
         * @param state    INITIALIZE, BACKUP or MASTER
         * @param master   the current Master's address as this router knows it ("" when none)
         * @param priority this router's priority
         */
        void changed(String group, String state, String master, int priority);
    }

    private final VrrpEngine engine = new VrrpEngine(Map.of(), false);
    private final VrrsRegistry registry;

    /** A runtime whose named groups publish nothing. */
    public VrrpRuntime() {
        this(null);
    }

    /** A runtime whose groups with a {@code name} publish their state to {@code registry}, as in the appliance. */
    public VrrpRuntime(VrrsRegistry registry) {
        this.registry = registry;
    }

    /** Offers a network to the groups configured on it ({@code network} property; "" = {@code local}). */
    public void addNetwork(String name, Network network) {
        engine.addNetwork(name, network);
    }

    public void removeNetwork(String name) {
        engine.removeNetwork(name);
    }

    /**
     * Adds a group configured as {@code org.openvrrs.vrrp.group} properties ({@code interfaceName}, {@code vrid},
     * {@code addresses}, {@code priority}, ...). Closing the handle removes it (a Master resigns with priority 0).
     *
     * @throws IllegalArgumentException with the operator's message when the configuration is invalid
     */
    public AutoCloseable addGroup(Map<String, ?> properties, StateListener listener) {
        VrrpGroupConfig config = VrrpGroupComponent.READER.read(properties);
        VrrsPublisher publisher = new VrrsPublisher();
        VrrpEngine.Handle handle = engine.add(config, (group, old, reason) -> {
            publisher.changed(group, old, reason);
            GroupStatus s = group.status();
            InetAddress master = s.masterAddress();
            listener.changed(config.key(), s.state().name(), master == null ? "" : IpAddresses.format(master),
                    s.priority());
        });
        publisher.attach(handle);
        if (registry != null) {
            publisher.registryAdded(registry);
        }
        return () -> {
            engine.remove(handle);
            publisher.close();
        };
    }

    /** One line per group: key, state, Master address. */
    public List<String> status() {
        return engine.status().stream().map(s -> s.config().key() + " " + s.state() + " "
                + (s.masterAddress() == null ? "-" : IpAddresses.format(s.masterAddress()))).toList();
    }
}
