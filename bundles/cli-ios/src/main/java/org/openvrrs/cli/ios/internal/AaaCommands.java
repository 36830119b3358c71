package org.openvrrs.cli.ios.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openvrrs.cli.ios.internal.parse.Args;
import org.openvrrs.cli.ios.internal.parse.Grammar;
import org.openvrrs.cli.ios.internal.parse.Mode;

/**
 * AAA for VRRS accounting: method lists, attribute lists, per-group settings, RADIUS servers and server groups.
 * IOS changes one line at a time where plugin-accounting's {@code aaa:} commands take a whole entry, so each line
 * reads the entry, changes it and hands the whole of it to the command, which validates it against the rest.
 */
final class AaaCommands {

    void register(Grammar<Handler> g) {
        Mode c = Mode.CONFIG;
        g.add(c, "aaa new-model", (s, a) -> s.appliance().setting("aaaNewModel", true));
        g.add(c, "no aaa new-model", (s, a) -> s.appliance().setting("aaaNewModel", false));
        g.add(c, "aaa accounting vrrs {default|LIST} start-stop group {radius|GROUP} [group GROUP] [group GROUP]",
                (s, a) -> {
                    List<String> words = new ArrayList<>();
                    a.matched().stream().skip(3).forEach(m -> words.add(m.word()));
                    s.appliance().run("aaa:accounting-vrrs", words);
                });
        g.add(c, "no aaa accounting vrrs {default|LIST}", (s, a) -> remove(s, "accounting-vrrs", a.matched().get(4)
                .word()));
        g.add(c, "aaa attribute list WORD", (s, a) -> s.enter(Mode.ATTRIBUTE_LIST, null, a.var(0)));
        g.add(c, "no aaa attribute list WORD", (s, a) -> remove(s, "attribute-list", a.var(0)));
        g.add(Mode.ATTRIBUTE_LIST, "attribute type WORD WORD [service WORD] [protocol WORD] [mandatory] [tag <1-31>]",
                AaaCommands::attribute);
        g.add(Mode.ATTRIBUTE_LIST, "no attribute type WORD [WORD]", AaaCommands::noAttribute);
        g.add(c, "vrrs WORD", (s, a) -> s.enter(Mode.VRRS, null, a.var(0)));
        g.add(c, "no vrrs WORD", (s, a) -> remove(s, "vrrs", a.var(0)));
        Mode v = Mode.VRRS;
        g.add(v, "accounting delay <0-3600>", (s, a) -> group(s, "delay", a.var(0)));
        g.add(v, "no accounting delay [<0-3600>]", (s, a) -> group(s, "delay", "0"));
        g.add(v, "accounting method {default|LIST}", (s, a) -> group(s, "method", a.matched().get(2).word()));
        g.add(v, "no accounting method [{default|LIST}]", (s, a) -> group(s, "method", "default"));
        g.add(v, "attribute list WORD", (s, a) -> group(s, "attributeList", a.var(0)));
        g.add(v, "no attribute list [WORD]", (s, a) -> group(s, "attributeList", ""));
    }

    private static void remove(CliSession s, String kind, String name) throws Exception {
        s.appliance().run("aaa:remove", List.of(kind, name));
    }

    /** The stored entry {@code name} of {@code pid}. */
    static Optional<Map<String, Object>> entry(Appliance app, String pid, String name) throws IOException {
        return app.entries(pid).stream().filter(p -> name.equals(AccountingLines.name(p))).findFirst();
    }

    private static void attribute(CliSession s, Args a) throws Exception {
        List<String> attributes = new ArrayList<>(entry(s.appliance(), AccountingLines.ATTRIBUTE_LIST, s.name())
                .map(p -> ConfigValues.strings(p.get("attributes"))).orElse(List.of()));
        String type = a.var(0);
        attributes.removeIf(x -> x.split("\\s+")[0].equalsIgnoreCase(type));
        attributes.add(type + " " + a.var(1));
        List<String> args = new ArrayList<>(List.of(s.name()));
        attributes.forEach(x -> args.addAll(List.of(x.split("\\s+", 2))));
        s.appliance().run("aaa:attribute-list", args);
    }

    private static void noAttribute(CliSession s, Args a) throws Exception {
        List<String> attributes = new ArrayList<>(entry(s.appliance(), AccountingLines.ATTRIBUTE_LIST, s.name())
                .map(p -> ConfigValues.strings(p.get("attributes"))).orElse(List.of()));
        if (!attributes.removeIf(x -> x.split("\\s+")[0].equalsIgnoreCase(a.var(0)))) {
            throw new CliException("% Attribute " + a.var(0) + " is not in list " + s.name());
        }
        if (attributes.isEmpty()) {
            remove(s, "attribute-list", s.name());
            return;
        }
        List<String> args = new ArrayList<>(List.of(s.name()));
        attributes.forEach(x -> args.addAll(List.of(x.split("\\s+", 2))));
        s.appliance().run("aaa:attribute-list", args);
    }

    /** One setting of {@code vrrs NAME}, the others as stored. */
    private static void group(CliSession s, String key, String value) throws Exception {
        Map<String, Object> p = entry(s.appliance(), AccountingLines.GROUP, s.name()).orElse(Map.of());
        String delay = key.equals("delay") ? value : String.valueOf(ConfigValues.integer(p.get("delay"), 0));
        String method = key.equals("method") ? value : ConfigValues.string(p.get("method"), "default");
        String list = key.equals("attributeList") ? value : ConfigValues.string(p.get("attributeList"), "");
        String output = s.appliance().run("aaa:vrrs", List.of("--delay", delay, "--method", method,
                "--attribute-list", list, s.name()));
        output.lines().filter(l -> l.startsWith("Warning: ")).forEach(l -> s.print("% " + l));
    }
}
