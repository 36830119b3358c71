package org.openvrrs.cli.ios.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** IOS {@code terminal} at Karaf's prompt (docs/cli.md). */
@Service
@Command(scope = "ios", name = "terminal", description = "IOS terminal monitor: log lines to this session")
public class TerminalCommand extends IosCommand {
    @Override
    String verb() {
        return "terminal";
    }
}
