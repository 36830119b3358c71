package org.openvrrs.cli.ios.internal.shell;

import java.util.List;
import java.util.stream.Collectors;

import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.openvrrs.cli.ios.internal.CliSession;
import org.openvrrs.cli.ios.internal.parse.Grammar;
import org.openvrrs.cli.ios.internal.parse.Words;

/**
 * {@code configure terminal} on a terminal: JLine reading lines at the IOS prompt, {@code ?} listing what may come
 * next without touching the line (as IOS does), Tab completing keywords and names, until {@code end} or Ctrl-D.
 */
final class IosConsole {
    private final CliSession session;
    private final LineReader reader;

    IosConsole(CliSession session, Terminal terminal) {
        this.session = session;
        this.reader = LineReaderBuilder.builder().terminal(terminal).appName("openvrrs-ios")
                .completer((r, line, candidates) -> complete(line.line().substring(0, line.cursor()), candidates))
                .build();
        reader.setOpt(LineReader.Option.DISABLE_EVENT_EXPANSION); // '!' starts IOS comments, not history
        reader.unsetOpt(LineReader.Option.AUTO_MENU);
        reader.getWidgets().put("ios-help", this::help);
        reader.getKeyMaps().get(LineReader.MAIN).bind(new Reference("ios-help"), "?");
    }

    void run() {
        while (!session.ended()) {
            String line;
            try {
                line = reader.readLine(session.prompt());
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                return;
            }
            session.execute(line, 0);
        }
    }

    private boolean help() {
        String before = reader.getBuffer().upToCursor();
        int cut = before.isEmpty() || Character.isWhitespace(before.charAt(before.length() - 1)) ? before.length()
                : before.lastIndexOf(' ') + 1;
        String partial = before.substring(cut);
        List<Grammar.Help> help = session.grammar().help(session.mode(), Words.of(before.substring(0, cut)),
                partial);
        String text = help.isEmpty() ? "% Unrecognized command" : help.stream()
                .map(h -> partial.isEmpty() ? String.format("  %-18s %s", h.text(), h.help()) : h.text())
                .collect(Collectors.joining(partial.isEmpty() ? "\n" : "  "));
        reader.printAbove(session.prompt() + before + "?\n" + text);
        return true;
    }

    private void complete(String before, List<Candidate> candidates) {
        int cut = before.lastIndexOf(' ') + 1;
        String partial = before.substring(cut);
        for (String c : session.grammar().complete(session.mode(), Words.of(before.substring(0, cut)), partial,
                name -> CompletionValues.of(session.appliance(), name))) {
            candidates.add(new Candidate(c));
        }
    }
}
