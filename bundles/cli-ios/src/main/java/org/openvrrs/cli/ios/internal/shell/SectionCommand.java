package org.openvrrs.cli.ios.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** IOS {@code | section REGEX} after a show at Karaf's prompt. */
@Service
@Command(scope = "ios", name = "section", description = "IOS output modifier: show ... | section REGEX")
public class SectionCommand extends FilterCommand {
    @Override
    String kind() {
        return "section";
    }
}
