package org.openvrrs.cli.ios.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** Config Admin values as the running configuration reads them: arrays, lists or comma-separated strings. */
final class ConfigValues {
    private ConfigValues() {
    }

    static List<String> strings(Object v) {
        List<String> raw = v == null ? List.of() : v instanceof String[] a ? Arrays.asList(a)
                : v instanceof Collection<?> c ? c.stream().map(String::valueOf).toList()
                : v.getClass().isArray() ? Arrays.stream((Object[]) v).map(String::valueOf).toList()
                : List.of(String.valueOf(v));
        return raw.stream().flatMap(s -> Arrays.stream(s.split(","))).map(String::trim).filter(s -> !s.isEmpty())
                .toList();
    }

    static String string(Object v, String otherwise) {
        return v == null ? otherwise : String.valueOf(v).trim();
    }

    static int integer(Object v, int otherwise) {
        try {
            return v == null ? otherwise : Integer.parseInt(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    static boolean bool(Object v, boolean otherwise) {
        return v == null ? otherwise : Boolean.parseBoolean(String.valueOf(v).trim());
    }
}
