package org.openvrrs.config.api;

import java.util.Objects;

/**
 * The configuration a {@link ConfigWriter} writes: a singleton PID, a named entry of a factory PID (Config Admin 1.6
 * PID {@code FACTORY~NAME}, File Install's {@code etc/FACTORY-NAME.cfg}), or an entry found by
 * {@link ConfigWriter#find}, whatever its PID.
 *
 * @param pid        the configuration's PID
 * @param factoryPid its factory PID; null for a singleton
 * @param name       the entry name it is created with when it does not exist; null for an existing entry
 */
public record ConfigTarget(String pid, String factoryPid, String name) {
    public ConfigTarget {
        Objects.requireNonNull(pid, "pid");
    }

    public static ConfigTarget singleton(String pid) {
        return new ConfigTarget(pid, null, null);
    }

    /**
     * The entry {@code name} of {@code factoryPid}; characters other than letters, digits, {@code _ . -} in the name
     * become {@code _}, as it names the entry's file.
     */
    public static ConfigTarget factoryEntry(String factoryPid, String name) {
        String safe = name.replaceAll("[^A-Za-z0-9_.-]", "_");
        return new ConfigTarget(factoryPid + "~" + safe, factoryPid, safe);
    }
}
