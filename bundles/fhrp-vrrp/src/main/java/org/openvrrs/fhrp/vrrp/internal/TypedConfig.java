package org.openvrrs.fhrp.vrrp.internal;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.Map;

/**
 * Reads a configuration map through a DS configuration annotation, with the annotation's defaults, so the shell
 * validates a configuration exactly as the component will read it (one parser, one set of defaults).
 */
final class TypedConfig {
    private TypedConfig() {
    }

    @SuppressWarnings("unchecked")
    static <T> T of(Class<T> type, Map<String, ?> properties) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString") ? type.getSimpleName() + properties : null;
            }
            Object value = properties.get(method.getName());
            if (value == null) {
                Object fallback = method.getDefaultValue();
                if (fallback == null) {
                    throw new IllegalArgumentException(method.getName() + " is required");
                }
                return fallback;
            }
            return convert(method, value);
        });
    }

    private static Object convert(Method method, Object value) {
        Class<?> t = method.getReturnType();
        if (t == String[].class) {
            if (value instanceof String[] a) {
                return a;
            }
            if (value instanceof Collection<?> c) {
                return c.stream().map(String::valueOf).toArray(String[]::new);
            }
            if (value.getClass().isArray()) {
                String[] out = new String[Array.getLength(value)];
                for (int i = 0; i < out.length; i++) {
                    out[i] = String.valueOf(Array.get(value, i));
                }
                return out;
            }
            return new String[] {String.valueOf(value)};
        }
        String text = String.valueOf(value).trim();
        try {
            if (t == int.class) {
                return value instanceof Number n ? n.intValue() : Integer.parseInt(text);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(method.getName() + " '" + text + "' is not a whole number");
        }
        if (t == boolean.class) {
            if (value instanceof Boolean b) {
                return b;
            }
            if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException(method.getName() + " '" + text + "' is not true or false");
            }
            return Boolean.parseBoolean(text);
        }
        return text;
    }
}
