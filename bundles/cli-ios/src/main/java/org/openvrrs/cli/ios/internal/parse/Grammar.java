package org.openvrrs.cli.ios.internal.parse;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The command tree of every mode: patterns compiled to a tree of tokens (sequences with a common start share
 * nodes), matched word by word with IOS's rules: an exact keyword beats an abbreviation, a unique abbreviation beats
 * a variable, two keywords abbreviated by the same word are ambiguous. Gives the match, or the IOS error with the
 * word it is about; lists what may come next ({@code ?}) and completes a word (Tab).
 *
 * @param <H> what a command runs
 */
public final class Grammar<H> {
    private final Map<Mode, Node<H>> roots = new EnumMap<>(Mode.class);
    private final Map<String, String> keywordHelp = new HashMap<>();

    private static final class Node<H> {
        final Token token;
        final List<Node<H>> children = new ArrayList<>();
        H command;

        Node(Token token) {
            this.token = token;
        }
    }

    /** The outcome of parsing a line. */
    public sealed interface Parse<H> {
    }

    public record Match<H>(H command, Args args) implements Parse<H> {
    }

    public enum Error { INVALID, INCOMPLETE, AMBIGUOUS }

    /** An IOS error about word {@code word} (the word count when the line ended too early). */
    public record Failure<H>(Error error, int word) implements Parse<H> {
    }

    /** One line of {@code ?}: what may be typed and its help. */
    public record Help(String text, String help) {
    }

    /** Adds a command; a pattern already present in the mode is an error in the grammar, not in input. */
    public Grammar<H> add(Mode mode, String pattern, H command) {
        for (List<Token> sequence : Patterns.expand(pattern)) {
            Node<H> node = roots.computeIfAbsent(mode, m -> new Node<>(null));
            for (Token t : sequence) {
                Node<H> parent = node;
                node = parent.children.stream().filter(c -> c.token.equals(t)).findFirst().orElseGet(() -> add(parent, t));
            }
            if (node.command != null && node.command != command) {
                throw new IllegalArgumentException("pattern '" + pattern + "' of " + mode + " is already a command");
            }
            node.command = command;
        }
        return this;
    }

    private Node<H> add(Node<H> parent, Token t) {
        Node<H> n = new Node<>(t);
        parent.children.add(n);
        return n;
    }

    /** The one line {@code ?} prints after a keyword. */
    public Grammar<H> help(String keyword, String text) {
        keywordHelp.put(keyword.toLowerCase(Locale.ROOT), text);
        return this;
    }

    public Parse<H> parse(Mode mode, Words words) {
        Node<H> root = roots.get(mode);
        if (root == null) {
            return new Failure<>(Error.INVALID, 0);
        }
        return walk(root, words, 0, new ArrayList<>());
    }

    private Parse<H> walk(Node<H> node, Words words, int i, List<Args.Matched> path) {
        if (i == words.size()) {
            return node.command != null ? new Match<>(node.command, new Args(path))
                    : new Failure<>(Error.INCOMPLETE, i);
        }
        List<Step<H>> steps = steps(node, words, i);
        if (steps.isEmpty()) {
            return new Failure<>(Error.INVALID, i);
        }
        if (steps.get(0).ambiguous) {
            return new Failure<>(Error.AMBIGUOUS, i);
        }
        Failure<H> furthest = null;
        for (Step<H> s : steps) {
            List<Args.Matched> next = new ArrayList<>(path);
            String raw = s.consumed == 1 ? words.get(i) : words.line().substring(words.offset(i),
                    words.offset(i + s.consumed - 1) + words.get(i + s.consumed - 1).length());
            next.add(new Args.Matched(s.node.token, s.word, words.offset(i), raw));
            Parse<H> p = walk(s.node, words, i + s.consumed, next);
            if (p instanceof Match<H>) {
                return p;
            }
            Failure<H> f = (Failure<H>) p;
            if (furthest == null || f.word() > furthest.word()) {
                furthest = f;
            }
        }
        return furthest;
    }

    private record Step<H>(Node<H> node, int consumed, String word, boolean ambiguous) {
    }

