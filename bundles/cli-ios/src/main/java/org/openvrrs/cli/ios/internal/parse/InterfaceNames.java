package org.openvrrs.cli.ios.internal.parse;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IOS interface names as operators type them: any case, abbreviated, with or without a space between type and
 * number ({@code gigabitethernet 0/0/0}, {@code Gi0/0/0.1}), spelt back canonically ({@code GigabitEthernet0/0/0.1}).
 * A name that is not of an IOS type but contains a digit ({@code eth0}, {@code eth0.2}) is taken as it is: the
 * Linux or simulated device of that name.
 */
public final class InterfaceNames {
    private static final List<String> TYPES = List.of("GigabitEthernet", "TenGigabitEthernet", "FastEthernet",
            "Ethernet", "Loopback", "Port-channel", "Vlan");
    private static final Pattern NUMBER = Pattern.compile("\\d+(/\\d+)*(\\.\\d+)?");
    private static final Pattern OTHER = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*\\d[A-Za-z0-9_./:-]*");

    private InterfaceNames() {
    }

    /** The canonical name of {@code type} + {@code number}, when {@code type} abbreviates one IOS type. */
    public static Optional<String> of(String type, String number) {
        if (!NUMBER.matcher(number).matches() || type.isEmpty()) {
            return Optional.empty();
        }
        String t = type.toLowerCase(Locale.ROOT);
        List<String> fits = TYPES.stream().filter(n -> n.toLowerCase(Locale.ROOT).startsWith(t)).toList();
        // IOS resolves "e" and "g" by its own preference; ours: the shortest name wins a tie of prefixes
        return fits.isEmpty() ? Optional.empty() : Optional.of(fits.stream()
                .filter(n -> n.toLowerCase(Locale.ROOT).equals(t)).findFirst()
                .orElse(t.equals("g") || t.equals("gi") || t.startsWith("gig") ? "GigabitEthernet" : fits.get(0))
                + number);
    }

    /** One word: {@code gi0/0/0.1} or a device name such as {@code eth0}. */
    public static Optional<String> of(String word) {
        int digit = 0;
        while (digit < word.length() && !Character.isDigit(word.charAt(digit))) {
            digit++;
        }
        Optional<String> ios = of(word.substring(0, digit), word.substring(digit));
        if (ios.isPresent()) {
            return ios;
        }
        return OTHER.matcher(word).matches() ? Optional.of(word) : Optional.empty();
    }

    /** Whether {@code word} can only be the type part of a two-word name ({@code gigabitethernet}). */
    public static boolean isTypeWord(String word) {
        String t = word.toLowerCase(Locale.ROOT);
        return !t.isEmpty() && t.chars().allMatch(c -> Character.isLetter(c) || c == '-')
                && TYPES.stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).startsWith(t));
    }

    /** The parent of a subinterface name, empty for a main interface. */
    public static Optional<String> parent(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && name.substring(dot + 1).matches("\\d+") ? Optional.of(name.substring(0, dot))
                : Optional.empty();
    }

    /** The guide's short form in plug-in listings: GigabitEthernet0/0/0.2 is GigE0/0/0.2. */
    public static String shortForm(String name) {
        return name.startsWith("GigabitEthernet") ? "GigE" + name.substring("GigabitEthernet".length()) : name;
    }
}
