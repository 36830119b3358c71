package org.openvrrs.plugin.accounting.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openvrrs.config.api.ConfigException;
import org.openvrrs.config.api.ConfigTarget;
import org.openvrrs.config.api.ConfigWriter;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The accounting configuration in Config Admin: reads every accounting configuration (with its file, for refusals),
 * and changes one through the config module's {@link ConfigWriter} only when the whole result passes
 * {@link ConfigParser}: a refused change writes nothing. Factory configurations are named {@code PID~NAME}, so
 * {@code etc/org.openvrrs.accounting.server-rad1.cfg} style files and the commands meet.
 */
public final class ConfigStore {
    private final ConfigurationAdmin configAdmin;
    private final ConfigWriter writer;

    public ConfigStore(ConfigurationAdmin configAdmin) {
        this.configAdmin = configAdmin;
        this.writer = new ConfigWriter(configAdmin);
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
     * Creates or replaces the entry {@code name} of {@code factoryPid} with {@code properties}, if it and the whole
     * configuration with it are valid.
     *
     * @return the model the change leads to
     * @throws ConfigException what is wrong (one line); nothing was written
     */
    public AccountingModel write(String factoryPid, String name, Map<String, Object> properties) throws IOException {
        Map<String, List<Map<String, ?>>> others = factories();
        List<Map<String, ?>> replaced = without(others, factoryPid, name);
        Map<String, Object> p = new HashMap<>(properties);
        p.put("name", name);
        ConfigTarget target = replaced.isEmpty() ? ConfigTarget.factoryEntry(factoryPid, name)
                : new ConfigTarget(String.valueOf(replaced.get(0).get("service.pid")), factoryPid, null);
        return writer.write(target, p, ConfigParser.withEntry(ConfigParser.kind(factoryPid), singleton(), others));
    }

    /**
     * Deletes the entry {@code name} of {@code factoryPid}, if the configuration without it is valid (nothing else
     * refers to it).
     *
     * @return the model the removal leads to
     * @throws IllegalArgumentException what is wrong (one line); nothing was deleted
     */
    public AccountingModel remove(String factoryPid, String name) throws IOException {
        Map<String, List<Map<String, ?>>> others = factories();
        List<Map<String, ?>> removed = without(others, factoryPid, name);
        if (removed.isEmpty()) {
            throw new IllegalArgumentException("no " + factoryPid.substring(factoryPid.lastIndexOf('.') + 1)
                    + " named " + name);
        }
        AccountingModel model = ConfigParser.parse(singleton(), others);
        for (Map<String, ?> r : removed) {
            writer.delete(new ConfigTarget(String.valueOf(r.get("service.pid")), factoryPid, null));
        }
        return model;
    }

    /** Takes the entries named {@code name} out of {@code factories}' {@code factoryPid} list, and returns them. */
    private static List<Map<String, ?>> without(Map<String, List<Map<String, ?>>> factories, String factoryPid,
            String name) {
        List<Map<String, ?>> entries = factories.computeIfAbsent(factoryPid, k -> new ArrayList<>());
        List<Map<String, ?>> named = entries.stream().filter(m -> name.equals(String.valueOf(m.get("name")).trim()))
                .toList();
        entries.removeAll(named);
        return named;
    }

    private Configuration[] list(String filter) throws IOException {
        try {
            Configuration[] c = configAdmin.listConfigurations(filter);
            return c == null ? new Configuration[0] : c;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e); // constant filters
        }
    }

    /** Every property, the framework's included: they name the file a refusal is about. */
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
