package org.openvrrs.cli.ios.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** IOS {@code write} at Karaf's prompt (docs/cli.md). */
@Service
@Command(scope = "ios", name = "wr", description = "Abbreviation of write")
public class WrCommand extends IosCommand {
    @Override
    String verb() {
        return "write";
    }
}
