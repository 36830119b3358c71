package org.openvrrs.fhrp.vrrp.internal.track;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.openvrrs.net.api.InterfaceAddress;
import org.openvrrs.net.api.Network;

/**
 * One validated track object ({@code org.openvrrs.track} factory configuration, see {@link TrackComponent.Config}).
 *
 * @param route     the tracked prefix, with {@link TrackType#ROUTE}; else null
 * @param command   the script's program and arguments, with {@link TrackType#SCRIPT}; else empty
 * @param file      the file holding a number, with {@link TrackType#FILE}; else null
 * @param weight    keepalived's weight: what a group referring to the object without a mode of its own applies
 */
public record TrackConfig(int id, TrackType type, String network, String interfaceName, InterfaceAddress route,
        List<String> command, Path file, int intervalSeconds, int timeoutSeconds, int rise, int fall, int weight) {

    public TrackConfig {
        command = List.copyOf(command);
        check(id, 1, 1000, "track object number");
        check(intervalSeconds, 1, 3600, "intervalSeconds");
        check(timeoutSeconds, 1, 3600, "timeoutSeconds");
        check(rise, 1, 100, "rise");
        check(fall, 1, 100, "fall");
        check(weight, -254, 254, "weight");
        switch (type) {
            case INTERFACE -> require(!interfaceName.isBlank(), "an interface track needs interfaceName");
            case ROUTE -> require(route != null, "a route track needs route (e.g. 198.51.100.0/24)");
            case SCRIPT -> require(!command.isEmpty(), "a script track needs script (the command to run)");
            case FILE -> require(file != null, "a file track needs file (the path of a file holding a number)");
        }
    }

    /** Reads the typed configuration; throws {@link IllegalArgumentException} with the operator's words. */
    static TrackConfig of(TrackComponent.Config c) {
        InterfaceAddress route = c.route().isBlank() ? null : route(c.route());
        List<String> command = c.script().isBlank() ? List.of() : List.of(c.script().trim().split("\\s+"));
        Path file = c.file().isBlank() ? null : Path.of(c.file().trim());
        return new TrackConfig(c.id(), c.type(), c.network().trim(), c.interfaceName().trim(), route, command, file,
                c.intervalSeconds(), c.timeoutSeconds(), c.rise(), c.fall(), c.weight());
    }

    /** {@code 198.51.100.0/24}: a prefix with no host bits set, as a routing table holds it. */
    static InterfaceAddress route(String text) {
        InterfaceAddress a;
        try {
            a = InterfaceAddress.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("route '" + text.trim() + "' is not a prefix such as 198.51.100.0/24: "
                    + e.getMessage());
        }
        byte[] bytes = a.address().getAddress();
        for (int bit = a.prefixLength(); bit < bytes.length * 8; bit++) {
            if ((bytes[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
                throw new IllegalArgumentException("route '" + text.trim() + "' has host bits set after /"
                        + a.prefixLength());
            }
        }
        return a;
    }

    /** The network the object looks at; "" is the appliance's own. */
    String networkName() {
        return network.isEmpty() ? Network.LOCAL : network;
    }

    /** "interface eth1 line-protocol", "ip route 198.51.100.0/24 reachability", "script /bin/check", "file /x". */
    String describe() {
        String where = network.isEmpty() ? "" : network + "/";
        return switch (type) {
            case INTERFACE -> "interface " + where + interfaceName + " line-protocol";
            case ROUTE -> "ip route " + where + route + " reachability";
            case SCRIPT -> "script " + String.join(" ", command);
            case FILE -> "file " + file;
        };
    }

    String typeLabel() {
        return type.name().toLowerCase(Locale.ROOT);
    }

    private static void check(int value, int min, int max, String what) {
        require(value >= min && value <= max, what + " " + value + " is outside " + min + "-" + max);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
