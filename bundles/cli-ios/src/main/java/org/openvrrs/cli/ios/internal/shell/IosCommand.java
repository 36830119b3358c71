package org.openvrrs.cli.ios.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.log.core.LogService;
import org.apache.karaf.shell.api.console.Session;
import org.openvrrs.cli.ios.internal.CliSession;
import org.openvrrs.cli.ios.internal.IosCli;
import org.openvrrs.cli.ios.internal.parse.Mode;

/**
 * An IOS EXEC verb as a Karaf command: the rest of the line goes to the IOS parser, so {@code show vrrs sum} and
 * {@code debug vrrs infra} work typed at Karaf's prompt and over SSH. Output modifiers arrive through Karaf's pipe
 * ({@code show running-config | include vrrp}) at the {@code include}, {@code exclude}, {@code begin} and
 * {@code section} commands.
 */
abstract class IosCommand implements Action {
    @Reference
    IosCli cli;

    @Reference
    Session session;

    @Reference(optional = true)
    LogService logService;

    @Argument(index = 0, name = "words", multiValued = true, description = "the rest of the IOS command")
    List<String> words;

    /** The IOS verb this command is ({@code show}), also under an abbreviation's name ({@code sh}). */
    abstract String verb();

    @Override
    public Object execute() throws Exception {
        CliSession s = session(Mode.EXEC);
        s.execute(line(), -1);
        return null;
    }

    /** A session printing to this command's output, whose terminal monitor is this Karaf session's console. */
    CliSession session(Mode mode) {
        CliSession s = cli.session(System.out, mode);
        s.monitor(on -> TerminalMonitor.set(session, logService, on));
        return s;
    }

    String line() {
        return verb() + (words == null ? "" : " " + String.join(" ", words));
    }
}
