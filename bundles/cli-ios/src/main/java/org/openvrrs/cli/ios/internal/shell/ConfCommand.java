package org.openvrrs.cli.ios.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code conf t}: Karaf resolves whole command names only, so IOS's usual abbreviation is a name of its own. */
@Service
@Command(scope = "ios", name = "conf", description = "Abbreviation of configure (conf t)")
public class ConfCommand extends ConfigureCommand {
}
