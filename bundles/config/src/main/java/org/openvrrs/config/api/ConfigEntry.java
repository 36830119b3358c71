package org.openvrrs.config.api;

import java.util.Map;

/**
 * One stored configuration as a {@link ConfigWriter} found it.
 *
 * @param target     where a change of it is written
 * @param source     its file ({@code etc/NAME.cfg}) or PID, as refusals name it
 * @param properties its properties without the framework's keys: the base a command changes
 * @param config     its properties read as the configuration annotation
 * @param <T>        the configuration annotation
 */
public record ConfigEntry<T>(ConfigTarget target, String source, Map<String, Object> properties, T config) {
    public ConfigEntry {
        properties = Map.copyOf(properties);
    }
}
