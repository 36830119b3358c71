package org.openvrrs.cli.ios.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openvrrs.cli.ios.internal.parse.Args;
import org.openvrrs.cli.ios.internal.parse.Grammar;
import org.openvrrs.cli.ios.internal.parse.InterfaceNames;
import org.openvrrs.cli.ios.internal.parse.Mode;
import org.openvrrs.cli.ios.internal.parse.Token;
import org.openvrrs.cli.ios.internal.parse.Words;

/**
 * One operator's IOS session: the mode and what it is about (the interface, the attribute list...), one line at a
 * time. A line the current mode does not know is tried in the enclosing mode (IOS leaves interface mode for a
 * global command), then as an EXEC command (so the guide's {@code Router# show ...} after configuration lines
 * works pasted as it is). Errors are printed as IOS prints them; in batch mode ({@code lineNumber > 0}) each names
 * its line and is also kept in {@link #errors()}.
 */
public final class CliSession {
    /** A prompt pasted with the command, as the guide prints its examples: {@code Router(config-if)# }. */
    private static final Pattern PROMPT = Pattern.compile("^\\s*[A-Za-z0-9_.-]+(\\([a-z-]+\\))?#\\s?");
    private static final Pattern MODIFIER = Pattern.compile("\\s\\|\\s*(\\S+)\\s*(.*)$");

    private final Grammar<Handler> grammar;
    private final Appliance appliance;
    private final PrintStream out;
    private final List<String> errors = new ArrayList<>();
    private Mode mode;
    private boolean ended;
    private StringBuilder captured; // output of a command with a modifier
    private Monitor monitor;

    /** Switches {@code terminal monitor} for the console this session prints to. */
    @FunctionalInterface
    public interface Monitor {
        void set(boolean on) throws CliException;
    }

    // what the current sub-mode is about
    private String ifname;
    private String name;
    private int vrid;
    private String family;

    public CliSession(Grammar<Handler> grammar, Appliance appliance, PrintStream out, Mode mode) {
        this.grammar = grammar;
        this.appliance = appliance;
        this.out = out;
        this.mode = mode;
    }

    public String prompt() {
        return appliance.hostname() + mode.promptSuffix() + "#";
    }

    public Mode mode() {
        return mode;
    }

    public Appliance appliance() {
        return appliance;
    }

    public Grammar<Handler> grammar() {
        return grammar;
    }

    /** Whether {@code end} (or {@code exit} from global configuration) left configuration mode. */
    public boolean ended() {
        return ended;
    }

    /** The errors of batch lines, as printed. */
    public List<String> errors() {
        return List.copyOf(errors);
    }

    /**
     * Runs one line typed or read at {@code lineNumber} (0: typed at this session's prompt, errors aligned to it;
     * negative: typed at Karaf's prompt, the line is shown again above the caret).
     *
     * @return whether it was accepted (blank and comment lines are)
     */
    public boolean execute(String typed, int lineNumber) {
        Matcher prompt = PROMPT.matcher(typed);
        int shift = prompt.find() ? prompt.end() : 0;
        String line = typed.substring(shift);
        if (line.isBlank() || line.trim().startsWith("!")) {
            return true;
        }
        try {
            OutputFilter filter = null;
            Matcher m = MODIFIER.matcher(line);
            if (m.find()) {
                filter = OutputFilter.of(m.group(1), m.group(2));
                line = line.substring(0, m.start());
            }
            run(line, filter);
            return true;
        } catch (CliException e) {
            fail(typed, shift, lineNumber, e);
            return false;
        } catch (Exception e) {
            fail(typed, shift, lineNumber, new CliException(message(e)));
            return false;
        }
    }

    private void run(String line, OutputFilter filter) throws Exception {
        Words words = Words.of(line);
        if (mode.isConfig() && words.size() > 1 && "do".equals(words.get(0).toLowerCase(java.util.Locale.ROOT))) {
            Words rest = Words.of(words.rest(1));
            Grammar.Parse<Handler> p = grammar.parse(Mode.EXEC, rest);
            if (p instanceof Grammar.Match<Handler> match) {
                runWith(match, filter);
                return;
            }
            throw error((Grammar.Failure<Handler>) p, rest, words.offset(1));
        }
        Grammar.Failure<Handler> first = null;
        for (Mode m = mode; m != null; m = m.fallback()) {
            Grammar.Parse<Handler> p = grammar.parse(m, words);
            if (p instanceof Grammar.Match<Handler> match) {
                if (m != mode) {
                    mode = m;
                }
                runWith(match, filter);
                return;
            }
            first = better(first, (Grammar.Failure<Handler>) p);
        }
        if (mode.isConfig()) {
            Grammar.Parse<Handler> p = grammar.parse(Mode.EXEC, words);
            if (p instanceof Grammar.Match<Handler> match) {
                runWith(match, filter);
                return;
            }
            first = better(first, (Grammar.Failure<Handler>) p);
        }
        throw error(first, words, 0);
    }

