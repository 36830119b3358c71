package org.openvrrs.cli.ios.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.openvrrs.cli.ios.internal.parse.Args;
import org.openvrrs.cli.ios.internal.parse.Grammar;
import org.openvrrs.cli.ios.internal.parse.Mode;

/**
 * VRRP in interface mode, IOS classic ({@code vrrp N ip A [secondary]}, {@code vrrp N name X}, {@code vrrp delay})
 * and IOS-XE VRRPv3 ({@code vrrp N address-family ipv4|ipv6} and its sub-mode). Changes go through
 * {@code vrrp:configure}, {@code vrrp:remove} and {@code vrrp:delay}, which validate with fhrp-vrrp's own reader.
 * A group given settings before its first address ({@code vrrp 1 name name1} first, as the guide does) is held here
 * until the address comes, as IOS keeps such a group inactive.
 */
final class VrrpCommands {
    static final String GROUP_PID = "org.openvrrs.vrrp.group";
    private static final String PRIORITY = "<1-254>";
    private static final String TIMERS = "timers advertise [msec] <1-40950>";

    /** Settings of groups without an address yet: interface/family/vrid to vrp:configure options. */
    private final Map<String, Map<String, String>> pending = new ConcurrentHashMap<>();

    void register(Grammar<Handler> g) {
        for (Mode m : List.of(Mode.INTERFACE, Mode.SUBINTERFACE)) {
            g.add(m, "vrrp <1-255> ip A.B.C.D [secondary]", (s, a) -> address(s, a.number(0), "ipv4", a.var(1),
                    a.has("secondary")));
            g.add(m, "vrrp <1-255> name WORD", (s, a) -> change(s, a.number(0), "ipv4", "--name", a.var(1)));
            g.add(m, "vrrp <1-255> priority " + PRIORITY, (s, a) -> change(s, a.number(0), "ipv4", "--priority",
                    a.var(1)));
            g.add(m, "vrrp <1-255> preempt [delay minimum <0-3600>]", (s, a) -> preempt(s, a.number(0), "ipv4", a));
            g.add(m, "vrrp <1-255> " + TIMERS, (s, a) -> timers(s, a.number(0), "ipv4", a));
            g.add(m, "vrrp <1-255> description LINE", (s, a) -> change(s, a.number(0), "ipv4", "--description",
                    a.var(1)));
            g.add(m, "vrrp <1-255> shutdown", (s, a) -> change(s, a.number(0), "ipv4", "--shutdown", "true"));
            g.add(m, "no vrrp <1-255>", (s, a) -> remove(s, a.number(0), "ipv4"));
            g.add(m, "no vrrp <1-255> ip A.B.C.D [secondary]", (s, a) -> removeAddress(s, a.number(0), "ipv4",
                    a.var(1)));
            g.add(m, "no vrrp <1-255> name [WORD]", (s, a) -> change(s, a.number(0), "ipv4", "--name", ""));
            g.add(m, "no vrrp <1-255> priority [" + PRIORITY + "]", (s, a) -> change(s, a.number(0), "ipv4",
                    "--priority", "100"));
            g.add(m, "no vrrp <1-255> preempt", (s, a) -> change(s, a.number(0), "ipv4", "--preempt", "false"));
            g.add(m, "no vrrp <1-255> timers advertise", (s, a) -> change(s, a.number(0), "ipv4", "--interval",
                    "1000"));
            g.add(m, "no vrrp <1-255> description", (s, a) -> change(s, a.number(0), "ipv4", "--description", ""));
            g.add(m, "no vrrp <1-255> shutdown", (s, a) -> change(s, a.number(0), "ipv4", "--shutdown", "false"));
            g.add(m, "vrrp delay {minimum <0-10000> [reload <0-10000>]|reload <0-10000>}", VrrpCommands::delay);
            g.add(m, "no vrrp delay", (s, a) -> s.appliance().run("vrrp:delay", List.of("--no", s.ifname())));
            g.add(m, "vrrp <1-255> address-family {ipv4|ipv6}", (s, a) -> s.enterVrrp(a.number(0),
                    a.has("ipv4") ? "ipv4" : "ipv6"));
            g.add(m, "no vrrp <1-255> address-family {ipv4|ipv6}", (s, a) -> remove(s, a.number(0),
                    a.has("ipv4") ? "ipv4" : "ipv6"));
        }
        Mode af = Mode.VRRP_AF;
        g.add(af, "address A.B.C.D [primary|secondary]", (s, a) -> address(s, s.vrid(), s.family(), a.var(0),
                a.has("secondary")));
        g.add(af, "address X:X::X [primary]", (s, a) -> address(s, s.vrid(), s.family(), a.var(0), false));
        g.add(af, "no address {A.B.C.D|X:X::X} [primary|secondary]", (s, a) -> removeAddress(s, s.vrid(),
                s.family(), a.var(0)));
        g.add(af, "priority " + PRIORITY, (s, a) -> change(s, s.vrid(), s.family(), "--priority", a.var(0)));
        g.add(af, "no priority [" + PRIORITY + "]", (s, a) -> change(s, s.vrid(), s.family(), "--priority", "100"));
        g.add(af, "preempt [delay minimum <0-3600>]", (s, a) -> preempt(s, s.vrid(), s.family(), a));
        g.add(af, "no preempt", (s, a) -> change(s, s.vrid(), s.family(), "--preempt", "false"));
        g.add(af, TIMERS, (s, a) -> timers(s, s.vrid(), s.family(), a));
        g.add(af, "no timers advertise", (s, a) -> change(s, s.vrid(), s.family(), "--interval", "1000"));
        g.add(af, "vrrpv2", (s, a) -> change(s, s.vrid(), s.family(), "--version", "2"));
        g.add(af, "no vrrpv2", (s, a) -> change(s, s.vrid(), s.family(), "--version", "3"));
        g.add(af, "shutdown", (s, a) -> change(s, s.vrid(), s.family(), "--shutdown", "true"));
        g.add(af, "no shutdown", (s, a) -> change(s, s.vrid(), s.family(), "--shutdown", "false"));
        g.add(af, "description LINE", (s, a) -> change(s, s.vrid(), s.family(), "--description", a.var(0)));
        g.add(af, "no description", (s, a) -> change(s, s.vrid(), s.family(), "--description", ""));
        g.add(af, "name WORD", (s, a) -> change(s, s.vrid(), s.family(), "--name", a.var(0)));
        g.add(af, "no name", (s, a) -> change(s, s.vrid(), s.family(), "--name", ""));
        g.add(af, "exit-vrrp", (s, a) -> s.exit());
        g.add(Mode.CONFIG, "fhrp version vrrp v3", (s, a) -> { });
        g.add(Mode.CONFIG, "no fhrp version vrrp v3", (s, a) -> { });
    }

