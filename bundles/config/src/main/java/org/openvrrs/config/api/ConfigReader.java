package org.openvrrs.config.api;

import java.lang.reflect.Method;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.osgi.util.converter.Converter;
import org.osgi.util.converter.Converters;

/**
 * Reads configuration properties as a bundle's configuration annotation (the {@code @ObjectClassDefinition} of its
 * PID, with its defaults), strictly, then through the bundle's validator. Refused, each as a {@link ConfigException}
 * of one line naming the file, the key and the value:
 * <ul>
 *   <li>a value of the wrong type ({@code priority = 'high': not a whole number});</li>
 *   <li>an enum value that is none of its constants ({@code family = 'ipv5': not one of ipv4, ipv6}), matched case
 *       insensitively by name or by a {@link ConfigValue} spelling;</li>
 *   <li>a missing key whose attribute has no default;</li>
 *   <li>a key that is no attribute (a misspelling would otherwise be ignored in silence), except the framework's own
 *       ({@code service.pid}, {@code service.factoryPid}, {@code service.bundleLocation},
 *       {@code felix.fileinstall.filename}, Karaf's {@code org.apache.karaf.features.configKey},
 *       {@code component.*}, {@code osgi.ds.*}, reference targets
 *       {@code *.target}) and private ones starting with a dot;</li>
 *   <li>whatever the validator refuses with an {@link IllegalArgumentException}, its message prefixed with the
 *       source.</li>
 * </ul>
 * Attribute names map to keys as in Declarative Services ({@code _} is {@code .}, {@code __} is {@code _},
 * {@code $_$} is {@code -}). The value of a {@link ConfigSecret} attribute is never shown in a refusal. Values are
 * checked here, then the OSGi Converter builds the annotation instance.
 *
 * @param <T> the configuration annotation
 * @param <R> what the validator makes of it (the bundle's validated configuration object)
 */
public final class ConfigReader<T, R> {
    static final String FILEINSTALL_FILENAME = "felix.fileinstall.filename";
    // Karaf's features service marks the configurations of <config> elements with the configKey
    private static final Set<String> FRAMEWORK_KEYS = Set.of("service.pid", "service.factoryPid",
            "service.bundleLocation", FILEINSTALL_FILENAME, "org.apache.karaf.features.configKey");
    private static final Converter CONVERTER = Converters.standardConverter();

    private final Class<T> type;
    private final Function<? super T, ? extends R> validator;
    private final Map<String, Method> attributes = new TreeMap<>();
    private final Set<String> secrets = new TreeSet<>();

    private ConfigReader(Class<T> type, Function<? super T, ? extends R> validator) {
        if (!type.isAnnotation()) {
            throw new IllegalArgumentException(type.getName() + " is not an annotation interface");
        }
        this.type = type;
        this.validator = validator;
        for (Method m : type.getDeclaredMethods()) {
            attributes.put(key(m.getName()), m);
            if (m.isAnnotationPresent(ConfigSecret.class)) {
                secrets.add(key(m.getName()));
            }
        }
    }

    /** Reads {@code type} with no validation beyond the types. */
    public static <T> ConfigReader<T, T> of(Class<T> type) {
        return new ConfigReader<>(type, Function.identity());
    }

    /**
     * Reads {@code type}, then {@code validator} makes the bundle's configuration object of it, throwing an
     * {@link IllegalArgumentException} with a message for the operator when the values do not go together.
     */
    public static <T, R> ConfigReader<T, R> of(Class<T> type, Function<? super T, ? extends R> validator) {
        return new ConfigReader<>(type, validator);
    }

    public Class<T> type() {
        return type;
    }

    /** The keys of the configuration, sorted. */
    public Set<String> keys() {
        return Collections.unmodifiableSet(attributes.keySet());
    }

    /** The validated configuration of {@code properties}. */
    public R read(Map<String, ?> properties) {
        return read(properties, sourceOf(properties));
    }

    /** The validated configuration of {@code properties}, e.g. {@code Configuration.getProperties()}. */
    public R readDictionary(Dictionary<String, ?> properties) {
        return read(toMap(properties));
    }

