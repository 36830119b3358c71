package org.openvrrs.metrics.prometheus.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The samples of an exposition, by their line's name and labels as written: {@code x_total{a="b"}} -> value. */
final class Samples {
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{.*\\})?) (\\S+)");

    private Samples() {
    }

    static Map<String, Double> of(String text) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            if (!m.matches()) {
                throw new AssertionError("not a sample line: " + line);
            }
            if (out.put(m.group(1), Double.valueOf(m.group(2).replace("+Inf", "Infinity"))) != null) {
                throw new AssertionError("sample written twice: " + m.group(1));
            }
        }
        return out;
    }

    /** The families' TYPE lines: name -> type. */
    static Map<String, String> types(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                List<String> parts = List.of(line.split(" "));
                out.put(parts.get(2), parts.get(3));
            }
        }
        return out;
    }
}
