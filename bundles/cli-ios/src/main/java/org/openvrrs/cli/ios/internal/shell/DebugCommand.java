package org.openvrrs.cli.ios.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** IOS {@code debug} at Karaf's prompt (docs/cli.md). */
@Service
@Command(scope = "ios", name = "debug", description = "IOS debug: debug vrrp vrrs|all, debug vrrs accounting|infra|plugin ...")
public class DebugCommand extends IosCommand {
    @Override
    String verb() {
        return "debug";
    }
}
