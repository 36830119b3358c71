package org.openvrrs.cli.ios.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** IOS {@code | include REGEX} after a show at Karaf's prompt. */
@Service
@Command(scope = "ios", name = "include", description = "IOS output modifier: show ... | include REGEX")
public class IncludeCommand extends FilterCommand {
    @Override
    String kind() {
        return "include";
    }
}
