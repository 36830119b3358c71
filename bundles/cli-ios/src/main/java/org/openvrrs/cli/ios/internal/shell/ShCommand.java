package org.openvrrs.cli.ios.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** IOS {@code show} at Karaf's prompt (docs/cli.md). */
@Service
@Command(scope = "ios", name = "sh", description = "Abbreviation of show")
public class ShCommand extends IosCommand {
    @Override
    String verb() {
        return "show";
    }
}
