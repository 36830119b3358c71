package org.openvrrs.cli.ios.internal.parse;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One word of a command pattern, FRR DEFUN style: a keyword, {@code <1-255>}, {@code A.B.C.D}, {@code A.B.C.D/M},
 * {@code X:X::X}, {@code X:X::X/M}, {@code LINE} (the rest of the line), {@code IFNAME} (an interface, one or two
 * words: {@code gigabitethernet 0/0/0} or {@code gi0/0/0.1}) or any other upper-case name, which is one free word
 * whose name says what Tab completes it with ({@code WORD}, {@code GROUP}, {@code LIST}...).
 *
 * @param kind what it matches
 * @param text the keyword (lower case), or the pattern's spelling of a variable
 * @param low  a range's bounds
 */
public record Token(Kind kind, String text, long low, long high) {
    public enum Kind { KEYWORD, RANGE, IPV4, IPV4_PREFIX, IPV6, IPV6_PREFIX, LINE, IFNAME, WORD }

    /** How a word matched: the keyword exactly, a keyword's abbreviation, or a variable. */
    public enum Fit { NONE, EXACT, PARTIAL, VARIABLE }

    private static final Pattern RANGE_FORM = Pattern.compile("<(\\d+)-(\\d+)>");
    private static final Pattern IPV4_FORM = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6_FORM = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,18}");

    public static Token of(String word) {
        var range = RANGE_FORM.matcher(word);
        if (range.matches()) {
            return new Token(Kind.RANGE, word, Long.parseLong(range.group(1)), Long.parseLong(range.group(2)));
        }
        Kind kind = switch (word) {
            case "A.B.C.D" -> Kind.IPV4;
            case "A.B.C.D/M" -> Kind.IPV4_PREFIX;
            case "X:X::X" -> Kind.IPV6;
            case "X:X::X/M" -> Kind.IPV6_PREFIX;
            case "LINE" -> Kind.LINE;
            case "IFNAME" -> Kind.IFNAME;
            default -> word.equals(word.toUpperCase(Locale.ROOT)) && word.matches("[A-Z][A-Z0-9_-]*") ? Kind.WORD
                    : Kind.KEYWORD;
        };
        return new Token(kind, kind == Kind.KEYWORD ? word.toLowerCase(Locale.ROOT) : word, 0, 0);
    }

    public boolean isKeyword() {
        return kind == Kind.KEYWORD;
    }

    /** How {@code word} fits this token (interfaces are matched by {@link InterfaceNames}, not here). */
    public Fit fit(String word) {
        return switch (kind) {
            case KEYWORD -> {
                String w = word.toLowerCase(Locale.ROOT);
                yield w.equals(text) ? Fit.EXACT : text.startsWith(w) ? Fit.PARTIAL : Fit.NONE;
            }
            case RANGE -> NUMBER.matcher(word).matches() && Long.parseLong(word) >= low && Long.parseLong(word) <= high
                    ? Fit.VARIABLE : Fit.NONE;
            case IPV4 -> isIpv4(word) ? Fit.VARIABLE : Fit.NONE;
            case IPV4_PREFIX -> prefix(word, 32) && isIpv4(word.substring(0, word.indexOf('/'))) ? Fit.VARIABLE
                    : Fit.NONE;
            case IPV6 -> isIpv6(word) ? Fit.VARIABLE : Fit.NONE;
            case IPV6_PREFIX -> prefix(word, 128) && isIpv6(word.substring(0, word.indexOf('/'))) ? Fit.VARIABLE
                    : Fit.NONE;
            case LINE, WORD, IFNAME -> Fit.VARIABLE;
        };
    }

    /** What {@code ?} lists for it. */
    public String display() {
        return text;
    }

    static boolean isIpv4(String word) {
        var m = IPV4_FORM.matcher(word);
        if (!m.matches()) {
            return false;
        }
        for (int i = 1; i <= 4; i++) {
            if (Integer.parseInt(m.group(i)) > 255) {
                return false;
            }
        }
        return true;
    }

    static boolean isIpv6(String word) {
        if (!IPV6_FORM.matcher(word).matches()) {
            return false;
        }
        try {
            // a literal with ':' is never looked up by name
            return java.net.InetAddress.getByName(word) instanceof java.net.Inet6Address;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static boolean prefix(String word, int max) {
        int slash = word.indexOf('/');
        if (slash < 0 || !NUMBER.matcher(word.substring(slash + 1)).matches()) {
            return false;
        }
        return Long.parseLong(word.substring(slash + 1)) <= max;
    }

    /** Variable tokens in {@code ?} help, IOS style. */
    static String variableHelp(Token t) {
        return switch (t.kind) {
            case RANGE -> "Number " + t.low + "-" + t.high;
            case IPV4 -> "IPv4 address";
            case IPV4_PREFIX -> "IPv4 prefix";
            case IPV6 -> "IPv6 address";
            case IPV6_PREFIX -> "IPv6 prefix";
            case LINE -> "Text, to the end of the line";
            case IFNAME -> "Interface, e.g. GigabitEthernet0/0/0 or GigabitEthernet0/0/0.1";
            default -> List.of("GROUP", "NAME").contains(t.text) ? "Name" : "Word";
        };
    }
}
