package org.openvrrs.plugin.common.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openvrrs.plugin.common.api.Subinterface;
import org.openvrrs.vrrs.api.VrrsRegistry;

/**
 * One subinterface's plug-in configuration ({@value #FACTORY_PID} factory configuration), read and validated the
 * same way by the component and by the shell commands, so a refused change writes nothing.
 */
public record SubinterfaceSettings(String network, String interfaceName, String follow, boolean interfaceState,
        boolean macAddress, boolean arp, int arpIntervalSeconds, int arpDurationSeconds) {
    public static final String FACTORY_PID = "org.openvrrs.plugin.subinterface";
    /** {@code vrrs mac-address arp} alone: the guide's example values. */
    public static final int DEFAULT_ARP_INTERVAL = 5;
    public static final int DEFAULT_ARP_DURATION = 360;
    static final int MAX_SECONDS = 86_400;

    public SubinterfaceSettings {
        network = network == null || network.isBlank() ? Subinterface.LOCAL : network.trim();
        if (interfaceName == null || interfaceName.isBlank()) {
            throw new IllegalArgumentException("interfaceName is required");
        }
        interfaceName = interfaceName.trim();
        if (follow == null || !follow.trim().matches("\\S{1," + VrrsRegistry.MAX_NAME_LENGTH + "}")) {
            throw new IllegalArgumentException("follow '" + follow + "' of " + interfaceName + " is not a VRRS name (1-"
                    + VrrsRegistry.MAX_NAME_LENGTH + " visible characters, no spaces)");
        }
        follow = follow.trim();
        if (arpIntervalSeconds < 1 || arpIntervalSeconds > MAX_SECONDS) {
            throw new IllegalArgumentException("arp interval " + arpIntervalSeconds + " is outside 1-" + MAX_SECONDS
                    + " seconds");
        }
        if (arpDurationSeconds < arpIntervalSeconds || arpDurationSeconds > MAX_SECONDS) {
            throw new IllegalArgumentException("arp duration " + arpDurationSeconds + " is outside " + arpIntervalSeconds
                    + " (the interval)-" + MAX_SECONDS + " seconds");
        }
    }

    /** Reads Config Admin properties; missing values take the defaults, wrong ones throw with a clear message. */
    public static SubinterfaceSettings parse(Map<String, ?> p) {
        return new SubinterfaceSettings(text(p, "network", ""), text(p, "interfaceName", null),
                text(p, "follow", null), bool(p, "interfaceState"), bool(p, "macAddress"), bool(p, "arp"),
                number(p, "arpInterval", DEFAULT_ARP_INTERVAL), number(p, "arpDuration", DEFAULT_ARP_DURATION));
    }

    /** The properties written to Config Admin. */
    public Map<String, Object> toProperties() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("network", network.equals(Subinterface.LOCAL) ? "" : network);
        m.put("interfaceName", interfaceName);
        m.put("follow", follow);
        m.put("interfaceState", interfaceState);
        m.put("macAddress", macAddress);
        m.put("arp", arp);
        m.put("arpInterval", arpIntervalSeconds);
        m.put("arpDuration", arpDurationSeconds);
        return m;
    }

    public String where() {
        return Subinterface.where(network, interfaceName);
    }

    /** Whether {@code other} configures the same interface of the same network. */
    public boolean sameInterface(SubinterfaceSettings other) {
        return network.equals(other.network) && interfaceName.equals(other.interfaceName);
    }

    private static String text(Map<String, ?> p, String key, String fallback) {
        Object v = p.get(key);
        if (v == null) {
            if (fallback == null) {
                throw new IllegalArgumentException(key + " is required");
            }
            return fallback;
        }
        return String.valueOf(v).trim();
    }

    private static boolean bool(Map<String, ?> p, String key) {
        Object v = p.get(key);
        if (v == null || v instanceof Boolean) {
            return Boolean.TRUE.equals(v);
        }
        String t = String.valueOf(v).trim();
        if (!t.equalsIgnoreCase("true") && !t.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(key + " '" + t + "' is not true or false");
        }
        return Boolean.parseBoolean(t);
    }

    private static int number(Map<String, ?> p, String key, int fallback) {
        Object v = p.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.intValue();
        }
        String t = String.valueOf(v).trim();
        if (!t.matches("\\d{1,9}")) {
            throw new IllegalArgumentException(key + " '" + t + "' is not a whole number of seconds");
        }
        return Integer.parseInt(t);
    }
}
