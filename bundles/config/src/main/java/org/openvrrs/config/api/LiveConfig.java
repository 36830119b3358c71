package org.openvrrs.config.api;

import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * The configuration of one DS component instance, read with a {@link ConfigReader}. The component takes its
 * properties as a {@code Map<String, Object>} in {@code @Activate} and {@code @Modified} (so SCR itself never has to
 * convert, and never fails with a stack trace) and hands them to {@link #update}:
 *
 * <pre>
 * &#64;Activate
 * public MyComponent(Map&lt;String, Object&gt; properties) {
 *     config.update(properties).ifPresent(this::start);
 * }
 *
 * &#64;Modified
 * void modified(Map&lt;String, Object&gt; properties) {
 *     config.update(properties).ifPresent(this::apply);
 * }
 * </pre>
 *
 * A refused configuration is logged as its one line at ERROR, with what happens instead, and is not handed to the
 * component: it keeps the last good configuration. Before there is one, an {@link #inertUntilValid} component does
 * nothing (it is active but runs nothing from the file until the file is corrected, and then starts on the
 * {@code @Modified} call); a {@link #defaultsUntilValid} one runs on the defaults (for settings that only tune a
 * service others need, such as the registry's dispatcher).
 *
 * @param <R> the bundle's validated configuration object
 */
public final class LiveConfig<R> {
    private final ConfigReader<?, R> reader;
    private final Logger log;
    private R current;
    private boolean currentIsDefault;
    private String problem;

    private LiveConfig(ConfigReader<?, R> reader, Logger log, boolean startWithDefaults) {
        this.reader = reader;
        this.log = log;
        if (startWithDefaults) {
            current = reader.defaults();
            currentIsDefault = true;
        }
    }

    /** A component that runs nothing until its configuration is read once without fault. */
    public static <R> LiveConfig<R> inertUntilValid(ConfigReader<?, R> reader, Logger log) {
        return new LiveConfig<>(reader, log, false);
    }

    /** A component that runs on its configuration's defaults until its configuration is read once without fault. */
    public static <R> LiveConfig<R> defaultsUntilValid(ConfigReader<?, R> reader, Logger log) {
        return new LiveConfig<>(reader, log, true);
    }

    /**
     * Reads {@code properties}.
     *
     * @return the configuration to apply now; empty when it was refused (logged; nothing changes)
     */
    public synchronized Optional<R> update(Map<String, ?> properties) {
        try {
            current = reader.read(properties);
            currentIsDefault = false;
            problem = null;
            return Optional.of(current);
        } catch (ConfigException e) {
            problem = e.getMessage();
            log.error("{} ({})", problem, current == null ? "refused: nothing runs from it until it is corrected"
                    : currentIsDefault ? "refused: the defaults stay in use"
                    : "refused: the last good configuration stays in use");
            return Optional.empty();
        }
    }

    /** The configuration in use: the last one read without fault (or the defaults); empty when there is none. */
    public synchronized Optional<R> current() {
        return Optional.ofNullable(current);
    }

    /** The refusal of the latest properties, one line; empty when they were read without fault. */
    public synchronized Optional<String> problem() {
        return Optional.ofNullable(problem);
    }
}
