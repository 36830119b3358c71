package org.openvrrs.cli.ios.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** IOS {@code write} at Karaf's prompt (docs/cli.md). */
@Service
@Command(scope = "ios", name = "write", description = "IOS write memory: saves the running configuration")
public class WriteCommand extends IosCommand {
    @Override
    String verb() {
        return "write";
    }
}
