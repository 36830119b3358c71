package org.openvrrs.config.test;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.EnumSet;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Config Admin in memory, for tests of what commands write: configurations by PID, named factory entries
 * ({@code FACTORY~NAME}), filters as Config Admin evaluates them, and a count of the writes.
 */
public final class InMemoryConfigAdmin implements ConfigurationAdmin {
    private final Map<String, Stored> configurations = new LinkedHashMap<>();
    private int writes;
    private int generated;

    /** Stores a configuration as File Install would read {@code etc/FILE}. */
    public void putFile(String pid, String factoryPid, String file, Map<String, ?> properties) {
        Stored s = new Stored(pid, factoryPid);
        Hashtable<String, Object> d = new Hashtable<>(properties);
        d.put("felix.fileinstall.filename", "file:/opt/openvrrs/etc/" + file);
        s.properties = d;
        configurations.put(pid, s);
    }

    /** The stored properties of {@code pid} (with service.pid and the like), or null. */
    public Dictionary<String, Object> stored(String pid) {
        Stored s = configurations.get(pid);
        return s == null || s.properties == null ? null : withIds(s);
    }

    public Set<String> pids() {
        return configurations.keySet();
    }

    /** How many times a configuration was updated or deleted. */
    public int writes() {
        return writes;
    }

    @Override
    public Configuration createFactoryConfiguration(String factoryPid) {
        return createFactoryConfiguration(factoryPid, null);
    }

    @Override
    public Configuration createFactoryConfiguration(String factoryPid, String location) {
        String pid = factoryPid + "." + (++generated);
        Stored s = new Stored(pid, factoryPid);
        configurations.put(pid, s);
        return s;
    }

    @Override
    public Configuration getConfiguration(String pid, String location) {
        return configurations.computeIfAbsent(pid, p -> new Stored(p, null));
    }

    @Override
    public Configuration getConfiguration(String pid) {
        return getConfiguration(pid, null);
    }

    @Override
    public Configuration getFactoryConfiguration(String factoryPid, String name, String location) {
        return configurations.computeIfAbsent(factoryPid + "~" + name, p -> new Stored(p, factoryPid));
    }

    @Override
    public Configuration getFactoryConfiguration(String factoryPid, String name) {
        return getFactoryConfiguration(factoryPid, name, null);
    }

    @Override
    public Configuration[] listConfigurations(String filter) throws InvalidSyntaxException {
        Filter f = filter == null ? null : FrameworkUtil.createFilter(filter);
        List<Configuration> out = new ArrayList<>();
        for (Stored s : configurations.values()) {
            if (s.properties != null && (f == null || f.match(withIds(s)))) {
                out.add(s);
            }
        }
        return out.isEmpty() ? null : out.toArray(new Configuration[0]);
    }

    private static Dictionary<String, Object> withIds(Stored s) {
        Hashtable<String, Object> d = new Hashtable<>();
        for (var e = s.properties.keys(); e.hasMoreElements(); ) {
            String k = e.nextElement();
            d.put(k, s.properties.get(k));
        }
        d.put("service.pid", s.pid);
        if (s.factoryPid != null) {
            d.put("service.factoryPid", s.factoryPid);
        }
        return d;
    }

    private final class Stored implements Configuration {
        private final String pid;
        private final String factoryPid;
        private Hashtable<String, Object> properties;
        private long changes;

        Stored(String pid, String factoryPid) {
            this.pid = pid;
            this.factoryPid = factoryPid;
        }

        @Override
        public String getPid() {
            return pid;
        }

        @Override
        public Dictionary<String, Object> getProperties() {
            return properties == null ? null : withIds(this);
        }

        @Override
        public Dictionary<String, Object> getProcessedProperties(ServiceReference<?> reference) {
            return getProperties();
        }

        @Override
        public void update(Dictionary<String, ?> p) {
            Hashtable<String, Object> copy = new Hashtable<>();
            for (var e = p.keys(); e.hasMoreElements(); ) {
                String k = e.nextElement();
                if (!k.equals("service.pid") && !k.equals("service.factoryPid")) {
                    copy.put(k, p.get(k));
                }
            }
            properties = copy;
            changes++;
            writes++;
            configurations.put(pid, this);
        }

        @Override
        public void delete() {
            configurations.remove(pid);
            writes++;
        }

        @Override
        public String getFactoryPid() {
            return factoryPid;
        }

        @Override
        public void update() {
        }

        @Override
        public boolean updateIfDifferent(Dictionary<String, ?> p) {
            update(p);
            return true;
        }

        @Override
        public void setBundleLocation(String location) {
        }

        @Override
        public String getBundleLocation() {
            return null;
        }

        @Override
        public long getChangeCount() {
            return changes;
        }

        @Override
        public void addAttributes(ConfigurationAttribute... attrs) {
        }

        @Override
        public Set<ConfigurationAttribute> getAttributes() {
            return EnumSet.noneOf(ConfigurationAttribute.class);
        }

        @Override
        public void removeAttributes(ConfigurationAttribute... attrs) {
        }
    }
}
