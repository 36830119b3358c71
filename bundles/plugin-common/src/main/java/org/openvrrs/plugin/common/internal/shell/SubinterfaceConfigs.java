package org.openvrrs.plugin.common.internal.shell;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.openvrrs.net.api.Network;
import org.openvrrs.plugin.common.api.Subinterface;
import org.openvrrs.plugin.common.internal.PluginDatabaseComponent;
import org.openvrrs.plugin.common.internal.SubinterfaceRules;
import org.openvrrs.plugin.common.internal.SubinterfaceSettings;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The Config Admin side of {@code vrrs:follow}, {@code vrrs:interface-state} and {@code vrrs:mac-address}: finds a
 * subinterface's configuration, applies a change, checks the guide's restrictions against the live network and the
 * configured FHRP groups, and writes only an accepted change. Returns the warnings to print.
 */
final class SubinterfaceConfigs {
    private final ConfigurationAdmin configAdmin;
    private final PluginDatabaseComponent database;

    SubinterfaceConfigs(ConfigurationAdmin configAdmin, PluginDatabaseComponent database) {
        this.configAdmin = configAdmin;
        this.database = database;
    }

    Configuration find(String network, String ifname) throws IOException {
        String net = network.isBlank() ? Subinterface.LOCAL : network.trim();
        Configuration[] all;
        try {
            all = configAdmin.listConfigurations("(service.factoryPid=" + SubinterfaceSettings.FACTORY_PID + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e); // a constant filter
        }
        for (Configuration c : all == null ? new Configuration[0] : all) {
            try {
                SubinterfaceSettings s = SubinterfaceSettings.parse(toMap(c.getProperties()));
                if (s.network().equals(net) && s.interfaceName().equals(ifname.trim())) {
                    return c;
                }
            } catch (IllegalArgumentException e) {
                // a broken configuration is not this one
            }
        }
        return null;
    }

    SubinterfaceSettings current(String network, String ifname) throws IOException {
        Configuration c = find(network, ifname);
        if (c == null) {
            throw new IllegalArgumentException("no vrrs follow on " + Subinterface.where(
                    network.isBlank() ? Subinterface.LOCAL : network, ifname) + ": configure vrrs:follow first");
        }
        return SubinterfaceSettings.parse(toMap(c.getProperties()));
    }

    /** Validates {@code settings} and writes them; throws with every refusal, changing nothing. */
    List<String> write(SubinterfaceSettings settings) throws IOException {
        Network network = database.infrastructure().network(settings.network()).orElseThrow(() ->
                new IllegalArgumentException("no network named " + settings.network() + " (known: "
                        + String.join(", ", database.infrastructure().networks().keySet()) + ")"));
        SubinterfaceRules.Verdict verdict = SubinterfaceRules.check(settings, network::find, database.fhrpSites());
        if (!verdict.accepted()) {
            throw new IllegalArgumentException(String.join("; ", verdict.errors()));
        }
        Configuration existing = find(settings.network(), settings.interfaceName());
        Configuration target = existing != null ? existing : configAdmin.getFactoryConfiguration(
                SubinterfaceSettings.FACTORY_PID, settings.where().replaceAll("[^A-Za-z0-9_.-]", "_"), "?");
        Dictionary<String, Object> dict = new Hashtable<>();
        if (existing != null && existing.getProperties().get("felix.fileinstall.filename") != null) {
            dict.put("felix.fileinstall.filename", existing.getProperties().get("felix.fileinstall.filename"));
        }
        settings.toProperties().forEach(dict::put);
        target.update(dict);
        return verdict.warnings();
    }

    /** Changes an existing configuration. */
    List<String> change(String network, String ifname, UnaryOperator<SubinterfaceSettings> change) throws IOException {
        return write(change.apply(current(network, ifname)));
    }

    boolean remove(String network, String ifname) throws IOException {
        Configuration c = find(network, ifname);
        if (c == null) {
            return false;
        }
        c.delete();
        return true;
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
