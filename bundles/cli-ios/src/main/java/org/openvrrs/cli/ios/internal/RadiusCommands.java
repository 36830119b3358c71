package org.openvrrs.cli.ios.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openvrrs.cli.ios.internal.parse.Args;
import org.openvrrs.cli.ios.internal.parse.Grammar;
import org.openvrrs.cli.ios.internal.parse.Mode;

/**
 * RADIUS servers and server groups: {@code radius server NAME} with {@code address ipv4 A acct-port P} and
 * {@code key K}, the classic {@code radius-server host A [acct-port P] key K}, and {@code aaa group server radius
 * G} with {@code server name S}. A key is typed in clear ({@code key K}, {@code key 0 K}) or as this appliance's
 * type 6 ciphertext ({@code key 6 C}, what show running-config prints); it is stored by plugin-accounting, never
 * printed in clear.
 */
final class RadiusCommands {
    private static final String KEY = "key [{0|6|7}] WORD";

    /**
     * Settings of a {@code radius server} sub-mode typed before the server has both its address and its key (IOS
     * takes them line by line; plugin-accounting stores only a whole server): held here, not printed, until both came.
     */
    private final Map<String, Map<String, String>> pending = new java.util.concurrent.ConcurrentHashMap<>();

    void register(Grammar<Handler> g) {
        g.add(Mode.CONFIG, "radius server WORD", (s, a) -> s.enter(Mode.RADIUS_SERVER, null, a.var(0)));
        g.add(Mode.CONFIG, "no radius server WORD", (s, a) -> {
            if (pending.remove(a.var(0)) == null) {
                s.appliance().run("aaa:remove", List.of("radius-server", a.var(0)));
            }
        });
        Mode r = Mode.RADIUS_SERVER;
        g.add(r, "address {ipv4 A.B.C.D|ipv6 X:X::X} [auth-port <0-65535>] [acct-port <1-65535>]", (s, a) ->
                server(s, s.name(), Map.of("--address", a.var(0), "--acct-port", a.after("acct-port").orElse("1813"))));
        g.add(r, KEY, (s, a) -> server(s, s.name(), Map.of("--key", key(s, a))));
        g.add(r, "timeout <1-1000>", (s, a) -> server(s, s.name(), Map.of("--timeout", a.var(0))));
        g.add(r, "retransmit <0-100>", (s, a) -> server(s, s.name(), Map.of("--retransmit", a.var(0))));
        g.add(r, "no key", (s, a) -> server(s, s.name(), Map.of("--key", "")));
        g.add(Mode.CONFIG, "radius-server host A.B.C.D [auth-port <0-65535>] [acct-port <1-65535>] [" + KEY + "]",
                (s, a) -> {
                    Map<String, String> options = new java.util.HashMap<>(Map.of("--address", a.var(0),
                            "--acct-port", a.after("acct-port").orElse("1813")));
                    if (a.has("key")) {
                        options.put("--key", key(s, a));
                    }
                    server(s, a.var(0), options);
                });
        g.add(Mode.CONFIG, "no radius-server host A.B.C.D", (s, a) -> s.appliance().run("aaa:remove",
                List.of("radius-server", a.var(0))));
        g.add(Mode.CONFIG, "aaa group server radius WORD", (s, a) -> s.enter(Mode.SERVER_GROUP, null, a.var(0)));
        g.add(Mode.CONFIG, "no aaa group server radius WORD", (s, a) -> s.appliance().run("aaa:remove",
                List.of("server-group", a.var(0))));
        g.add(Mode.SERVER_GROUP, "server name WORD", (s, a) -> servers(s, a.var(0), true));
        g.add(Mode.SERVER_GROUP, "no server name WORD", (s, a) -> servers(s, a.var(0), false));
    }

    /** The clear key of {@code key [0|6|7] K}. */
    private static String key(CliSession s, Args a) throws CliException {
        String word = a.vars().get(a.vars().size() - 1);
        String type = a.after("key").filter(t -> !t.equals(word)).orElse("0");
        return switch (type) {
            case "6" -> {
                SecretCodec codec = s.appliance().secrets().orElseThrow(() -> new CliException(
                        ExecCommands.NO_STORE + ": a type 6 key cannot be read"));
                try {
                    yield codec.decrypt(word);
                } catch (IllegalArgumentException e) {
                    throw new CliException("% Invalid type 6 key: not encrypted by this appliance");
                }
            }
            case "7" -> throw new CliException("% Type 7 keys are not accepted: give the key in clear or as type 6");
            default -> word;
        };
    }

    /** Changes the options given, the others as stored; a new server waits for its address and key. */
    private void server(CliSession s, String name, Map<String, String> given) throws Exception {
        Optional<Map<String, Object>> stored = AaaCommands.entry(s.appliance(), AccountingLines.SERVER, name);
        Map<String, String> options = given;
        if (stored.isEmpty()) {
            options = pending.merge(name, new java.util.HashMap<>(given), (held, more) -> {
                held.putAll(more);
                return held;
            });
            if (options.getOrDefault("--address", "").isEmpty() || options.getOrDefault("--key", "").isEmpty()) {
                return;
            }
            pending.remove(name);
        }
        Map<String, Object> p = stored.orElse(Map.of());
        List<String> args = new ArrayList<>();
        add(args, options, "--address", ConfigValues.string(p.get("address"), ""));
        add(args, options, "--acct-port", String.valueOf(ConfigValues.integer(p.get("acctPort"), 1813)));
        add(args, options, "--key", ConfigValues.string(p.get("secret"), ""));
        add(args, options, "--timeout", String.valueOf(ConfigValues.integer(p.get("timeout"), 5)));
        add(args, options, "--retransmit", String.valueOf(ConfigValues.integer(p.get("retransmit"), 3)));
        args.add(name);
        s.appliance().run("aaa:radius-server", args);
    }

    private static void add(List<String> args, Map<String, String> options, String option, String stored) {
        String value = options.getOrDefault(option, stored);
        if (!value.isEmpty()) {
            args.addAll(List.of(option, value));
        }
    }

    private static void servers(CliSession s, String server, boolean add) throws Exception {
        List<String> servers = new ArrayList<>(AaaCommands.entry(s.appliance(), AccountingLines.SERVER_GROUP,
                s.name()).map(p -> ConfigValues.strings(p.get("servers"))).orElse(List.of()));
        servers.remove(server);
        if (add) {
            servers.add(server);
        }
        if (servers.isEmpty()) {
            s.appliance().run("aaa:remove", List.of("server-group", s.name()));
            return;
        }
        List<String> args = new ArrayList<>(List.of(s.name()));
        args.addAll(servers);
        s.appliance().run("aaa:server-group", args);
    }
}