    /** The validated configuration of no properties at all: every attribute's default. */
    public R defaults() {
        return read(Map.of(), "defaults of " + type.getName());
    }

    /** {@code properties} as the annotation, checked for types and keys but not validated. */
    public T typed(Map<String, ?> properties) {
        return typed(properties, sourceOf(properties));
    }

    R read(Map<String, ?> properties, String source) {
        T typed = typed(properties, source);
        try {
            return validator.apply(typed);
        } catch (ConfigException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source, String.valueOf(e.getMessage()));
        }
    }

    private T typed(Map<String, ?> properties, String source) {
        for (String k : new TreeSet<>(properties.keySet())) {
            if (properties.get(k) != null && !attributes.containsKey(k) && !isFrameworkKey(k)) {
                throw new ConfigException(source, k + " = " + shown(k, properties.get(k))
                        + ": unknown key (known: " + String.join(", ", attributes.keySet()) + ")");
            }
        }
        Map<String, Object> values = new HashMap<>();
        for (Map.Entry<String, Method> a : attributes.entrySet()) {
            Object raw = properties.get(a.getKey());
            if (raw == null) {
                if (a.getValue().getDefaultValue() == null) {
                    throw new ConfigException(source, a.getKey() + " is required and not set");
                }
                continue; // the Converter's annotation instance answers the default
            }
            try {
                values.put(a.getKey(), Values.convert(raw, a.getValue().getReturnType()));
            } catch (Values.Refused e) {
                throw new ConfigException(source, a.getKey() + " = " + shown(a.getKey(), raw) + ": " + e.getMessage());
            }
        }
        return CONVERTER.convert(values).to(type);
    }

    /**
     * A value as a refusal shows it, quoted; {@code <hidden>} for a {@link ConfigSecret} and, while the configuration
     * has a secret, for an unknown key (perhaps the secret's key misspelled).
     */
    private String shown(String key, Object raw) {
        boolean hidden = secrets.contains(key) || !secrets.isEmpty() && !attributes.containsKey(key);
        return hidden ? "<hidden>" : "'" + Values.show(raw) + "'";
    }

    /**
     * How an operator writes {@code constant} in a file: its first {@link ConfigValue} spelling, else its name in lower
     * case.
     */
    public static String spelling(Enum<?> constant) {
        return Values.spellings(constant).get(0);
    }

    static boolean isFrameworkKey(String key) {
        return FRAMEWORK_KEYS.contains(key) || key.startsWith(".") || key.startsWith("component.")
                || key.startsWith("osgi.ds.") || key.endsWith(".target");
    }

    /**
     * Where properties come from, for the operator: {@code etc/NAME.cfg} when Felix File Install read them from a
     * file, otherwise the PID (or the factory PID), otherwise just "configuration".
     */
    public static String sourceOf(Map<String, ?> properties) {
        Object file = properties.get(FILEINSTALL_FILENAME);
        if (file != null) {
            String f = file.toString();
            return "etc/" + f.substring(Math.max(f.lastIndexOf('/'), f.lastIndexOf('\\')) + 1);
        }
        for (String k : new String[] {"service.pid", "service.factoryPid"}) {
            if (properties.get(k) != null) {
                return properties.get(k).toString();
            }
        }
        return "configuration";
    }

    /** A Config Admin dictionary as a map (null: empty). */
    static Map<String, Object> toMap(Dictionary<String, ?> d) {
        Map<String, Object> m = new HashMap<>();
        if (d != null) {
            for (Enumeration<String> keys = d.keys(); keys.hasMoreElements(); ) {
                String k = keys.nextElement();
                m.put(k, d.get(k));
            }
        }
        return m;
    }

    /** The property key of an attribute method, as Declarative Services 1.4 (112.8.2.1) maps it. */
    static String key(String methodName) {
        StringBuilder b = new StringBuilder();
        String n = methodName;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (n.startsWith("$_$", i)) {
                b.append('-');
                i += 2;
            } else if (n.startsWith("$$", i)) {
                b.append('$');
                i++;
            } else if (n.startsWith("__", i)) {
                b.append('_');
                i++;
            } else if (c == '_') {
                b.append('.');
            } else if (c != '$') {
                b.append(c);
            }
        }
        return b.toString();
    }
}
