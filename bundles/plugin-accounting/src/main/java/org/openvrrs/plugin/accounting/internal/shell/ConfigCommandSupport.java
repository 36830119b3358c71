package org.openvrrs.plugin.accounting.internal.shell;

import java.io.IOException;
import java.util.Map;
import org.openvrrs.plugin.accounting.internal.ConfigStore;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * What every configuring command does: write (or remove) through {@link ConfigStore}, which validates the whole
 * configuration first, and print a one-line result; a refusal is thrown as one line (Karaf prints "Error executing
 * command ...: Refused, nothing changed: ...", no stack trace, and the command fails for scripts).
 */
final class ConfigCommandSupport {
    private ConfigCommandSupport() {
    }

    /** Creates or replaces the entry {@code name} of {@code pid} with {@code props}; null props: removes it. */
    static Object apply(ConfigurationAdmin ca, String pid, String name, Map<String, Object> props, String done)
            throws IOException {
        try {
            if (props == null) {
                new ConfigStore(ca).remove(pid, name);
            } else {
                new ConfigStore(ca).write(pid, name, props);
            }
        } catch (IllegalArgumentException e) { // a ConfigException among them
            throw refused(e.getMessage());
        }
        System.out.println(done);
        return null;
    }

    static IllegalArgumentException refused(String why) {
        return new IllegalArgumentException("Refused, nothing changed: " + why);
    }
}
