package org.openvrrs.vrrs.api;

import java.util.regex.Pattern;

/**
 * The logger names behind the {@code vrrs:debug AREA CATEGORY} commands: {@code org.openvrrs.debug.AREA.CATEGORY}.
 * A bundle logs its debug lines at DEBUG level on these loggers; the command switches them on and off, so the lines
 * show in {@code log:tail} only while an operator asked for them.
 */
public final class DebugLoggers {
    public static final String PREFIX = "org.openvrrs.debug";

    private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9-]*");

    private DebugLoggers() {
    }

    /** e.g. {@code name("infra", "client")} is {@code org.openvrrs.debug.infra.client}. */
    public static String name(String area, String category) {
        if (!WORD.matcher(area).matches() || !WORD.matcher(category).matches()) {
            throw new IllegalArgumentException("debug area and category are lower-case words: " + area + " " + category);
        }
        return PREFIX + "." + area + "." + category;
    }
}
