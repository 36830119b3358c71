package org.openvrrs.cli.ios.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An appliance in memory: a local network with GigabitEthernet0/0/0 (as the demo's own router), Config Admin
 * entries, and the other bundles' commands emulated just enough to store what they would store (their own
 * validation is tested in their bundles). Records every command run.
 */
final class FakeAppliance implements Appliance, ConfigStoreAccess {
    final List<String> commands = new ArrayList<>();
    final Map<String, List<Map<String, Object>>> entries = new HashMap<>();
    final Map<String, Map<String, Object>> singletons = new HashMap<>();
    final Map<String, List<String>> network = new LinkedHashMap<>();
    final Map<String, InterfaceSettings> settings = new LinkedHashMap<>();
    ConfigurationArchive archive;
    SecretCodec secrets;

    FakeAppliance() {
        network.put("GigabitEthernet0/0/0", new ArrayList<>(List.of("10.9.9.9/24")));
    }

    @Override
    public String run(String command, List<String> args) throws Exception {
        commands.add(command + " " + String.join(" ", args));
        Options o = new Options(args);
        switch (command) {
            case "vrrp:configure" -> {
                Map<String, Object> g = group(o.pos(0), o.get("--family", "ipv4"), o.pos(1)).orElseGet(() -> {
                    Map<String, Object> n = new HashMap<>(Map.of("network", "", "interfaceName", o.pos(0),
                            "family", o.get("--family", "ipv4"), "vrid", o.pos(1)));
                    list(VrrpCommands.GROUP_PID).add(n);
                    return n;
                });
                if (!o.multi.isEmpty()) {
                    g.put("addresses", o.multi.toArray(new String[0]));
                }
                put(g, o, "--name", "name");
                put(g, o, "--priority", "priority");
                put(g, o, "--interval", "advertIntervalMillis");
                put(g, o, "--preempt", "preempt");
                put(g, o, "--preempt-delay", "preemptDelaySeconds");
                put(g, o, "--shutdown", "shutdown");
                put(g, o, "--description", "description");
                put(g, o, "--version", "version");
                if (o.options.containsKey("--track")) {
                    g.put("track", o.tracks.stream().filter(x -> !x.isBlank()).toArray(String[]::new));
                }
                if (!g.containsKey("addresses")) {
                    throw new IllegalArgumentException("addresses is required");
                }
            }
            case "vrrp:track" -> track(o);
            case "vrrp:remove" -> list(VrrpCommands.GROUP_PID).remove(group(o.pos(0), o.get("--family", "ipv4"),
                    o.pos(1)).orElseThrow());
            case "vrrp:delay" -> {
                List<String> lines = new ArrayList<>(ConfigValues.strings(singleton(RunningConfig.VRRP_PID)
                        .get("interfaceDelays")));
                lines.removeIf(l -> l.startsWith(o.pos(0) + " "));
                if (!o.flags.contains("--no")) {
                    lines.add(String.join(" ", o.positional));
                }
                singleton(RunningConfig.VRRP_PID).put("interfaceDelays", lines.toArray(new String[0]));
            }
            case "vrrs:follow" -> {
                if (o.flags.contains("--no")) {
                    list(RunningConfig.SUBINTERFACE_PID).removeIf(p -> p.get("interfaceName").equals(o.pos(0)));
                } else {
                    if (!network.containsKey(o.pos(0)) || network.get(o.pos(0)).isEmpty()) {
                        throw new IllegalArgumentException(o.pos(0) + " has no IP address");
                    }
                    subinterface(o.pos(0)).put("follow", o.pos(1));
                }
            }
            case "vrrs:interface-state" -> subinterface(o.pos(0)).put("interfaceState", !o.flags.contains("--no"));
            case "vrrs:mac-address" -> {
                Map<String, Object> p = subinterface(o.pos(0));
                p.put("macAddress", !o.flags.contains("--no"));
                p.put("arp", o.positional.contains("arp"));
                p.put("arpInterval", o.after("interval", "5"));
                p.put("arpDuration", o.after("duration", "360"));
                return "Warning: mac-address without interface-state";
            }
            case "aaa:accounting-vrrs" -> named(AccountingLines.METHOD_LIST, o.pos(0)).put("groups",
                    String.join(" ", o.positional.subList(2, o.positional.size())));
            case "aaa:attribute-list" -> {
                List<String> pairs = new ArrayList<>();
                for (int i = 1; i + 1 < o.positional.size(); i += 2) {
                    pairs.add(o.pos(i) + " " + o.pos(i + 1));
                }
                named(AccountingLines.ATTRIBUTE_LIST, o.pos(0)).put("attributes", pairs.toArray(new String[0]));
            }
            case "aaa:vrrs" -> {
                Map<String, Object> p = named(AccountingLines.GROUP, o.pos(0));
                p.put("delay", o.get("--delay", "0"));
                p.put("method", o.get("--method", "default"));
                p.put("attributeList", o.get("--attribute-list", ""));
            }
            case "aaa:radius-server" -> {
                Map<String, Object> p = named(AccountingLines.SERVER, o.pos(0));
                p.put("address", o.get("--address", ""));
                p.put("acctPort", o.get("--acct-port", "1813"));
                p.put("secret", o.get("--key", ""));
            }
            case "aaa:server-group" -> named(AccountingLines.SERVER_GROUP, o.pos(0)).put("servers",
                    o.positional.subList(1, o.positional.size()).toArray(new String[0]));
            case "aaa:remove" -> {
                String pid = switch (o.pos(0)) {
                    case "radius-server" -> AccountingLines.SERVER;
                    case "server-group" -> AccountingLines.SERVER_GROUP;
                    case "accounting-vrrs" -> AccountingLines.METHOD_LIST;
                    case "attribute-list" -> AccountingLines.ATTRIBUTE_LIST;
                    default -> AccountingLines.GROUP;
                };
                list(pid).removeIf(p -> p.get("name").equals(o.pos(1)));
            }
            default -> {
                return "output of " + command + (args.isEmpty() ? "" : " " + String.join(" ", args)) + "\nline two\n";
            }
        }
        return "";
    }

