package org.openvrrs.cli.ios.internal;

import java.util.ArrayList;
import java.util.List;

import org.openvrrs.cli.ios.internal.parse.Args;
import org.openvrrs.cli.ios.internal.parse.Grammar;
import org.openvrrs.cli.ios.internal.parse.InterfaceNames;
import org.openvrrs.cli.ios.internal.parse.Mode;

/**
 * {@code interface X}, {@code hostname}, and what interface mode configures of the interface itself (addresses,
 * 802.1Q, shutdown, description) and of the VRRS plug-ins ({@code vrrs follow}, {@code vrrs interface-state},
 * {@code vrrs mac-address}, through plugin-common's commands and their checks).
 */
final class InterfaceCommands {

    void register(Grammar<Handler> g) {
        g.add(Mode.CONFIG, "interface IFNAME", InterfaceCommands::enter);
        g.add(Mode.CONFIG, "no interface IFNAME", (s, a) -> s.appliance().removeInterface(s.interfaceName(a)));
        g.add(Mode.CONFIG, "hostname WORD", (s, a) -> hostname(s, a.var(0)));
        g.add(Mode.CONFIG, "no hostname", (s, a) -> s.appliance().hostname("Router"));
        for (Mode m : List.of(Mode.INTERFACE, Mode.SUBINTERFACE)) {
            g.add(m, "ip address A.B.C.D A.B.C.D [secondary]", (s, a) -> change(s, current(s).withIpv4(
                    prefix(a.var(0), a.var(1)), a.has("secondary"))));
            g.add(m, "no ip address", (s, a) -> change(s, current(s).withAddresses(List.of())));
            g.add(m, "no ip address A.B.C.D A.B.C.D [secondary]", InterfaceCommands::removeAddress);
            g.add(m, "ipv6 address X:X::X/M", (s, a) -> {
                List<String> v6 = new ArrayList<>(current(s).ipv6Addresses());
                if (!v6.contains(a.var(0))) {
                    v6.add(a.var(0));
                }
                change(s, current(s).withIpv6(v6));
            });
            g.add(m, "no ipv6 address [X:X::X/M]", (s, a) -> {
                List<String> v6 = new ArrayList<>(current(s).ipv6Addresses());
                if (a.vars().isEmpty()) {
                    v6.clear();
                } else {
                    v6.remove(a.var(0));
                }
                change(s, current(s).withIpv6(v6));
            });
            g.add(m, "encapsulation dot1q <1-4094> [native]", InterfaceCommands::encapsulation);
            g.add(m, "no encapsulation dot1q [<1-4094>]", (s, a) -> change(s, current(s).withVlan(0, false)));
            g.add(m, "shutdown", (s, a) -> change(s, current(s).withShutdown(true)));
            g.add(m, "no shutdown", (s, a) -> change(s, current(s).withShutdown(false)));
            g.add(m, "description LINE", (s, a) -> change(s, current(s).withDescription(a.var(0))));
            g.add(m, "no description", (s, a) -> change(s, current(s).withDescription("")));
            g.add(m, "vrrs follow WORD", (s, a) -> plugin(s, "vrrs:follow", s.ifname(), a.var(0)));
            g.add(m, "no vrrs follow [WORD]", (s, a) -> plugin(s, "vrrs:follow", "--no", s.ifname()));
            g.add(m, "vrrs interface-state", (s, a) -> plugin(s, "vrrs:interface-state", s.ifname()));
            g.add(m, "no vrrs interface-state", (s, a) -> plugin(s, "vrrs:interface-state", "--no", s.ifname()));
            g.add(m, "vrrs mac-address [arp [interval <1-86400>] [duration <1-86400>]]", InterfaceCommands::mac);
            g.add(m, "no vrrs mac-address", (s, a) -> plugin(s, "vrrs:mac-address", "--no", s.ifname()));
        }
    }

