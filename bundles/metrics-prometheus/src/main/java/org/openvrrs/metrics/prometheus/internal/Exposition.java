package org.openvrrs.metrics.prometheus.internal;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;

/**
 * Writes the Prometheus text exposition format, version 0.0.4: per family one HELP and one TYPE line, then its
 * samples, each family written once and in one piece. Label values and help texts are escaped as the format says
 * (backslash, double quote, line feed), so any group or client name is safe.
 */
public final class Exposition {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    enum Type { COUNTER, GAUGE, HISTOGRAM }

    private final StringBuilder text = new StringBuilder();
    private final Set<String> families = new HashSet<>();
    private String family;

    /** Starts a family: every sample until the next family belongs to it (counters' names end in _total). */
    Exposition family(String name, Type type, String help) {
        check(METRIC_NAME, name);
        if (type == Type.COUNTER && !name.endsWith("_total")) {
            throw new IllegalArgumentException("counter " + name + " must end in _total");
        }
        if (!families.add(name)) {
            throw new IllegalArgumentException("family " + name + " written twice");
        }
        family = name;
        text.append("# HELP ").append(name).append(' ').append(escapeHelp(help)).append('\n');
        text.append("# TYPE ").append(name).append(' ').append(type.name().toLowerCase(java.util.Locale.ROOT))
                .append('\n');
        return this;
    }

    /**
     * One sample of the current family.
     *
     * @param suffix "" or, for a histogram, {@code _bucket}, {@code _sum}, {@code _count}
     * @param labels name, value, name, value...
     */
    Exposition sample(String suffix, double value, String... labels) {
        if (family == null) {
            throw new IllegalStateException("a sample needs a family");
        }
        if (labels.length % 2 != 0) {
            throw new IllegalArgumentException("labels come in name, value pairs");
        }
        text.append(family).append(suffix);
        if (labels.length > 0) {
            text.append('{');
            for (int i = 0; i < labels.length; i += 2) {
                check(LABEL_NAME, labels[i]);
                text.append(i == 0 ? "" : ",").append(labels[i]).append("=\"").append(escapeLabel(labels[i + 1]))
                        .append('"');
            }
            text.append('}');
        }
        text.append(' ').append(number(value)).append('\n');
        return this;
    }

    /** A family with one sample per item; nothing at all when there are no items. */
    <T> Exposition each(String name, Type type, String help, List<T> items, Function<T, String[]> labels,
            ToDoubleFunction<T> value) {
        if (!items.isEmpty()) {
            family(name, type, help);
            items.forEach(item -> sample("", value.applyAsDouble(item), labels.apply(item)));
        }
        return this;
    }

    /** A family of one unlabelled sample. */
    Exposition single(String name, Type type, String help, double value) {
        return family(name, type, help).sample("", value);
    }

    String text() {
        return text.toString();
    }

    /** Whole numbers without a decimal point (counters read as written), others in Java's shortest form. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) <= 9007199254740992.0) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** A bucket bound as people write it: 0.00005, 2.5, 1. */
    static String bound(double v) {
        return Double.isInfinite(v) ? "+Inf" : new BigDecimal(Double.toString(v)).stripTrailingZeros()
                .toPlainString();
    }

    static String escapeLabel(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    static String escapeHelp(String v) {
        return v.replace("\\", "\\\\").replace("\n", "\\n");
    }

    private static void check(Pattern p, String name) {
        if (!p.matcher(name).matches()) {
            throw new IllegalArgumentException("not a Prometheus name: " + name);
        }
    }
}
