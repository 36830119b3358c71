package org.openvrrs.cli.ios.internal.parse;

import java.util.ArrayList;
import java.util.List;

/** A line split into words, each with its offset (for the caret); a double-quoted string is one word, quotes kept. */
public record Words(String line, List<String> words, List<Integer> offsets) {

    public static Words of(String line) {
        List<String> words = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            if (line.charAt(i) == '"') {
                int close = line.indexOf('"', i + 1);
                i = close < 0 ? n : close + 1;
            }
            while (i < n && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            words.add(line.substring(start, i));
            offsets.add(start);
        }
        return new Words(line, List.copyOf(words), List.copyOf(offsets));
    }

    public int size() {
        return words.size();
    }

    public String get(int i) {
        return words.get(i);
    }

    /** The text from word {@code i} to the end of the line. */
    public String rest(int i) {
        return line.substring(offsets.get(i)).trim();
    }

    /** The text up to the end of word {@code i}. */
    public String upTo(int i) {
        return line.substring(0, offsets.get(i) + words.get(i).length()).trim();
    }

    /** Where word {@code i} starts; the line's length past the last word. */
    public int offset(int i) {
        return i < offsets.size() ? offsets.get(i) : line.length();
    }
}
