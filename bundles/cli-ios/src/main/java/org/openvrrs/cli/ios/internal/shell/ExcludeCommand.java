package org.openvrrs.cli.ios.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** IOS {@code | exclude REGEX} after a show at Karaf's prompt. */
@Service
@Command(scope = "ios", name = "exclude", description = "IOS output modifier: show ... | exclude REGEX")
public class ExcludeCommand extends FilterCommand {
    @Override
    String kind() {
        return "exclude";
    }
}
