package org.openvrrs.config.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The one way shell commands (and any other front end) change configuration: the new properties are read with the
 * component's own {@link ConfigReader} (types, keys, then the bundle's validator) and only then written through
 * Config Admin, so a refused command never leaves a broken file behind. The refusal says what is wrong with what was
 * typed, without naming a file or PID the operator did not write. An entry read from a file keeps its file
 * ({@code felix.fileinstall.filename}), so File Install writes the change back to it.
 */
public final class ConfigWriter {
    private final ConfigurationAdmin configAdmin;

    public ConfigWriter(ConfigurationAdmin configAdmin) {
        this.configAdmin = configAdmin;
    }

    /** The stored properties of {@code pid} without the framework's keys; empty when there is none. */
    public Map<String, Object> properties(String pid) throws IOException {
        Configuration c = lookup(pid);
        return c == null ? new HashMap<>() : withoutFrameworkKeys(ConfigReader.toMap(c.getProperties()));
    }

    /**
     * Every entry of {@code factoryPid} whose properties read as {@code type}. Entries that do not (a hand-edited
     * file the component refuses as well) are left out: they are not what a command looks for.
     */
    public <T> List<ConfigEntry<T>> entries(String factoryPid, Class<T> type) throws IOException {
        ConfigReader<T, T> reader = ConfigReader.of(type);
        List<ConfigEntry<T>> out = new ArrayList<>();
        for (Configuration c : list("(service.factoryPid=" + escape(factoryPid) + ")")) {
            Map<String, Object> all = ConfigReader.toMap(c.getProperties());
            try {
                T config = reader.typed(all);
                out.add(new ConfigEntry<>(new ConfigTarget(c.getPid(), factoryPid, null), ConfigReader.sourceOf(all),
                        withoutFrameworkKeys(all), config));
            } catch (ConfigException e) {
                // not readable, so not the entry looked for
            }
        }
        return out;
    }

    /** The first entry of {@code factoryPid} that {@code match} accepts. */
    public <T> Optional<ConfigEntry<T>> find(String factoryPid, Class<T> type, Predicate<? super T> match)
            throws IOException {
        return entries(factoryPid, type).stream().filter(e -> match.test(e.config())).findFirst();
    }

    /**
     * Replaces the properties of {@code target} with {@code properties} (creating it when it does not exist) if
     * {@code reader} accepts them.
     *
     * @return the validated configuration written
     * @throws ConfigException what is wrong (one line, no source); nothing was written
     */
    public <R> R write(ConfigTarget target, Map<String, ?> properties, ConfigReader<?, R> reader)
            throws IOException {
        Configuration existing = lookup(target.pid());
        Object file = existing == null || existing.getProperties() == null ? null
                : existing.getProperties().get(ConfigReader.FILEINSTALL_FILENAME);
        Map<String, Object> clean = withoutFrameworkKeys(properties);
        R validated = reader.read(clean, null);
        Configuration c = existing != null ? existing : create(target);
        Dictionary<String, Object> dictionary = new Hashtable<>(clean);
        if (file != null) {
            dictionary.put(ConfigReader.FILEINSTALL_FILENAME, file);
        }
        c.update(dictionary);
        return validated;
    }

    /** Deletes {@code target} (and File Install its file); false when there is none. */
    public boolean delete(ConfigTarget target) throws IOException {
        Configuration c = lookup(target.pid());
        if (c == null) {
            return false;
        }
        c.delete();
        return true;
    }

    private Configuration create(ConfigTarget target) throws IOException {
        if (target.factoryPid() == null) {
            return configAdmin.getConfiguration(target.pid(), "?");
        }
        if (target.name() == null) {
            throw new IllegalStateException(target.pid() + " was removed meanwhile");
        }
        return configAdmin.getFactoryConfiguration(target.factoryPid(), target.name(), "?");
    }

    private Configuration lookup(String pid) throws IOException {
        Configuration[] found = list("(service.pid=" + escape(pid) + ")");
        return found.length == 0 ? null : found[0];
    }

    private Configuration[] list(String filter) throws IOException {
        try {
            Configuration[] found = configAdmin.listConfigurations(filter);
            return found == null ? new Configuration[0] : found;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e); // values are escaped
        }
    }

    private static Map<String, Object> withoutFrameworkKeys(Map<String, ?> properties) {
        Map<String, Object> m = new HashMap<>();
        properties.forEach((k, v) -> {
            if (v != null && !ConfigReader.isFrameworkKey(k)) {
                m.put(k, v);
            }
        });
        return m;
    }

    /** A value inside an LDAP filter. */
    private static String escape(String value) {
        return value.replaceAll("([\\\\*()])", "\\\\$1");
    }
}
