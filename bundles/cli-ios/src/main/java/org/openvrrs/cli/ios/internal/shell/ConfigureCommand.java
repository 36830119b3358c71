package org.openvrrs.cli.ios.internal.shell;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openvrrs.cli.ios.internal.CliException;
import org.openvrrs.cli.ios.internal.CliSession;
import org.openvrrs.cli.ios.internal.parse.Mode;

/**
 * IOS {@code configure terminal}: on a terminal, a line editor with the IOS prompt, {@code ?} and Tab until
 * {@code end}; otherwise ({@code ssh host 'configure terminal' < site.cfg}) the lines of standard input, each
 * error printed with its line number. {@code configure replace} and {@code configure confirm} go to the parser.
 */
@Service
@Command(scope = "ios", name = "configure", description = "IOS configure terminal (reads standard input when it is "
        + "not a terminal), configure replace FILE [time MIN], configure confirm")
public class ConfigureCommand extends IosCommand {
    @Override
    String verb() {
        return "configure";
    }

    @Override
    public Object execute() throws Exception {
        String first = words == null || words.isEmpty() ? "" : words.get(0).toLowerCase(Locale.ROOT);
        if (first.isEmpty() || !"terminal".startsWith(first) || words.size() > 1) {
            return super.execute();
        }
        CliSession s = session(Mode.CONFIG);
        Object terminal = session.get(".jline.terminal");
        if (terminal instanceof org.jline.terminal.Terminal t && !"dumb".equals(t.getType())
                && session.getTerminal() != null) {
            new IosConsole(s, t).run();
            return null;
        }
        return batch(s);
    }

    private Object batch(CliSession s) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(session.getKeyboard(), StandardCharsets.UTF_8));
        int n = 0;
        String line;
        while (!s.ended() && (line = in.readLine()) != null) {
            s.execute(line, ++n);
        }
        if (!s.errors().isEmpty()) {
            throw new CliException("% " + s.errors().size() + " of " + n + " lines refused");
        }
        return null;
    }
}
