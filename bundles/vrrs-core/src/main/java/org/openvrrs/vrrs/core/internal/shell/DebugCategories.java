package org.openvrrs.vrrs.core.internal.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The debug categories the installed bundles declare. Each bundle lists its own in its manifest header
 * {@value #HEADER} ({@code OpenVRRS-Debug: infra.client, infra.events}) and logs those lines at DEBUG on the logger
 * {@code org.openvrrs.debug.AREA.CATEGORY}; {@code vrrs:debug AREA CATEGORY} switches that logger on and off.
 */
final class DebugCategories {
    static final String HEADER = "OpenVRRS-Debug";
    static final String PREFIX = "org.openvrrs.debug";
    private static final Pattern ENTRY = Pattern.compile("([a-z][a-z0-9-]*)\\.([a-z][a-z0-9-]*)");

    /** Categories by area, sorted. */
    private final SortedMap<String, TreeSet<String>> areas = new TreeMap<>();

    /** Reads the headers' values; an entry that is not {@code area.category} is skipped. */
    DebugCategories(List<String> headers) {
        for (String header : headers) {
            for (String entry : header.split(",")) {
                var m = ENTRY.matcher(entry.trim());
                if (m.matches()) {
                    areas.computeIfAbsent(m.group(1), a -> new TreeSet<>()).add(m.group(2));
                }
            }
        }
    }

    Map<String, TreeSet<String>> areas() {
        return areas;
    }

    /** The logger names for {@code area} and {@code categories} ("all" or none = every category of the area). */
    List<String> loggers(String area, List<String> categories) {
        TreeSet<String> known = areas.get(area);
        if (known == null) {
            throw new IllegalArgumentException("unknown debug area '" + area + "': expected one of "
                    + String.join(", ", areas.keySet()));
        }
        List<String> wanted = categories == null || categories.isEmpty() || categories.contains("all")
                ? new ArrayList<>(known) : categories;
        List<String> loggers = new ArrayList<>();
        for (String c : wanted) {
            if (!known.contains(c)) {
                throw new IllegalArgumentException("unknown " + area + " debug category '" + c + "': expected all, "
                        + String.join(", ", known));
            }
            loggers.add(PREFIX + "." + area + "." + c);
        }
        return loggers;
    }
}
