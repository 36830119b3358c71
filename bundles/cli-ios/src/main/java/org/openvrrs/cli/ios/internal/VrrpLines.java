package org.openvrrs.cli.ios.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * An interface's VRRP groups as configuration lines: IOS classic ({@code vrrp N ip A}) for IPv4 VRRPv3 groups, the
 * IOS-XE sub-mode ({@code vrrp N address-family ipv6}) for IPv6 and VRRPv2 groups, which classic cannot say.
 * Groups still waiting for their first address print what they were given.
 */
final class VrrpLines {
    private VrrpLines() {
    }

    static List<String> of(String ifname, List<Map<String, Object>> groups, Map<String, Map<String, String>> pending) {
        List<String> out = new ArrayList<>();
        groups.stream().filter(p -> ifname.equals(RunningConfig.str(p, "interfaceName")))
                .sorted(Comparator.comparing((Map<String, Object> p) -> ConfigValues.string(p.get("family"), "ipv4"))
                        .thenComparingInt(p -> ConfigValues.integer(p.get("vrid"), 0)))
                .forEach(p -> out.addAll(group(p)));
        pending.forEach((key, options) -> {
            String[] k = key.split("\\|");
            if (k[0].equals(ifname)) {
                options.forEach((option, value) -> {
                    if (!option.equals("--track")) {
                        out.add(" vrrp " + k[2] + " " + pendingLine(option, value));
                    } else if (!value.isEmpty()) {
                        List.of(value.split(",")).forEach(t -> out.add(" vrrp " + k[2] + " track "
                                + TrackCommands.groupLine(t)));
                    }
                });
            }
        });
        return out;
    }

    private static String pendingLine(String option, String value) {
        return switch (option) {
            case "--name" -> "name " + value;
            case "--priority" -> "priority " + value;
            case "--description" -> "description " + value;
            case "--shutdown" -> "shutdown";
            case "--interval" -> "timers advertise msec " + value;
            default -> "preempt";
        };
    }

    private static List<String> group(Map<String, Object> p) {
        int vrid = ConfigValues.integer(p.get("vrid"), 0);
        String family = ConfigValues.string(p.get("family"), "ipv4");
        boolean v2 = ConfigValues.string(p.get("version"), "3").equals("2");
        List<String> addresses = ConfigValues.strings(p.get("addresses"));
        boolean classic = family.equals("ipv4") && !v2;
        String lead = classic ? " vrrp " + vrid + " " : "  ";
        List<String> out = new ArrayList<>();
        if (!classic) {
            out.add(" vrrp " + vrid + " address-family " + family);
        }
        for (int i = 0; i < addresses.size(); i++) {
            out.add(lead + (classic ? "ip " : "address ") + addresses.get(i) + (i > 0 && family.equals("ipv4")
                    ? " secondary" : ""));
        }
        String name = ConfigValues.string(p.get("name"), "");
        if (!name.isEmpty()) {
            out.add(lead + "name " + name);
        }
        String description = ConfigValues.string(p.get("description"), "");
        if (!description.isEmpty()) {
            out.add(lead + "description " + description);
        }
        int priority = ConfigValues.integer(p.get("priority"), 100);
        if (priority != 100) {
            out.add(lead + "priority " + priority);
        }
        if (!ConfigValues.bool(p.get("preempt"), true)) {
            out.add((classic ? " no vrrp " + vrid + " " : "  no ") + "preempt");
        } else if (ConfigValues.integer(p.get("preemptDelaySeconds"), 0) > 0) {
            out.add(lead + "preempt delay minimum " + ConfigValues.integer(p.get("preemptDelaySeconds"), 0));
        }
        ConfigValues.strings(p.get("track")).forEach(t -> out.add(lead + "track "
                + TrackCommands.groupLine(t)));
        int interval = ConfigValues.integer(p.get("advertIntervalMillis"), 1000);
        if (interval != 1000) {
            out.add(lead + "timers advertise " + (interval % 1000 == 0 ? String.valueOf(interval / 1000)
                    : "msec " + interval));
        }
        if (v2) {
            out.add(lead + "vrrpv2");
        }
        if (ConfigValues.bool(p.get("shutdown"), false)) {
            out.add(lead + "shutdown");
        }
        if (!classic) {
            out.add("  exit-vrrp");
        }
        return out;
    }
}
