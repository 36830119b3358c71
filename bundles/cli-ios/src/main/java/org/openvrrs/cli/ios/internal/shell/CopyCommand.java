package org.openvrrs.cli.ios.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** IOS {@code copy} at Karaf's prompt (docs/cli.md). */
@Service
@Command(scope = "ios", name = "copy", description = "IOS copy running-config startup-config, copy FILE running-config")
public class CopyCommand extends IosCommand {
    @Override
    String verb() {
        return "copy";
    }
}
