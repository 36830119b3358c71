package org.openvrrs.cli.ios.internal.parse;

import java.util.List;
import java.util.Optional;

/**
 * The words a command matched, each with the token it matched (interfaces canonical, keywords in full) and as
 * typed.
 */
public record Args(List<Matched> matched) {
    public record Matched(Token token, String word, int offset, String raw) {
    }

    public Args {
        matched = List.copyOf(matched);
    }

    /** Whether the keyword was given. */
    public boolean has(String keyword) {
        return matched.stream().anyMatch(m -> m.token().isKeyword() && m.token().text().equals(keyword));
    }

    /** The word right after the first {@code keyword}. */
    public Optional<String> after(String keyword) {
        for (int i = 0; i + 1 < matched.size(); i++) {
            if (matched.get(i).token().isKeyword() && matched.get(i).token().text().equals(keyword)) {
                return Optional.of(matched.get(i + 1).word());
            }
        }
        return Optional.empty();
    }

    /** The {@code index}th variable (not keyword) word. */
    public String var(int index) {
        return vars().get(index);
    }

    public int number(int index) {
        return Integer.parseInt(var(index));
    }

    public List<String> vars() {
        return matched.stream().filter(m -> !m.token().isKeyword()).map(Matched::word).toList();
    }

    /** The first keyword, as typed in full: {@code no} for the no forms. */
    public boolean negated() {
        return !matched.isEmpty() && matched.get(0).token().isKeyword() && matched.get(0).token().text().equals("no");
    }
}
