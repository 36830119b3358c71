package org.openvrrs.cli.ios.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** IOS {@code show} at Karaf's prompt (docs/cli.md). */
@Service
@Command(scope = "ios", name = "show", description = "Shows the IOS way: show vrrs summary, show vrrp brief, show running-config, show ip interface brief...")
public class ShowCommand extends IosCommand {
    @Override
    String verb() {
        return "show";
    }
}
