package org.openvrrs.fhrp.vrrp.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openvrrs.config.api.ConfigEntry;
import org.openvrrs.config.api.ConfigTarget;
import org.openvrrs.config.api.ConfigWriter;
import org.openvrrs.vrrs.api.AddressFamily;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The Config Admin side of {@code vrrp:configure} and {@code vrrp:remove}: finds a group's factory configuration by
 * network, interface, family and VRID, and changes it through the {@link ConfigWriter}, which validates with the
 * component's own reader first: a refused change writes nothing.
 */
final class VrrpConfigCommands {
    private final ConfigWriter writer;

    VrrpConfigCommands(ConfigurationAdmin configAdmin) {
        this.writer = new ConfigWriter(configAdmin);
    }

    /** The group's configuration. */
    Optional<ConfigEntry<VrrpGroupComponent.Config>> find(String network, String ifname, String family, int vrid)
            throws IOException {
        AddressFamily f = family(family);
        return writer.find(VrrpGroupComponent.FACTORY_PID, VrrpGroupComponent.Config.class,
                c -> c.network().trim().equals(network) && c.interfaceName().trim().equals(ifname) && c.family() == f
                        && c.vrid() == vrid);
    }

    /**
     * Creates or changes a group with {@code changes} applied over its current properties.
     *
     * @return the validated configuration written
     */
    VrrpGroupConfig apply(String network, String ifname, String family, int vrid, Map<String, Object> changes)
            throws IOException {
        Optional<ConfigEntry<VrrpGroupComponent.Config>> existing = find(network, ifname, family, vrid);
        Map<String, Object> props = new HashMap<>(existing.map(ConfigEntry::properties).orElse(Map.of()));
        props.put("network", network);
        props.put("interfaceName", ifname);
        props.put("family", family.trim().toLowerCase(Locale.ROOT));
        props.put("vrid", vrid);
        props.putAll(changes);
        ConfigTarget target = existing.map(ConfigEntry::target).orElse(ConfigTarget.factoryEntry(
                VrrpGroupComponent.FACTORY_PID, name(network, ifname, family, vrid)));
        return writer.write(target, props, VrrpGroupComponent.READER);
    }

    /** Deletes the group's configuration; false when there is none. */
    boolean remove(String network, String ifname, String family, int vrid) throws IOException {
        Optional<ConfigEntry<VrrpGroupComponent.Config>> c = find(network, ifname, family, vrid);
        return c.isPresent() && writer.delete(c.get().target());
    }

    /** A readable, unique name for the factory configuration (and its etc/ file). */
    static String name(String network, String ifname, String family, int vrid) {
        return (network.isEmpty() ? "" : network + "-") + ifname + "-" + family.toLowerCase(Locale.ROOT) + "-" + vrid;
    }

    private static AddressFamily family(String text) {
        try {
            return AddressFamily.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("address family '" + text + "' is not ipv4 or ipv6");
        }
    }
}