    /** As vrrp:track: one entry per number, its type's key replacing the other types'. */
    private void track(Options o) {
        if (o.options.containsKey("--remove")) {
            if (!list(TrackCommands.TRACK_PID).removeIf(p -> p.get("id").toString().equals(o.get("--remove", "")))) {
                throw new IllegalArgumentException("no track object " + o.get("--remove", ""));
            }
            return;
        }
        list(TrackCommands.TRACK_PID).removeIf(p -> p.get("id").toString().equals(o.pos(0)));
        list(TrackCommands.TRACK_PID).add(new HashMap<>(Map.of("network", "", "id", Integer.valueOf(o.pos(0)),
                "type", o.pos(1), o.pos(1).equals("interface") ? "interfaceName" : o.pos(1), o.pos(2))));
    }

    private static void put(Map<String, Object> g, Options o, String option, String key) {
        if (o.options.containsKey(option)) {
            g.put(key, o.options.get(option));
        }
    }

    private Optional<Map<String, Object>> group(String ifname, String family, String vrid) {
        return list(VrrpCommands.GROUP_PID).stream().filter(p -> p.get("interfaceName").equals(ifname)
                && p.get("family").equals(family) && p.get("vrid").toString().equals(vrid)).findFirst();
    }

    private Map<String, Object> subinterface(String ifname) {
        return list(RunningConfig.SUBINTERFACE_PID).stream().filter(p -> p.get("interfaceName").equals(ifname))
                .findFirst().orElseGet(() -> {
                    Map<String, Object> n = new HashMap<>(Map.of("network", "", "interfaceName", ifname));
                    list(RunningConfig.SUBINTERFACE_PID).add(n);
                    return n;
                });
    }

    private Map<String, Object> named(String pid, String name) {
        return list(pid).stream().filter(p -> p.get("name").equals(name)).findFirst().orElseGet(() -> {
            Map<String, Object> n = new HashMap<>(Map.of("name", name));
            list(pid).add(n);
            return n;
        });
    }

    List<Map<String, Object>> list(String pid) {
        return entries.computeIfAbsent(pid, k -> new ArrayList<>());
    }

    Map<String, Object> singleton(String pid) {
        return singletons.computeIfAbsent(pid, k -> new HashMap<>());
    }

    @Override
    public List<Map<String, Object>> entries(String factoryPid) {
        return list(factoryPid).stream().map(m -> (Map<String, Object>) new HashMap<>(m)).toList();
    }

    @Override
    public Map<String, Object> properties(String pid) {
        return new HashMap<>(singleton(pid));
    }

