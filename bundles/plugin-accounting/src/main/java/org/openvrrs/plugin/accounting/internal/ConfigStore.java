package org.openvrrs.plugin.accounting.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The accounting configuration in Config Admin: reads every accounting configuration, and changes one only after
 * the whole result passed {@link ConfigParser} (a refused change writes nothing). Factory configurations are named
 * {@code PID~NAME}, so {@code etc/org.openvrrs.accounting.server-rad1.cfg} style files and the commands meet.
 */
public final class ConfigStore {
    private static final List<String> INTERNAL = List.of("service.pid", "service.factoryPid",
            "service.bundleLocation", "felix.fileinstall.filename");
    private final ConfigurationAdmin configAdmin;

    public ConfigStore(ConfigurationAdmin configAdmin) {
        this.configAdmin = configAdmin;
    }

    /** The singleton's properties (empty when there is none). */
    public Map<String, Object> singleton() throws IOException {
        Configuration[] c = list("(service.pid=" + ConfigParser.PID + ")");
        return c.length == 0 ? new HashMap<>() : toMap(c[0].getProperties());
    }

    /** Every factory configuration, by factory PID. */
    public Map<String, List<Map<String, ?>>> factories() throws IOException {
        Map<String, List<Map<String, ?>>> out = new LinkedHashMap<>();
        for (String pid : ConfigParser.FACTORY_PIDS) {
            List<Map<String, ?>> l = new ArrayList<>();
            for (Configuration c : list("(service.factoryPid=" + pid + ")")) {
                l.add(toMap(c.getProperties()));
            }
            out.put(pid, l);
        }
        return out;
    }

    /**
     * Creates or replaces the entry {@code name} of {@code factoryPid} with {@code properties} (null: deletes it),
     * if the whole configuration stays valid.
     *
     * @return the model the change leads to
     * @throws IllegalArgumentException what is wrong; nothing was written
     */
    public AccountingModel apply(String factoryPid, String name, Map<String, Object> properties) throws IOException {
        Map<String, List<Map<String, ?>>> next = ConfigParser.copy(factories());
        List<Map<String, ?>> entries = next.computeIfAbsent(factoryPid, k -> new ArrayList<>());
        boolean existed = entries.removeIf(m -> name.equals(ConfigParser.nameOf(m)));
        if (properties == null && !existed) {
            throw new IllegalArgumentException("no " + factoryPid.substring(factoryPid.lastIndexOf('.') + 1) + " named "
                    + name);
        }
        if (properties != null) {
            Map<String, Object> p = new HashMap<>(properties);
            p.put("name", name);
            entries.add(p);
        }
        AccountingModel model = ConfigParser.parse(singleton(), next);
        Configuration target = find(factoryPid, name);
        if (properties == null) {
            target.delete();
            return model;
        }
        if (target == null) {
            target = configAdmin.getFactoryConfiguration(factoryPid, safe(name), "?");
        }
        Dictionary<String, Object> dict = new Hashtable<>();
        Object file = target.getProperties() == null ? null : target.getProperties().get("felix.fileinstall.filename");
        if (file != null) {
            dict.put("felix.fileinstall.filename", file);
        }
        properties.forEach(dict::put);
        dict.put("name", name);
        target.update(dict);
        return model;
    }

    private Configuration find(String factoryPid, String name) throws IOException {
        for (Configuration c : list("(service.factoryPid=" + factoryPid + ")")) {
            if (name.equals(ConfigParser.nameOf(toMap(c.getProperties())))) {
                return c;
            }
        }
        return null;
    }

    private Configuration[] list(String filter) throws IOException {
        try {
            Configuration[] c = configAdmin.listConfigurations(filter);
            return c == null ? new Configuration[0] : c;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e); // constant filters
        }
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    private static Map<String, Object> toMap(Dictionary<String, Object> d) {
        Map<String, Object> m = new HashMap<>();
        if (d != null) {
            for (Enumeration<String> keys = d.keys(); keys.hasMoreElements(); ) {
                String k = keys.nextElement();
                if (!INTERNAL.contains(k)) {
                    m.put(k, d.get(k));
                }
            }
        }
        return m;
    }
}
