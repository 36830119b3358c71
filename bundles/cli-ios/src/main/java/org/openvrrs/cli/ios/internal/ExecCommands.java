package org.openvrrs.cli.ios.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.openvrrs.cli.ios.internal.parse.Args;
import org.openvrrs.cli.ios.internal.parse.Grammar;
import org.openvrrs.cli.ios.internal.parse.Mode;

/**
 * EXEC commands: the IOS shows (printed by the bundles' own commands, so layouts stay in one place), debug, the
 * running and startup configuration, and the mode commands of every configuration mode ({@code exit},
 * {@code end}).
 */
final class ExecCommands {
    static final String NO_STORE = "% configuration store not available";

    private final java.util.function.Function<Appliance, RunningConfig> running;

    ExecCommands(java.util.function.Function<Appliance, RunningConfig> running) {
        this.running = running;
    }

    void register(Grammar<Handler> g) {
        Mode x = Mode.EXEC;
        g.add(x, "configure terminal", (s, a) -> s.enter(Mode.CONFIG, null, null));
        g.add(x, "configure replace WORD [time <1-120>]", ExecCommands::replace);
        g.add(x, "configure confirm", (s, a) -> s.print(store(s).confirm() ? "" : "% No pending rollback"));
        g.add(x, "show running-config [interface IFNAME]", this::showRunning);
        g.add(x, "show startup-config", (s, a) -> {
            List<String> lines = store(s).startupLines();
            s.print(lines.isEmpty() ? "startup-config is not present" : String.join("\n", lines));
        });
        g.add(x, "show archive", (s, a) -> s.print(String.join("\n", store(s).archiveListing())));
        g.add(x, "show vrrs summary", karaf("vrrs:summary"));
        g.add(x, "show vrrs clients", karaf("vrrs:clients"));
        g.add(x, "show vrrs group [GROUP]", (s, a) -> show(s, "vrrs:group", a.vars()));
        g.add(x, "show vrrs plugin database", karaf("vrrs:plugin-database"));
        g.add(x, "show vrrp", karaf("vrrp:show"));
        g.add(x, "show vrrp brief", karaf("vrrp:show", "--brief"));
        g.add(x, "show vrrp interface IFNAME [<1-255>]", (s, a) -> {
            List<String> args = new ArrayList<>(a.vars());
            args.set(0, s.interfaceName(a));
            show(s, "vrrp:show", args);
        });
        g.add(x, "show track [<1-1000>]", (s, a) -> show(s, "track:show", a.vars()));
        g.add(x, "show ip interface brief", karaf("vrrs:ip-interface-brief", "--network", "local"));
        g.add(x, "show ip arp", karaf("vrrs:ip-arp", "--network", "local"));
        g.add(x, "show controllers IFNAME", (s, a) -> show(s, "vrrs:controller", List.of(s.interfaceName(a))));
        g.add(x, "debug vrrp {vrrs|all}", (s, a) -> show(s, "vrrp:debug", List.of(a.has("all") ? "all" : "vrrs")));
        g.add(x, "debug vrrs accounting [{all|errors|events}]", (s, a) -> debug(s, "accounting", a));
        g.add(x, "debug vrrs infra [{all|client|events|server}]", (s, a) -> debug(s, "infra", a));
        g.add(x, "debug vrrs plugin [{all|arp-packet|client|database|if-state|mac|process|sublock|test}]",
                (s, a) -> debug(s, "plugin", a));
        g.add(x, "{undebug all|no debug all}", ExecCommands::undebug);
        g.add(x, "terminal monitor", (s, a) -> s.terminalMonitor(true));
        g.add(x, "terminal no monitor", (s, a) -> s.terminalMonitor(false));
        g.add(x, "write [memory]", ExecCommands::save);
        g.add(x, "copy running-config startup-config", ExecCommands::save);
        g.add(x, "copy WORD running-config", (s, a) -> report(s, store(s).mergeFile(a.var(0))));
        for (Mode m : Mode.values()) {
            if (m.isConfig()) {
                g.add(m, "exit", (s, a) -> s.exit());
                g.add(m, "end", (s, a) -> s.end());
            }
        }
        g.add(x, "exit", (s, a) -> s.end());
    }

    private void showRunning(CliSession s, Args a) throws Exception {
        RunningConfig running = this.running.apply(s.appliance());
        if (a.vars().isEmpty()) {
            s.print("Building configuration...\n\nCurrent configuration:\n!\n"
                    + String.join("\n", running.lines()) + "\nend");
        } else {
            List<String> block = running.interfaceBlock(s.interfaceName(a));
            if (block.isEmpty()) {
                throw CliException.invalidAt(a.matched().get(3).offset());
            }
            s.print("Building configuration...\n\nCurrent configuration:\n!\n" + String.join("\n", block)
                    + "\nend");
        }
    }

    private static ConfigurationArchive store(CliSession s) throws CliException {
        return s.appliance().archive().orElseThrow(() -> new CliException(NO_STORE));
    }

    private static void save(CliSession s, Args a) throws Exception {
        ConfigurationArchive store = store(s);
        s.print("Building configuration...");
        store.save();
        s.print("[OK]");
    }

    private static void replace(CliSession s, Args a) throws Exception {
        Duration rollback = a.after("time").map(m -> Duration.ofMinutes(Long.parseLong(m))).orElse(null);
        RunningConfiguration.ApplyResult r = store(s).replaceWith(a.var(0), rollback);
        report(s, r);
        if (rollback != null) {
            s.print("% Rollback in " + rollback.toMinutes() + " minute(s) unless 'configure confirm' is entered");
        }
    }

    private static void report(CliSession s, RunningConfiguration.ApplyResult r) throws CliException {
        if (!r.ok()) {
            r.errors().forEach(s::print);
            throw new CliException("% " + r.errors().size() + " line(s) refused: configuration unchanged");
        }
    }

    private static void debug(CliSession s, String area, Args a) throws Exception {
        List<String> args = new ArrayList<>(List.of(area));
        a.matched().stream().skip(3).forEach(m -> args.add(m.word()));
        show(s, "vrrs:debug", args);
    }

    private static void undebug(CliSession s, Args a) throws Exception {
        s.print("All possible debugging has been turned off");
        for (String area : List.of("infra", "plugin", "accounting")) {
            quietly(s, "vrrs:debug", List.of("--off", area));
        }
        quietly(s, "vrrp:debug", List.of("--off", "all"));
    }

    /** An area whose bundle is not installed has nothing to switch off. */
    private static void quietly(CliSession s, String command, List<String> args) {
        try {
            s.appliance().run(command, args);
        } catch (Exception e) {
            // nothing of that area is installed
        }
    }

    private static Handler karaf(String command, String... args) {
        return (s, a) -> show(s, command, List.of(args));
    }

    private static void show(CliSession s, String command, List<String> args) throws Exception {
        s.print(s.appliance().run(command, args));
    }
}
