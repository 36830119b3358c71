package org.openvrrs.cli.ios.internal.shell;

import java.io.PrintStream;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;

import org.apache.karaf.log.core.LogService;
import org.apache.karaf.shell.api.console.Session;
import org.openvrrs.cli.ios.internal.CliException;
import org.ops4j.pax.logging.spi.PaxAppender;

/**
 * IOS {@code terminal monitor}: the appliance's log lines (debug ones included, once {@code debug ...} switched them
 * on) printed on this session's console, IOS style ({@code *Dec 6 02:40:01.123: message}), until
 * {@code terminal no monitor} or the console is gone.
 */
final class TerminalMonitor {
    private static final String KEY = "openvrrs.ios.monitor";

    private TerminalMonitor() {
    }

    static void set(Session session, LogService logs, boolean on) throws CliException {
        if (logs == null) {
            throw new CliException("% terminal monitor needs the log feature");
        }
        Object current = session.get(KEY);
        if (current instanceof PaxAppender a) {
            logs.removeAppender(a);
            session.put(KEY, null);
        }
        if (on) {
            PrintStream console = session.getConsole();
            PaxAppender[] self = new PaxAppender[1];
            self[0] = event -> {
                String time = new SimpleDateFormat("MMM d HH:mm:ss.SSS", Locale.ROOT)
                        .format(new Date(event.getTimeStamp()));
                console.println("*" + time + ": " + event.getMessage());
                if (console.checkError()) {
                    logs.removeAppender(self[0]); // the session is gone
                }
            };
            logs.addAppender(self[0]);
            session.put(KEY, self[0]);
        }
    }
}
