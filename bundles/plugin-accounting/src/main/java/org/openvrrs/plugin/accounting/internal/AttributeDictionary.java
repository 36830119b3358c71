package org.openvrrs.plugin.accounting.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openvrrs.plugin.accounting.internal.radius.RadiusAttribute;
import org.openvrrs.vrrs.api.IpAddresses;

/**
 * The attribute names {@code attribute type NAME VALUE} accepts in an attribute list, with their RADIUS type and
 * value syntax. The attributes the plug-in sets itself (NAS-IP-Address, Acct-Status-Type, Acct-Delay-Time,
 * Acct-Session-Id) are not offered: a list cannot contradict them ({@code account-delay}, the guide's, is a delay
 * setting, never sent).
 */
final class AttributeDictionary {
    private enum Kind { STRING, INTEGER, ADDRESS, CISCO_AVPAIR }

    private record Entry(int type, Kind kind) {
    }

    static final String ACCOUNT_DELAY = "account-delay";
    private static final Map<String, Entry> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("user-name", new Entry(1, Kind.STRING));
        NAMES.put("nas-port", new Entry(5, Kind.INTEGER));
        NAMES.put("service-type", new Entry(6, Kind.INTEGER));
        NAMES.put("framed-ip-address", new Entry(8, Kind.ADDRESS));
        NAMES.put("reply-message", new Entry(18, Kind.STRING));
        NAMES.put("class", new Entry(25, Kind.STRING));
        NAMES.put("called-station-id", new Entry(30, Kind.STRING));
        NAMES.put("calling-station-id", new Entry(31, Kind.STRING));
        NAMES.put("nas-identifier", new Entry(RadiusAttribute.NAS_IDENTIFIER, Kind.STRING));
        NAMES.put("acct-multi-session-id", new Entry(50, Kind.STRING));
        NAMES.put("nas-port-type", new Entry(61, Kind.INTEGER));
        NAMES.put("connect-info", new Entry(77, Kind.STRING));
        NAMES.put("nas-port-id", new Entry(87, Kind.STRING));
        NAMES.put("cisco-avpair", new Entry(RadiusAttribute.VENDOR_SPECIFIC, Kind.CISCO_AVPAIR));
        // the guide's "attribute type account-delay 10": not sent (Acct-Delay-Time is the plug-in's own); the
        // Accounting-Off delay, in seconds, of the groups using the list without an accounting delay of their own
        NAMES.put(ACCOUNT_DELAY, new Entry(RadiusAttribute.ACCT_DELAY_TIME, Kind.INTEGER));
    }

    private AttributeDictionary() {
    }

    private static String known() {
        return String.join(", ", NAMES.keySet());
    }

    /**
     * Parses one {@code NAME VALUE} entry: the value may be quoted ({@code class "gold"}), as in the guide.
     *
     * @throws IllegalArgumentException with the accepted names when the name is unknown or the value does not fit
     */
    static RadiusAttribute parse(String entry) {
        String t = entry == null ? "" : entry.trim();
        int space = t.indexOf(' ');
        if (space < 0) {
            throw new IllegalArgumentException("attribute '" + t + "' needs a type and a value, e.g. class \"gold\"");
        }
        String name = t.substring(0, space).toLowerCase(Locale.ROOT);
        String value = t.substring(space + 1).trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        Entry e = NAMES.get(name);
        if (e == null) {
            throw new IllegalArgumentException("unknown attribute type '" + name + "': expected one of " + known());
        }
        if (value.isEmpty()) {
            throw new IllegalArgumentException("attribute " + name + " has an empty value");
        }
        try {
            return switch (e.kind()) {
                case STRING -> RadiusAttribute.string(e.type(), value);
                case INTEGER -> {
                    long n = Long.parseLong(value);
                    if (name.equals(ACCOUNT_DELAY) && (n < 0 || n > 3600)) {
                        throw new IllegalArgumentException("attribute account-delay " + n + " is outside 0-3600 s");
                    }
                    yield RadiusAttribute.integer(e.type(), n);
                }
                case ADDRESS -> {
                    InetAddress a = IpAddresses.parse(name, value);
                    if (!(a instanceof Inet4Address v4)) {
                        throw new IllegalArgumentException(name + " '" + value + "' is not an IPv4 address");
                    }
                    yield RadiusAttribute.address(e.type(), v4);
                }
                case CISCO_AVPAIR -> RadiusAttribute.ciscoAvPair(value);
            };
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("attribute " + name + " '" + value + "' is not a whole number");
        }
    }
}
