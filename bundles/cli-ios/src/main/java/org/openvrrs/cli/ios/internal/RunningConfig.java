package org.openvrrs.cli.ios.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.openvrrs.cli.ios.internal.parse.Grammar;
import org.openvrrs.cli.ios.internal.parse.Mode;
import org.openvrrs.cli.ios.internal.parse.Words;

/**
 * The running configuration as IOS lines, read from Config Admin (the one store every bundle reads): the host
 * name, track objects (those with an IOS form), every interface of the appliance's own network with its addresses,
 * VRRP groups and their tracking, {@code vrrp delay} and plug-ins, then accounting. Pasted into a fresh appliance
 * the lines rebuild the same configuration; {@link #merge} and {@link #replace} apply lines the way a paste does.
 */
final class RunningConfig implements RunningConfiguration {
    static final String SUBINTERFACE_PID = "org.openvrrs.plugin.subinterface";
    static final String VRRP_PID = "org.openvrrs.vrrp";

    private final Appliance appliance;
    private final Supplier<Grammar<Handler>> grammar;
    private final VrrpCommands vrrp;
    private final AccountingLines accounting;

    RunningConfig(Appliance appliance, Supplier<Grammar<Handler>> grammar, VrrpCommands vrrp) {
        this.appliance = appliance;
        this.grammar = grammar;
        this.vrrp = vrrp;
        this.accounting = new AccountingLines(appliance);
    }

    @Override
    public List<String> lines() {
        try {
            List<String> out = new ArrayList<>();
            out.add("hostname " + appliance.hostname());
            out.add("!");
            List<String> tracks = TrackCommands.lines(appliance);
            if (!tracks.isEmpty()) {
                out.addAll(tracks);
                out.add("!");
            }
            for (String ifname : interfaces()) {
                out.addAll(interfaceBlock(ifname));
                out.add("!");
            }
            out.addAll(accounting.lines());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ApplyResult merge(List<String> lines) {
        CliSession session = new CliSession(grammar.get(), appliance, new java.io.PrintStream(
                java.io.OutputStream.nullOutputStream()), Mode.CONFIG);
        int n = 0;
        for (String line : lines) {
            n++;
            if (line.trim().equals("end")) {
                break;
            }
            session.execute(line, n);
        }
        return new ApplyResult(session.errors());
    }

    @Override
    public ApplyResult replace(List<String> lines) {
        if (!(appliance instanceof ConfigStoreAccess store)) {
            throw new UnsupportedOperationException("replace needs Config Admin");
        }
        try {
            ConfigStoreAccess.Snapshot before = store.snapshot();
            store.clearLocal();
            ApplyResult result = merge(lines);
            if (!result.ok()) {
                store.clearLocal();
                store.restore(before);
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The interfaces shown: those of the network, configured here, or named by a group, delay or plug-in. */
    List<String> interfaces() throws IOException {
        TreeSet<String> names = new TreeSet<>(RunningConfig::natural);
        names.addAll(appliance.interfaceNames());
        appliance.interfaceSettings().forEach(s -> names.add(s.interfaceName()));
        local(appliance.entries(VrrpCommands.GROUP_PID)).forEach(p -> names.add(str(p, "interfaceName")));
        local(appliance.entries(SUBINTERFACE_PID)).forEach(p -> names.add(str(p, "interfaceName")));
        delays().keySet().forEach(names::add);
        vrrp.pending().keySet().forEach(k -> names.add(k.split("\\|")[0]));
        return new ArrayList<>(names);
    }

    /** One interface's block, from {@code interface X} to its last line; empty when nothing names it. */
    List<String> interfaceBlock(String ifname) throws IOException {
        if (!interfaces().contains(ifname)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        out.add("interface " + ifname);
        var settings = appliance.interfaceSettings(ifname);
        if (settings.isPresent()) {
            InterfaceSettings s = settings.get();
            if (!s.description().isEmpty()) {
                out.add(" description " + s.description());
            }
            if (s.vlan() != 0) {
                out.add(" encapsulation dot1Q " + s.vlan() + (s.nativeVlan() ? " native" : ""));
            }
        }
        List<String> v4 = settings.map(InterfaceSettings::addresses).orElseGet(() -> appliance.addressesOf(ifname)
                .stream().filter(a -> !a.contains(":")).toList());
        if (v4.isEmpty()) {
            out.add(" no ip address");
        }
        for (int i = 0; i < v4.size(); i++) {
            String[] a = v4.get(i).split("/");
            out.add(" ip address " + a[0] + " " + InterfaceCommands.mask(Integer.parseInt(a[1]))
                    + (i > 0 ? " secondary" : ""));
        }
        settings.ifPresent(s -> s.ipv6Addresses().forEach(a -> out.add(" ipv6 address " + a)));
        if (settings.map(InterfaceSettings::shutdown).orElse(false)) {
            out.add(" shutdown");
        }
        out.addAll(VrrpLines.of(ifname, local(appliance.entries(VrrpCommands.GROUP_PID)), vrrp.pending()));
        String delay = delays().get(ifname);
        if (delay != null) {
            out.add(" vrrp delay " + delay);
        }
        for (Map<String, Object> p : local(appliance.entries(SUBINTERFACE_PID))) {
            if (ifname.equals(str(p, "interfaceName"))) {
                out.add(" vrrs follow " + str(p, "follow"));
                if (ConfigValues.bool(p.get("interfaceState"), false)) {
                    out.add(" vrrs interface-state");
                }
                if (ConfigValues.bool(p.get("macAddress"), false)) {
                    out.add(" vrrs mac-address" + (ConfigValues.bool(p.get("arp"), false) ? " arp interval "
                            + str(p, "arpInterval") + " duration " + str(p, "arpDuration") : ""));
                }
            }
        }
        return out;
    }

    /** {@code vrrp delay} of the appliance's own interfaces: name to "minimum S reload S". */
    private Map<String, String> delays() throws IOException {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String line : ConfigValues.strings(appliance.properties(VRRP_PID).get("interfaceDelays"))) {
            String[] w = line.trim().split("\\s+", 2);
            if (w.length == 2 && !w[0].startsWith("local/")) {
                out.put(w[0], w[1].toLowerCase(java.util.Locale.ROOT));
            } else if (w.length == 2) {
                out.put(w[0].substring("local/".length()), w[1].toLowerCase(java.util.Locale.ROOT));
            }
        }
        return out;
    }

    static List<Map<String, Object>> local(List<Map<String, Object>> entries) {
        return entries.stream().filter(p -> {
            String n = str(p, "network");
            return n.isEmpty() || n.equals("local");
        }).toList();
    }

    static String str(Map<String, Object> p, String key) {
        return ConfigValues.string(p.get(key), "");
    }

    /** GigabitEthernet0/0/0.10 after GigabitEthernet0/0/0.9: numbers compared as numbers. */
    static int natural(String a, String b) {
        Words wa = Words.of(a.replaceAll("(\\d+)", " $1 "));
        Words wb = Words.of(b.replaceAll("(\\d+)", " $1 "));
        for (int i = 0; i < Math.min(wa.size(), wb.size()); i++) {
            String x = wa.get(i);
            String y = wb.get(i);
            int c = x.matches("\\d+") && y.matches("\\d+") ? Long.compare(Long.parseLong(x), Long.parseLong(y))
                    : x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(wa.size(), wb.size());
    }
}