    private static void enter(CliSession s, Args a) throws Exception {
        String name = s.interfaceName(a);
        Appliance app = s.appliance();
        boolean sub = InterfaceNames.parent(name).isPresent();
        if (!app.interfaceNames().contains(name)) {
            String parent = InterfaceNames.parent(name).orElse(null);
            if (parent == null || !app.interfaceNames().contains(parent)) {
                throw CliException.invalidAt(a.matched().get(1).offset()); // IOS: no such hardware
            }
            app.configure(app.interfaceSettings(name).orElse(InterfaceSettings.of(name)));
        }
        s.enter(sub ? Mode.SUBINTERFACE : Mode.INTERFACE, name, null);
    }

    private static void hostname(CliSession s, String name) throws Exception {
        if (!name.matches("[A-Za-z][A-Za-z0-9-]{0,62}")) {
            throw new CliException("% Hostname contains one or more illegal characters.");
        }
        s.appliance().hostname(name);
    }

    private static InterfaceSettings current(CliSession s) throws java.io.IOException {
        return s.appliance().interfaceSettings(s.ifname()).orElseGet(() -> InterfaceSettings.of(s.ifname())
                .withAddresses(s.appliance().addressesOf(s.ifname()).stream().filter(x -> !x.contains(":"))
                        .toList()));
    }

    private static void change(CliSession s, InterfaceSettings settings) throws Exception {
        s.appliance().configure(settings);
    }

    private static void removeAddress(CliSession s, Args a) throws Exception {
        String address = prefix(a.var(0), a.var(1));
        InterfaceSettings now = current(s);
        if (!now.addresses().contains(address)) {
            throw new CliException("% Address " + a.var(0) + " not found on " + s.ifname());
        }
        List<String> v4 = new ArrayList<>(now.addresses());
        v4.remove(address);
        change(s, now.withAddresses(v4));
    }

    private static void encapsulation(CliSession s, Args a) throws Exception {
        if (InterfaceNames.parent(s.ifname()).isEmpty()) {
            throw new CliException("% Configuring IEEE 802.1Q encapsulation on the main interface is not "
                    + "permitted.");
        }
        change(s, current(s).withVlan(a.number(0), a.has("native")));
    }

    private static void mac(CliSession s, Args a) throws Exception {
        List<String> args = new ArrayList<>(List.of(s.ifname()));
        if (a.has("arp")) {
            args.add("arp");
            a.after("interval").ifPresent(v -> args.addAll(List.of("interval", v)));
            a.after("duration").ifPresent(v -> args.addAll(List.of("duration", v)));
        }
        plugin(s, "vrrs:mac-address", args.toArray(String[]::new));
    }

    private static void plugin(CliSession s, String command, String... args) throws Exception {
        String output = s.appliance().run(command, List.of(args));
        output.lines().filter(l -> l.startsWith("Warning: ")).forEach(l -> s.print("% " + l));
    }

    /** {@code 10.0.0.1 255.255.255.0} as {@code 10.0.0.1/24}; a mask that is not contiguous is IOS's "Bad mask". */
    static String prefix(String address, String mask) throws CliException {
        String[] o = mask.split("\\.");
        long bits = 0;
        for (String part : o) {
            bits = (bits << 8) | Integer.parseInt(part);
        }
        int len = Long.bitCount(bits);
        long expected = len == 0 ? 0 : (0xFFFFFFFFL << (32 - len)) & 0xFFFFFFFFL;
        if (bits != expected || len == 0) {
            throw new CliException(String.format("%% Bad mask 0x%X for address %s", bits, address));
        }
        return address + "/" + len;
    }

    /** The other way, for show running-config. */
    static String mask(int prefixLength) {
        long bits = prefixLength == 0 ? 0 : (0xFFFFFFFFL << (32 - prefixLength)) & 0xFFFFFFFFL;
        return (bits >> 24 & 255) + "." + (bits >> 16 & 255) + "." + (bits >> 8 & 255) + "." + (bits & 255);
    }
}