    private static void delay(CliSession s, Args a) throws Exception {
        List<String> args = new ArrayList<>(List.of(s.ifname()));
        a.after("minimum").ifPresent(v -> args.addAll(List.of("minimum", v)));
        a.after("reload").ifPresent(v -> args.addAll(List.of("reload", v)));
        s.appliance().run("vrrp:delay", args);
    }

    private void preempt(CliSession s, int vrid, String family, Args a) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("--preempt", "true");
        options.put("--preempt-delay", a.after("minimum").orElse("0"));
        apply(s, vrid, family, options);
    }

    private void timers(CliSession s, int vrid, String family, Args a) throws Exception {
        long value = Long.parseLong(a.vars().get(a.vars().size() - 1));
        change(s, vrid, family, "--interval", String.valueOf(a.has("msec") ? value : value * 1000));
    }

    private void change(CliSession s, int vrid, String family, String option, String value) throws Exception {
        apply(s, vrid, family, Map.of(option, value));
    }

    /** Runs vrrp:configure with {@code options}; holds them while the group has no address. */
    private void apply(CliSession s, int vrid, String family, Map<String, String> options) throws Exception {
        String key = key(s.ifname(), family, vrid);
        Optional<Map<String, Object>> group = group(s.appliance(), s.ifname(), family, vrid);
        if (group.isEmpty() && !options.containsKey("--address")) {
            pending.computeIfAbsent(key, k -> new LinkedHashMap<>()).putAll(options);
            return;
        }
        Map<String, String> all = new LinkedHashMap<>(pending.getOrDefault(key, Map.of()));
        all.putAll(options);
        List<String> args = new ArrayList<>(List.of("--family=" + family));
        // --option=value: Karaf reads a Boolean option given alone as true, and "false" after it as an argument
        all.forEach((k, v) -> {
            if (k.equals("--address") || k.equals("--track") && !v.isEmpty()) {
                Arrays.stream(v.split(",")).forEach(x -> args.add(k + "=" + x));
            } else {
                args.add(k + "=" + v);
            }
        });
        args.addAll(List.of(s.ifname(), String.valueOf(vrid)));
        s.appliance().run("vrrp:configure", args);
        pending.remove(key);
    }

    /** The group's track lines ("T", "T decrement D", "T shutdown"), stored or held. */
    List<String> tracks(CliSession s, int vrid, String family) throws java.io.IOException {
        Optional<Map<String, Object>> group = group(s.appliance(), s.ifname(), family, vrid);
        if (group.isPresent()) {
            return ConfigValues.strings(group.get().get("track"));
        }
        String held = pending.getOrDefault(key(s.ifname(), family, vrid), Map.of()).getOrDefault("--track", "");
        return held.isEmpty() ? List.of() : List.of(held.split(","));
    }

    /** Replaces the group's track list: vrrp:configure takes the whole list. */
    void setTracks(CliSession s, int vrid, String family, List<String> lines) throws Exception {
        apply(s, vrid, family, Map.of("--track", String.join(",", lines)));
    }

    private void address(CliSession s, int vrid, String family, String address, boolean secondary)
            throws Exception {
        List<String> list = new ArrayList<>(addresses(s.appliance(), s.ifname(), family, vrid));
        list.remove(address);
        if (secondary || list.isEmpty()) {
            list.add(address);
        } else {
            list.set(0, address);
        }
        apply(s, vrid, family, Map.of("--address", String.join(",", list)));
    }

    private void removeAddress(CliSession s, int vrid, String family, String address) throws Exception {
        List<String> list = new ArrayList<>(addresses(s.appliance(), s.ifname(), family, vrid));
        if (!list.remove(address)) {
            throw new CliException("% Address " + address + " is not configured on VRRP group " + vrid);
        }
        if (list.isEmpty()) {
            remove(s, vrid, family);
            return;
        }
        apply(s, vrid, family, Map.of("--address", String.join(",", list)));
    }

    private void remove(CliSession s, int vrid, String family) throws Exception {
        boolean held = pending.remove(key(s.ifname(), family, vrid)) != null;
        if (group(s.appliance(), s.ifname(), family, vrid).isPresent()) {
            s.appliance().run("vrrp:remove", List.of("--family=" + family, s.ifname(), String.valueOf(vrid)));
        } else if (!held) {
            throw new CliException("% VRRP group " + vrid + " does not exist on " + s.ifname());
        }
    }

    /** Settings held for groups without an address, for show running-config: interface to vrid to options. */
    Map<String, Map<String, String>> pending() {
        return Map.copyOf(pending);
    }

    static String key(String ifname, String family, int vrid) {
        return ifname + "|" + family + "|" + vrid;
    }

    /** The stored group of the appliance's own network. */
    static Optional<Map<String, Object>> group(Appliance appliance, String ifname, String family, int vrid)
            throws java.io.IOException {
        return appliance.entries(GROUP_PID).stream()
                .filter(p -> String.valueOf(p.getOrDefault("network", "")).isEmpty()
                        || "local".equals(String.valueOf(p.get("network"))))
                .filter(p -> ifname.equals(String.valueOf(p.get("interfaceName"))))
                .filter(p -> family.equals(String.valueOf(p.getOrDefault("family", "ipv4"))))
                .filter(p -> String.valueOf(vrid).equals(String.valueOf(p.get("vrid"))))
                .findFirst();
    }

    static List<String> addresses(Appliance appliance, String ifname, String family, int vrid)
            throws java.io.IOException {
        return group(appliance, ifname, family, vrid).map(p -> ConfigValues.strings(p.get("addresses")))
                .orElse(List.of());
    }
}
