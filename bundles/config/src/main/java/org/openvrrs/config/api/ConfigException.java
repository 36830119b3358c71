package org.openvrrs.config.api;

/**
 * A configuration refused, as one line for the operator: where it comes from (the file {@code etc/NAME.cfg}, or the
 * PID when there is no file) and what is wrong, e.g. {@code etc/org.openvrrs.vrrp.group-g1.cfg: priority = 'high':
 * not a whole number}. A command's refusal ({@link ConfigWriter}) is about what the operator typed, not about a file:
 * it has no source, and its message is the problem alone.
 */
public final class ConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String problem;

    /** {@code source} null: a refusal of what an operator typed, the message is {@code problem} alone. */
    public ConfigException(String source, String problem) {
        super(oneLine(source == null ? problem : source + ": " + problem));
        this.source = source;
        this.problem = problem;
    }

    /** The file ({@code etc/NAME.cfg}) or PID the configuration comes from; null for a command's refusal. */
    public String source() {
        return source;
    }

    /** What is wrong, without the source. */
    public String problem() {
        return problem;
    }

    /** Line breaks and other control characters a value may carry would split the log line: shown escaped. */
    static String oneLine(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.toString();
    }
}
