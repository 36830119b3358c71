package org.openvrrs.net.linux.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code interfaces} setting: which Linux devices the appliance uses and under which names. An entry is either a
 * Linux device ({@code eth0}, used under its own name) or {@code NAME=DEVICE}
 * ({@code GigabitEthernet0/0/0.10=eth0.10}), so configurations and show output can keep a router's interface names.
 */
final class InterfaceMap {
    private static final String LINUX_NAME = "[A-Za-z0-9_.@:-]{1,15}";
    private static final String APPLIANCE_NAME = "[A-Za-z0-9_./:@-]{1,64}";

    private InterfaceMap() {
    }

    /** Parses the setting: entries separated by commas or white space, as a list or in one string. */
    static Map<String, String> parse(String[] configured) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String s : configured == null ? new String[0] : configured) {
            for (String entry : s.trim().replaceAll("\\s*=\\s*", "=").split("\\s*[,\\s]\\s*")) {
                if (entry.isBlank()) {
                    continue;
                }
                int eq = entry.indexOf('=');
                String name = eq < 0 ? entry : entry.substring(0, eq).trim();
                String dev = eq < 0 ? entry : entry.substring(eq + 1).trim();
                if (map.put(name, dev) != null) {
                    throw new IllegalArgumentException("interface " + name + " is listed twice");
                }
            }
        }
        return validate(map);
    }

    /** Each device under its own name. */
    static Map<String, String> identity(List<String> devices) {
        Map<String, String> map = new LinkedHashMap<>();
        devices.forEach(d -> map.put(d, d));
        return validate(map);
    }

    /** Checks names and that no Linux device has two names; returns an unmodifiable copy in the same order. */
    static Map<String, String> validate(Map<String, String> interfaces) {
        if (interfaces == null || interfaces.isEmpty()) {
            throw new IllegalArgumentException("no interfaces configured (e.g. interfaces = eth0, or "
                    + "GigabitEthernet0/0/0=eth0)");
        }
        Map<String, String> byDevice = new LinkedHashMap<>();
        interfaces.forEach((name, dev) -> {
            if (dev == null || !dev.matches(LINUX_NAME)) {
                throw new IllegalArgumentException("'" + dev + "' is not a Linux interface name");
            }
            if (name == null || !name.matches(APPLIANCE_NAME)) {
                throw new IllegalArgumentException("'" + name + "' is not an interface name (letters, digits and "
                        + "_ . / : @ -, at most 64)");
            }
            String other = byDevice.put(dev, name);
            if (other != null) {
                throw new IllegalArgumentException("Linux device " + dev + " is configured twice, as " + other
                        + " and " + name);
            }
        });
        return Collections.unmodifiableMap(new LinkedHashMap<>(interfaces));
    }
}