    @Override
    public String hostname() {
        return ConfigValues.string(singleton(IosSettings.PID).get("hostname"), "Router");
    }

    @Override
    public void hostname(String name) {
        setting("hostname", name);
    }

    @Override
    public void setting(String key, Object value) {
        singleton(IosSettings.PID).put(key, value);
    }

    @Override
    public List<String> interfaceNames() {
        return List.copyOf(network.keySet());
    }

    @Override
    public List<String> addressesOf(String ifname) {
        return network.getOrDefault(ifname, List.of());
    }

    @Override
    public Optional<InterfaceSettings> interfaceSettings(String ifname) {
        return Optional.ofNullable(settings.get(ifname));
    }

    @Override
    public List<InterfaceSettings> interfaceSettings() {
        return List.copyOf(settings.values());
    }

    @Override
    public void configure(InterfaceSettings s) {
        settings.put(s.interfaceName(), s);
        network.put(s.interfaceName(), new ArrayList<>(s.addresses()));
    }

    @Override
    public void removeInterface(String ifname) {
        settings.remove(ifname);
        network.remove(ifname);
    }

    @Override
    public Optional<ConfigurationArchive> archive() {
        return Optional.ofNullable(archive);
    }

    @Override
    public Optional<SecretCodec> secrets() {
        return Optional.ofNullable(secrets);
    }

    @Override
    public Snapshot snapshot() {
        Map<String, List<Map<String, Object>>> all = new HashMap<>();
        entries.forEach((k, v) -> all.put(k, v.stream().map(m -> (Map<String, Object>) new HashMap<>(m)).toList()));
        singletons.forEach((k, v) -> all.put("singleton:" + k, List.of(new HashMap<>(v))));
        all.put("settings", settings.values().stream().map(InterfaceSettings::toProperties).toList());
        return new Snapshot(all);
    }

    @Override
    public void clearLocal() {
        // script and file track objects have no IOS form: they stay
        List<Map<String, Object>> kept = list(TrackCommands.TRACK_PID).stream().filter(p -> !TrackCommands.shown(p))
                .toList();
        entries.clear();
        list(TrackCommands.TRACK_PID).addAll(kept);
        singletons.clear();
        // as InterfaceComponent undoes deleted settings: subinterfaces go, main interfaces lose their addresses
        settings.keySet().forEach(n -> {
            if (n.contains(".")) {
                network.remove(n);
            } else {
                network.put(n, new ArrayList<>());
            }
        });
        settings.clear();
    }

    @Override
    public void restore(Snapshot snapshot) {
        snapshot.entries().forEach((k, v) -> {
            if (k.startsWith("singleton:")) {
                singletons.put(k.substring("singleton:".length()), new HashMap<>(v.get(0)));
            } else if (k.equals("settings")) {
                v.forEach(p -> configure(InterfaceSettings.READER.read(p)));
            } else {
                entries.put(k, new ArrayList<>(v.stream().map(m -> (Map<String, Object>) new HashMap<>(m)).toList()));
            }
        });
    }

    /** Karaf's way of reading the arguments: options (with a value, or flags) before positional ones. */
    private static final class Options {
        final Map<String, String> options = new HashMap<>();
        final List<String> multi = new ArrayList<>();
        final List<String> tracks = new ArrayList<>();
        final List<String> flags = new ArrayList<>();
        final List<String> positional = new ArrayList<>();

        Options(List<String> args) {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (a.startsWith("--") && a.contains("=")) {
                    String key = a.substring(0, a.indexOf('='));
                    String value = a.substring(a.indexOf('=') + 1);
                    if (key.equals("--address")) {
                        multi.add(value);
                    }
                    if (key.equals("--track")) {
                        tracks.add(value);
                    }
                    options.put(key, value);
                    continue;
                }
                if (a.equals("--no")) {
                    flags.add(a);
                } else if (a.startsWith("--") && i + 1 < args.size()) {
                    if (a.equals("--address")) {
                        multi.add(args.get(i + 1));
                    }
                    options.put(a, args.get(++i));
                } else {
                    positional.add(a);
                }
            }
        }

        String get(String option, String otherwise) {
            return options.getOrDefault(option, otherwise);
        }

        String pos(int i) {
            return positional.get(i);
        }

        String after(String word, String otherwise) {
            int i = positional.indexOf(word);
            return i >= 0 && i + 1 < positional.size() ? positional.get(i + 1) : otherwise;
        }
    }
}
