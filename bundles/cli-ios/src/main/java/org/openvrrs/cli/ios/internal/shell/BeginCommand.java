package org.openvrrs.cli.ios.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** IOS {@code | begin REGEX} after a show at Karaf's prompt. */
@Service
@Command(scope = "ios", name = "begin", description = "IOS output modifier: show ... | begin REGEX")
public class BeginCommand extends FilterCommand {
    @Override
    String kind() {
        return "begin";
    }
}
