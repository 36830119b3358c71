package org.openvrrs.plugin.accounting.internal;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.osgi.util.converter.Converter;
import org.osgi.util.converter.Converters;

/**
 * Reads a configuration's properties as its {@link AccountingConfig} type through the OSGi Converter, with the
 * type's defaults: the one place where property values are coerced. Every value is converted at once, so a bad one
 * is refused here with one line naming the configuration, the key and the value, never later. A blank value counts
 * as absent (the default); a list given as one String (a line of a {@code .cfg} file) is split at commas; list
 * entries are trimmed and empty ones dropped. Text is taken as it is (callers trim what is not a secret).
 *
 * <p>Stands in for the shared configuration module ({@code org.openvrrs.config.api}) until that lands.
 */
final class TypedConfiguration {
    private static final Converter CONVERTER = Converters.standardConverter();

    private TypedConfiguration() {
    }

    /**
     * @param what names the configuration in a refusal, e.g. {@code RADIUS server rad1}
     * @throws IllegalArgumentException {@code what: key 'value' is not a whole number}
     */
    static <T> T read(Class<T> type, Map<String, ?> properties, String what) {
        Map<String, Object> values = new HashMap<>();
        for (Method m : type.getDeclaredMethods()) {
            Object raw = properties.get(m.getName());
            if (raw == null || raw instanceof String s && s.isBlank()) {
                continue;
            }
            values.put(m.getName(), convert(m.getReturnType(), raw, what + ": " + m.getName()));
        }
        return CONVERTER.convert(values).to(type);
    }

    private static Object convert(Class<?> type, Object raw, String what) {
        try {
            if (type == String[].class) {
                Object list = raw instanceof String s ? s.split(",") : raw;
                return Arrays.stream(CONVERTER.convert(list).to(String[].class)).map(String::trim)
                        .filter(e -> !e.isEmpty()).toArray(String[]::new);
            }
            // text is taken as it is (a shared secret may have spaces); a number may have spaces around it
            return CONVERTER.convert(type != String.class && raw instanceof String s ? s.trim() : raw).to(type);
        } catch (RuntimeException e) { // the converter's ConversionException, or the parser's NumberFormatException
            throw new IllegalArgumentException(what + " '" + raw + "' is not " + (type == int.class
                    ? "a whole number" : "a " + type.getSimpleName()));
        }
    }
}