    /** The children word {@code i} may enter, by IOS's precedence; one flagged step when it is ambiguous. */
    private List<Step<H>> steps(Node<H> node, Words words, int i) {
        List<Step<H>> exact = new ArrayList<>();
        List<Step<H>> partial = new ArrayList<>();
        List<Step<H>> variable = new ArrayList<>();
        String w = words.get(i);
        for (Node<H> c : node.children) {
            Token t = c.token;
            if (t.kind() == Token.Kind.IFNAME) {
                if (i + 1 < words.size() && InterfaceNames.isTypeWord(w)) {
                    InterfaceNames.of(w, words.get(i + 1)).ifPresent(n -> variable.add(new Step<>(c, 2, n, false)));
                }
                InterfaceNames.of(w).ifPresent(n -> variable.add(new Step<>(c, 1, n, false)));
                continue;
            }
            switch (t.fit(w)) {
                case EXACT -> exact.add(new Step<>(c, 1, t.text(), false));
                case PARTIAL -> partial.add(new Step<>(c, 1, t.text(), false));
                case VARIABLE -> variable.add(t.kind() == Token.Kind.LINE
                        ? new Step<>(c, words.size() - i, words.rest(i), false) : new Step<>(c, 1, w, false));
                default -> { }
            }
        }
        if (!exact.isEmpty()) {
            return exact;
        }
        if (partial.size() > 1) {
            return List.of(new Step<>(partial.get(0).node, 1, w, true));
        }
        return partial.isEmpty() ? variable : partial;
    }

    /**
     * {@code ?}: with {@code partial} empty, what may follow the words; otherwise the keywords {@code partial}
     * abbreviates. Empty when the words themselves do not parse.
     */
    public List<Help> help(Mode mode, Words words, String partial) {
        Map<String, Help> out = new LinkedHashMap<>();
        boolean complete = false;
        for (Node<H> n : reach(mode, words)) {
            complete |= n.command != null && partial.isEmpty();
            for (Node<H> c : n.children) {
                Token t = c.token;
                if (t.isKeyword() && t.text().startsWith(partial.toLowerCase(Locale.ROOT))) {
                    out.putIfAbsent(t.text(), new Help(t.text(), keywordHelp.getOrDefault(t.text(), "")));
                } else if (!t.isKeyword() && (partial.isEmpty() || t.fit(partial) != Token.Fit.NONE)) {
                    out.putIfAbsent(t.display(), new Help(t.display(), Token.variableHelp(t)));
                }
            }
        }
        List<Help> sorted = new ArrayList<>(new TreeMap<>(out).values());
        if (complete) {
            sorted.add(new Help("<cr>", ""));
        }
        return sorted;
    }

    /**
     * Tab: the words {@code partial} may complete to, keywords and the values {@code values} offers for a variable
     * (by its name: {@code IFNAME}, {@code GROUP}, {@code LIST}...).
     */
    public List<String> complete(Mode mode, Words words, String partial, Function<String, List<String>> values) {
        Set<String> out = new LinkedHashSet<>();
        String p = partial.toLowerCase(Locale.ROOT);
        for (Node<H> n : reach(mode, words)) {
            for (Node<H> c : n.children) {
                Token t = c.token;
                List<String> options = t.isKeyword() ? List.of(t.text()) : values.apply(t.text());
                options.stream().filter(o -> o.toLowerCase(Locale.ROOT).startsWith(p)).forEach(out::add);
            }
        }
        return new ArrayList<>(new java.util.TreeSet<>(out));
    }

    /** Every node the whole of {@code words} leads to, following every branch. */
    private List<Node<H>> reach(Mode mode, Words words) {
        List<Node<H>> current = new ArrayList<>();
        if (roots.containsKey(mode)) {
            current.add(roots.get(mode));
        }
        List<Integer> at = new ArrayList<>(List.of(0));
        List<Node<H>> done = new ArrayList<>();
        while (!current.isEmpty()) {
            List<Node<H>> next = new ArrayList<>();
            List<Integer> nextAt = new ArrayList<>();
            for (int k = 0; k < current.size(); k++) {
                int i = at.get(k);
                if (i == words.size()) {
                    done.add(current.get(k));
                    continue;
                }
                for (Step<H> s : steps(current.get(k), words, i)) {
                    if (!s.ambiguous && s.node.token.kind() != Token.Kind.LINE) {
                        next.add(s.node);
                        nextAt.add(i + s.consumed);
                    }
                }
            }
            current = next;
            at = nextAt;
        }
        return done;
    }
}
