package org.openvrrs.cli.ios.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** IOS output modifiers: {@code | include|exclude|begin|section REGEX}. */
public record OutputFilter(String kind, Pattern regex) {
    static final List<String> KINDS = List.of("begin", "exclude", "include", "section");

    /** {@code kindWord} may be abbreviated ({@code inc}); throws a {@link CliException} when it is not one. */
    public static OutputFilter of(String kindWord, String regex) throws CliException {
        String w = kindWord.toLowerCase(Locale.ROOT);
        List<String> fits = KINDS.stream().filter(k -> k.startsWith(w)).toList();
        if (fits.size() != 1 || regex.isBlank()) {
            throw new CliException(fits.size() > 1 ? "% Ambiguous command: \"| " + kindWord + "\""
                    : fits.isEmpty() ? CliException.INVALID : "% Incomplete command.");
        }
        try {
            return new OutputFilter(fits.get(0), Pattern.compile(regex.trim()));
        } catch (PatternSyntaxException e) {
            throw new CliException("% Invalid regular expression: " + regex.trim());
        }
    }

    public List<String> apply(List<String> lines) {
        List<String> out = new ArrayList<>();
        switch (kind) {
            case "include" -> lines.stream().filter(this::matches).forEach(out::add);
            case "exclude" -> lines.stream().filter(l -> !matches(l)).forEach(out::add);
            case "begin" -> {
                boolean on = false;
                for (String l : lines) {
                    on |= matches(l);
                    if (on) {
                        out.add(l);
                    }
                }
            }
            default -> section(lines, out);
        }
        return out;
    }

    /** A section is an unindented line and the indented ones under it: whole when its head matches. */
    private void section(List<String> lines, List<String> out) {
        int i = 0;
        while (i < lines.size()) {
            int end = i + 1;
            while (end < lines.size() && lines.get(end).startsWith(" ")) {
                end++;
            }
            List<String> section = lines.subList(i, end);
            if (matches(section.get(0))) {
                out.addAll(section);
            } else {
                List<String> children = section.subList(1, section.size()).stream().filter(this::matches).toList();
                if (!children.isEmpty()) {
                    out.add(section.get(0));
                    out.addAll(children);
                }
            }
            i = end;
        }
    }

    private boolean matches(String line) {
        return regex.matcher(line).find();
    }
}
