package org.openvrrs.cli.ios.internal.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Expands a command pattern into its token sequences: {@code [x]} is optional, {@code {a|b}} one of, both nest.
 * {@code vrrp delay {minimum <0-3600> [reload <0-3600>]|reload <0-3600>}} gives three sequences. Patterns are
 * short, so the expansion stays small, and a tree of plain sequences keeps matching and help simple.
 */
final class Patterns {
    private final String text;
    private int pos;

    private Patterns(String text) {
        this.text = text;
    }

    static List<List<Token>> expand(String pattern) {
        Patterns p = new Patterns(pattern);
        List<List<Token>> out = p.sequence();
        p.skipSpaces();
        if (p.pos != pattern.length()) {
            throw new IllegalArgumentException("pattern '" + pattern + "': unexpected '" + pattern.charAt(p.pos)
                    + "' at " + p.pos);
        }
        return out;
    }

    /** Items until '|', ']', '}' or the end: the cartesian product of their alternatives. */
    private List<List<Token>> sequence() {
        List<List<Token>> acc = new ArrayList<>();
        acc.add(List.of());
        while (true) {
            skipSpaces();
            if (pos >= text.length() || "|]}".indexOf(text.charAt(pos)) >= 0) {
                return acc;
            }
            List<List<Token>> item = item();
            List<List<Token>> next = new ArrayList<>();
            for (List<Token> a : acc) {
                for (List<Token> b : item) {
                    List<Token> joined = new ArrayList<>(a);
                    joined.addAll(b);
                    next.add(joined);
                }
            }
            acc = next;
        }
    }

    private List<List<Token>> item() {
        char c = text.charAt(pos);
        if (c == '[' || c == '{') {
            pos++;
            List<List<Token>> alternatives = new ArrayList<>(sequence());
            while (pos < text.length() && text.charAt(pos) == '|') {
                pos++;
                alternatives.addAll(sequence());
            }
            char close = c == '[' ? ']' : '}';
            if (pos >= text.length() || text.charAt(pos) != close) {
                throw new IllegalArgumentException("pattern '" + text + "': missing '" + close + "'");
            }
            pos++;
            if (c == '[') {
                alternatives.add(0, List.of());
            }
            return alternatives;
        }
        int start = pos;
        while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))
                && "[]{}|".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        return List.of(List.of(Token.of(text.substring(start, pos))));
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
