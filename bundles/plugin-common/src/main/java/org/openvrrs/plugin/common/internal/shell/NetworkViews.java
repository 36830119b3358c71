package org.openvrrs.plugin.common.internal.shell;

import java.util.Map;
import java.util.TreeMap;
import org.openvrrs.net.api.Network;
import org.openvrrs.plugin.common.internal.PluginInfrastructure;

/** The networks a show command covers: the one named, or every one, by name. */
final class NetworkViews {
    private NetworkViews() {
    }

    static Map<String, Network> select(PluginInfrastructure infra, String name) {
        Map<String, Network> all = new TreeMap<>(infra.networks());
        if (name == null || name.isBlank()) {
            return all;
        }
        Network n = all.get(name.trim());
        if (n == null) {
            throw new IllegalArgumentException("no network named " + name + " (known: " + String.join(", ",
                    all.keySet()) + ")");
        }
        return Map.of(name.trim(), n);
    }

    static void header(Map<String, Network> selected, String name) {
        if (selected.size() > 1) {
            System.out.println("Network " + name + ":");
        }
    }
}
