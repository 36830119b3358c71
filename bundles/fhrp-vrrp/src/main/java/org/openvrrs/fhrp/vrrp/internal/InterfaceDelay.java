package org.openvrrs.fhrp.vrrp.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.openvrrs.net.api.Network;

/**
 * {@code vrrp delay minimum S reload S} of one interface: groups start S seconds after the interface comes up
 * (minimum) or after the appliance starts (reload; the minimum when not given).
 *
 * <p>An interface is named as groups name it, '/' included ({@code GigabitEthernet0/0/0 minimum 30}: the appliance's
 * own interface of that name); {@code NETWORK/IFNAME} names an interface of another network. Which one a line means
 * is settled when an interface is looked up ({@link #of}), against the networks that exist, so neither form needs
 * quoting.
 */
record InterfaceDelay(int minimumSeconds, int reloadSeconds) {
    static final InterfaceDelay NONE = new InterfaceDelay(0, 0);

    InterfaceDelay {
        if (minimumSeconds < 0 || minimumSeconds > 10_000 || reloadSeconds < 0 || reloadSeconds > 10_000) {
            throw new IllegalArgumentException("vrrp delay seconds must be 0-10000");
        }
    }

    /**
     * Parses the per-interface lines {@code [NETWORK/]IFNAME [minimum S] [reload S]}, keyed by the name as written,
     * with {@value org.openvrrs.net.api.Network#LOCAL}{@code /} before a name without '/'. Refuses, naming the line,
     * what it cannot read: an unknown word, a missing number, an empty name part, an interface given twice.
     */
    static Map<String, InterfaceDelay> parse(String[] lines) {
        Map<String, InterfaceDelay> delays = new HashMap<>();
        for (String line : lines == null ? new String[0] : String.join(",", lines).split(",")) {
            if (line.isBlank()) {
                continue;
            }
            String[] w = line.trim().toLowerCase(Locale.ROOT).split("\\s+");
            if (w.length < 3 || w.length % 2 == 0) {
                throw new IllegalArgumentException("interface delay '" + line
                        + "' is not IFNAME [minimum S] [reload S]");
            }
            Integer minimum = null;
            Integer reload = null;
            for (int i = 1; i < w.length; i += 2) {
                int seconds = seconds(line, w[i + 1]);
                switch (w[i]) {
                    case "minimum" -> minimum = seconds;
                    case "reload" -> reload = seconds;
                    default -> throw new IllegalArgumentException("interface delay '" + line + "': '" + w[i]
                            + "' is not minimum or reload");
                }
            }
            int min = minimum == null ? 0 : minimum;
            String name = line.trim().split("\\s+")[0];
            if (name.startsWith("/") || name.endsWith("/") || name.contains("//")) {
                throw new IllegalArgumentException("interface delay '" + line.trim() + "': '" + name
                        + "' is not IFNAME or NETWORK/IFNAME");
            }
            String key = name.contains("/") ? name : Network.LOCAL + "/" + name;
            if (delays.put(key, new InterfaceDelay(min, reload == null ? min : reload)) != null) {
                throw new IllegalArgumentException("interface delay '" + line.trim() + "': " + name
                        + " is given twice");
            }
        }
        return delays;
    }

    /**
     * The delay of interface {@code ifname} of {@code network}: the line naming {@code NETWORK/IFNAME}, else, on the
     * appliance's own network, the line naming {@code IFNAME} as written ('/' included); none when no line does.
     */
    static InterfaceDelay of(Map<String, InterfaceDelay> delays, String network, String ifname) {
        InterfaceDelay d = delays.get(network + "/" + ifname);
        if (d == null && network.equals(Network.LOCAL)) {
            d = delays.get(ifname);
        }
        return d == null ? NONE : d;
    }

    private static int seconds(String line, String word) {
        try {
            int seconds = Integer.parseInt(word);
            if (seconds < 0 || seconds > 10_000) {
                throw new IllegalArgumentException("interface delay '" + line.trim() + "': " + word
                        + " seconds is outside 0-10000");
            }
            return seconds;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("interface delay '" + line + "': '" + word + "' is not a number");
        }
    }
}
