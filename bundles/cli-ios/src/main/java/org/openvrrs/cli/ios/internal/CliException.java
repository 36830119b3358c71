package org.openvrrs.cli.ios.internal;

/**
 * A command's refusal as IOS prints it: one line starting with "%", or {@code % Invalid input} with the caret under
 * the word at {@link #caretOffset()} (-1: no caret).
 */
public final class CliException extends Exception {
    private static final long serialVersionUID = 1L;
    public static final String INVALID = "% Invalid input detected at '^' marker.";

    private final int caretOffset;

    public CliException(String message) {
        this(message, -1);
    }

    private CliException(String message, int caretOffset) {
        super(message.startsWith("%") ? message : "% " + message, null, false, false);
        this.caretOffset = caretOffset;
    }

    /** {@code % Invalid input} about the word at {@code offset} of the line. */
    public static CliException invalidAt(int offset) {
        return new CliException(INVALID, offset);
    }

    public int caretOffset() {
        return caretOffset;
    }
}
