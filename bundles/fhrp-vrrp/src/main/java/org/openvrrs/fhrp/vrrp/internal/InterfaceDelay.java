package org.openvrrs.fhrp.vrrp.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code vrrp delay minimum S reload S} of one interface: groups start S seconds after the interface comes up
 * (minimum) or after the appliance starts (reload; the minimum when not given).
 */
record InterfaceDelay(int minimumSeconds, int reloadSeconds) {
    static final InterfaceDelay NONE = new InterfaceDelay(0, 0);

    InterfaceDelay {
        if (minimumSeconds < 0 || minimumSeconds > 10_000 || reloadSeconds < 0 || reloadSeconds > 10_000) {
            throw new IllegalArgumentException("vrrp delay seconds must be 0-10000");
        }
    }

    /**
     * Parses the per-interface lines {@code [NETWORK/]IFNAME [minimum S] [reload S]}, keyed by
     * {@code NETWORK/IFNAME} (network {@value org.openvrrs.net.api.Network#LOCAL} when not given).
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
            String key = line.trim().split("\\s+")[0];
            delays.put(key.contains("/") ? key : org.openvrrs.net.api.Network.LOCAL + "/" + key,
                    new InterfaceDelay(min, reload == null ? min : reload));
        }
        return delays;
    }

    private static int seconds(String line, String word) {
        try {
            return Integer.parseInt(word);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("interface delay '" + line + "': '" + word + "' is not a number");
        }
    }
}
