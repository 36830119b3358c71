package org.openvrrs.vrrs.core.internal.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openvrrs.vrrs.api.DebugLoggers;

/** The {@code debug vrrs} areas and categories of the IOS guide; plug-in bundles log on these loggers. */
final class DebugCategories {
    static final Map<String, List<String>> AREAS = new LinkedHashMap<>();

    static {
        AREAS.put("infra", List.of("client", "events", "server"));
        AREAS.put("plugin", List.of("arp-packet", "client", "database", "if-state", "mac", "process", "sublock",
                "test"));
        AREAS.put("accounting", List.of("errors", "events"));
    }

    private DebugCategories() {
    }

    /** The logger names for {@code area} and {@code categories} ("all" or none = every category of the area). */
    static List<String> loggers(String area, List<String> categories) {
        List<String> known = AREAS.get(area);
        if (known == null) {
            throw new IllegalArgumentException("unknown debug area '" + area + "': expected one of "
                    + String.join(", ", AREAS.keySet()));
        }
        List<String> wanted = categories == null || categories.isEmpty() || categories.contains("all") ? known
                : categories;
        List<String> loggers = new ArrayList<>();
        for (String c : wanted) {
            if (!known.contains(c)) {
                throw new IllegalArgumentException("unknown " + area + " debug category '" + c + "': expected all, "
                        + String.join(", ", known));
            }
            loggers.add(DebugLoggers.name(area, c));
        }
        return loggers;
    }
}
