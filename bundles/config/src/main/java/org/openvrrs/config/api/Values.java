package org.openvrrs.config.api;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The strict conversions of one configuration value to an attribute's type. The OSGi Converter is lenient where an
 * operator must be told (it reads "yes" as false, truncates 1.5 to 1, wraps 3000000000 into an int and takes an
 * enum from a number as its ordinal), so values are checked and converted here first.
 */
final class Values {
    private Values() {
    }

    /** What is wrong with a value, without the key and the value (the caller adds them). */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String problem) {
            super(problem, null, false, false);
        }
    }

    /** {@code raw} as {@code type}: a scalar attribute type, an enum, or an array of them. */
    static Object convert(Object raw, Class<?> type) throws Refused {
        if (type.isArray()) {
            List<Object> elements = elements(raw);
            Object array = Array.newInstance(type.getComponentType(), elements.size());
            for (int i = 0; i < elements.size(); i++) {
                Array.set(array, i, scalar(elements.get(i), type.getComponentType()));
            }
            return array;
        }
        List<Object> elements = elements(raw); // a one-element list is one value (as a typed .config file has it)
        if (elements.size() != 1) {
            throw new Refused("a list of " + elements.size() + " values, not one value");
        }
        return scalar(elements.get(0), type);
    }

    /** A value as shown in a refusal: lists joined with commas. */
    static String show(Object raw) {
        if (raw instanceof Collection<?> || raw.getClass().isArray()) {
            try {
                return elements(raw).stream().map(String::valueOf).collect(Collectors.joining(", "));
            } catch (Refused e) {
                return String.valueOf(raw);
            }
        }
        return String.valueOf(raw);
    }

    private static List<Object> elements(Object raw) throws Refused {
        if (raw instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        if (raw.getClass().isArray()) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < Array.getLength(raw); i++) {
                list.add(Array.get(raw, i));
            }
            return list;
        }
        return List.of(raw);
    }

    private static Object scalar(Object value, Class<?> type) throws Refused {
        if (value == null || value instanceof Collection<?> || value.getClass().isArray()) {
            throw new Refused(value == null ? "an empty element" : "a list inside a list");
        }
        if (type == String.class) {
            if (value instanceof String || value instanceof Number || value instanceof Boolean
                    || value instanceof Character || value instanceof Enum<?>) {
                return String.valueOf(value);
            }
            throw new Refused("a " + value.getClass().getSimpleName() + ", not text");
        }
        if (type == boolean.class || type == Boolean.class) {
            return bool(value);
        }
        if (type.isEnum()) {
            return constant(value, type);
        }
        if (type == double.class || type == float.class) {
            double d = decimal(value).doubleValue();
            return type == double.class ? d : (Object) (float) d;
        }
        if (type == char.class) {
            String s = String.valueOf(value);
            if (s.length() != 1) {
                throw new Refused("not one character");
            }
            return s.charAt(0);
        }
        return whole(value, type);
    }

    private static Boolean bool(Object value) throws Refused {
        if (value instanceof Boolean b) {
            return b;
        }
        String t = value instanceof String s ? s.trim() : "";
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(t);
        }
        throw new Refused("not true or false");
    }

    private static BigDecimal decimal(Object value) throws Refused {
        try {
            if (value instanceof Number n) {
                return new BigDecimal(n.toString());
            }
            if (value instanceof String s) {
                return new BigDecimal(s.trim());
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new Refused("not a number");
    }

    private static Object whole(Object value, Class<?> type) throws Refused {
        long min;
        long max;
        if (type == int.class || type == Integer.class) {
            min = Integer.MIN_VALUE;
            max = Integer.MAX_VALUE;
        } else if (type == long.class || type == Long.class) {
            min = Long.MIN_VALUE;
            max = Long.MAX_VALUE;
        } else if (type == short.class || type == Short.class) {
            min = Short.MIN_VALUE;
            max = Short.MAX_VALUE;
        } else if (type == byte.class || type == Byte.class) {
            min = Byte.MIN_VALUE;
            max = Byte.MAX_VALUE;
        } else {
            throw new IllegalArgumentException("configuration attributes of type " + type.getName()
                    + " are not supported"); // a programming error of the bundle, not the operator's
        }
        BigInteger n;
        try {
            n = decimal(value).toBigIntegerExact();
        } catch (Refused | ArithmeticException e) {
            throw new Refused("not a whole number");
        }
        if (n.compareTo(BigInteger.valueOf(min)) < 0 || n.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new Refused("outside " + min + " to " + max);
        }
        long v = n.longValue();
        if (type == int.class || type == Integer.class) {
            return (int) v;
        }
        if (type == short.class || type == Short.class) {
            return (short) v;
        }
        if (type == byte.class || type == Byte.class) {
            return (byte) v;
        }
        return v;
    }

    private static Object constant(Object value, Class<?> type) throws Refused {
        if (type.isInstance(value)) {
            return value;
        }
        if (!(value instanceof String) && !(value instanceof Number)) {
            throw new Refused("a " + value.getClass().getSimpleName() + ", not one of " + spellings(type));
        }
        String text = String.valueOf(value).trim();
        for (Object c : type.getEnumConstants()) {
            Enum<?> e = (Enum<?>) c;
            if (e.name().equalsIgnoreCase(text) || spellings(e).stream().anyMatch(text::equalsIgnoreCase)) {
                return e;
            }
        }
        throw new Refused("not one of " + spellings(type));
    }

    /** The spellings of every constant, as an operator would write them. */
    static String spellings(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(c -> spellings((Enum<?>) c).get(0))
                .collect(Collectors.joining(", "));
    }

    static List<String> spellings(Enum<?> constant) {
        try {
            ConfigValue v = constant.getDeclaringClass().getField(constant.name()).getAnnotation(ConfigValue.class);
            return v != null && v.value().length > 0 ? List.of(v.value())
                    : List.of(constant.name().toLowerCase(Locale.ROOT));
        } catch (NoSuchFieldException e) {
            throw new AssertionError(e); // every constant is a public field of its enum
        }
    }
}
