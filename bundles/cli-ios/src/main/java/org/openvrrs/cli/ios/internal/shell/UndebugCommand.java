package org.openvrrs.cli.ios.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** IOS {@code undebug} at Karaf's prompt (docs/cli.md). */
@Service
@Command(scope = "ios", name = "undebug", description = "IOS undebug all")
public class UndebugCommand extends IosCommand {
    @Override
    String verb() {
        return "undebug";
    }
}