    /**
     * The error to report: the current mode's, unless it did not know the first word at all; then the one of the
     * enclosing modes that got furthest.
     */
    private static Grammar.Failure<Handler> better(Grammar.Failure<Handler> current, Grammar.Failure<Handler> next) {
        if (current == null) {
            return next;
        }
        boolean unknownHere = current.error() == Grammar.Error.INVALID && current.word() == 0;
        return unknownHere && next.word() > current.word() ? next : current;
    }

    private void runWith(Grammar.Match<Handler> match, OutputFilter filter) throws Exception {
        if (filter == null) {
            match.command().run(this, match.args());
            return;
        }
        captured = new StringBuilder();
        try {
            match.command().run(this, match.args());
        } finally {
            String text = captured.toString();
            captured = null;
            filter.apply(text.lines().toList()).forEach(out::println);
        }
    }

    private static CliException error(Grammar.Failure<Handler> f, Words words, int shift) {
        return switch (f.error()) {
            case INCOMPLETE -> new CliException("% Incomplete command.");
            case AMBIGUOUS -> new CliException("% Ambiguous command:  \"" + words.upTo(f.word()) + "\"");
            case INVALID -> CliException.invalidAt(shift + words.offset(f.word()));
        };
    }

    private void fail(String typed, int shift, int lineNumber, CliException e) {
        StringBuilder text = new StringBuilder();
        int indent;
        if (lineNumber > 0) {
            String head = "% Line " + lineNumber + ": ";
            text.append(head).append(typed.strip()).append('\n');
            indent = head.length() + e.caretOffset() + shift - (typed.length() - typed.stripLeading().length());
        } else if (lineNumber < 0 && e.caretOffset() >= 0) {
            text.append("  ").append(typed).append('\n'); // typed at another prompt (Karaf's): shown again
            indent = 2 + e.caretOffset() + shift;
        } else {
            indent = prompt().length() + e.caretOffset() + shift;
        }
        if (e.caretOffset() >= 0) {
            text.append(" ".repeat(Math.max(0, indent))).append("^\n");
        }
        text.append(e.getMessage());
        out.println(text);
        if (lineNumber > 0) {
            errors.add(text.toString());
        }
    }

    static String message(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    /** Prints command output (into the modifier's buffer when there is one). */
    public void print(String text) {
        if (captured != null) {
            captured.append(text);
            if (!text.endsWith("\n")) {
                captured.append('\n');
            }
        } else if (!text.isEmpty()) {
            out.print(text.endsWith("\n") ? text : text + "\n");
        }
    }

    /** Enters {@code next}, about {@code ifname} / {@code name} / {@code vrid} / {@code family} as it needs. */
    public void enter(Mode next, String ifnameOrNull, String nameOrNull) {
        mode = next;
        if (ifnameOrNull != null) {
            ifname = ifnameOrNull;
        }
        name = nameOrNull;
    }

    public void enterVrrp(int groupVrid, String addressFamily) {
        mode = Mode.VRRP_AF;
        vrid = groupVrid;
        family = addressFamily;
    }

    /** IOS {@code exit}: one mode up; from global configuration back to EXEC. */
    public void exit() {
        mode = switch (mode) {
            case VRRP_AF -> InterfaceSettings.of(ifname).effectiveVlan().isPresent() ? Mode.SUBINTERFACE
                    : Mode.INTERFACE;
            case CONFIG, EXEC -> Mode.EXEC;
            default -> Mode.CONFIG;
        };
        ended = mode == Mode.EXEC;
    }

    /** IOS {@code end}. */
    public void end() {
        mode = Mode.EXEC;
        ended = true;
    }

    /**
     * The interface a command names: IOS's reading of it ({@code eth0} is Ethernet0), or the name as typed when only
     * that one (or its parent) exists on the appliance.
     */
    public String interfaceName(Args a) {
        Args.Matched m = a.matched().stream().filter(x -> x.token().kind() == Token.Kind.IFNAME).findFirst()
                .orElseThrow();
        List<String> known = appliance.interfaceNames();
        boolean typed = known.contains(m.raw())
                || InterfaceNames.parent(m.raw()).map(known::contains).orElse(false);
        boolean ios = known.contains(m.word())
                || InterfaceNames.parent(m.word()).map(known::contains).orElse(false);
        return typed && !ios ? m.raw() : m.word();
    }

    /** Where {@code terminal monitor} sends the log: the Karaf session's console. */
    public void monitor(Monitor m) {
        monitor = m;
    }

    void terminalMonitor(boolean on) throws CliException {
        if (monitor == null) {
            throw new CliException("% terminal monitor needs a console session");
        }
        monitor.set(on);
    }

    public String ifname() {
        return ifname;
    }

    public String name() {
        return name;
    }

    public int vrid() {
        return vrid;
    }

    public String family() {
        return family;
    }
}
