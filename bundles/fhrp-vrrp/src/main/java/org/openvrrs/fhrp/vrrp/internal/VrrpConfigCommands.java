package org.openvrrs.fhrp.vrrp.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Locale;
import java.util.Map;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The Config Admin side of {@code vrrp:configure} and {@code vrrp:remove}: finds a group's factory configuration by
 * network, interface, family and VRID, validates a change exactly as the component will read it, then writes it.
 * A refused change writes nothing.
 */
final class VrrpConfigCommands {
    private final ConfigurationAdmin configAdmin;

    VrrpConfigCommands(ConfigurationAdmin configAdmin) {
        this.configAdmin = configAdmin;
    }

    /** The group's configuration, or null. */
    Configuration find(String network, String ifname, String family, int vrid) throws IOException {
        Configuration[] all;
        try {
            all = configAdmin.listConfigurations("(service.factoryPid=" + VrrpGroupComponent.FACTORY_PID + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e); // a constant filter
        }
        for (Configuration c : all == null ? new Configuration[0] : all) {
            VrrpGroupComponent.Config typed = TypedConfig.of(VrrpGroupComponent.Config.class, toMap(c.getProperties()));
            if (typed.network().trim().equals(network) && typed.interfaceName().trim().equals(ifname)
                    && VrrpGroupConfig.parseFamily(typed.family()) == VrrpGroupConfig.parseFamily(family)
                    && typed.vrid() == vrid) {
                return c;
            }
        }
        return null;
    }

    /**
     * Creates or changes a group with {@code changes} applied over its current properties.
     *
     * @return the validated configuration written
     */
    VrrpGroupConfig apply(String network, String ifname, String family, int vrid, Map<String, Object> changes)
            throws IOException {
        Configuration existing = find(network, ifname, family, vrid);
        Map<String, Object> props = existing == null ? new HashMap<>() : toMap(existing.getProperties());
        props.remove("service.pid");
        props.remove("service.factoryPid");
        props.remove("felix.fileinstall.filename");
        props.put("network", network);
        props.put("interfaceName", ifname);
        props.put("family", family.toLowerCase(Locale.ROOT));
        props.put("vrid", vrid);
        props.putAll(changes);
        VrrpGroupConfig validated = VrrpGroupComponent.toGroupConfig(
                TypedConfig.of(VrrpGroupComponent.Config.class, props));
        Configuration target = existing != null ? existing : configAdmin.getFactoryConfiguration(
                VrrpGroupComponent.FACTORY_PID, name(network, ifname, family, vrid), "?");
        Dictionary<String, Object> dict = new Hashtable<>();
        if (existing != null && existing.getProperties().get("felix.fileinstall.filename") != null) {
            dict.put("felix.fileinstall.filename", existing.getProperties().get("felix.fileinstall.filename"));
        }
        props.forEach(dict::put);
        target.update(dict);
        return validated;
    }

    /** Deletes the group's configuration; false when there is none. */
    boolean remove(String network, String ifname, String family, int vrid) throws IOException {
        Configuration c = find(network, ifname, family, vrid);
        if (c == null) {
            return false;
        }
        c.delete();
        return true;
    }

    /** A readable, unique name for the factory configuration (and its etc/ file). */
    static String name(String network, String ifname, String family, int vrid) {
        String base = (network.isEmpty() ? "" : network + "-") + ifname + "-" + family.toLowerCase(Locale.ROOT)
                + "-" + vrid;
        return base.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    private static Map<String, Object> toMap(Dictionary<String, Object> d) {
        Map<String, Object> m = new HashMap<>();
        if (d != null) {
            for (Enumeration<String> keys = d.keys(); keys.hasMoreElements(); ) {
                String k = keys.nextElement();
                m.put(k, d.get(k));
            }
        }
        return m;
    }
}
