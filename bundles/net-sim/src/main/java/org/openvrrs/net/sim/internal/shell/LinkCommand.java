package org.openvrrs.net.sim.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.openvrrs.net.sim.internal.SimPlatform;

/** Plugs or pulls the cable of a simulated router's interface. */
@Service
@Command(scope = "sim", name = "link", description = "Sets the link (cable) of a simulated interface up or down.")
public class LinkCommand implements Action {
    @Reference
    SimPlatform platform;

    @Argument(index = 0, name = "router", required = true, description = "router name")
    String router;

    @Argument(index = 1, name = "interface", required = true, description = "interface name")
    String ifname;

    @Argument(index = 2, name = "state", required = true, description = "up or down")
    @Completion(values = {"up", "down"}, value = StringsCompleter.class)
    String state;

    @Override
    public Object execute() {
        if (!state.equals("up") && !state.equals("down")) {
            throw new IllegalArgumentException("link state '" + state + "' is not up or down");
        }
        platform.router(router).setLink(ifname, state.equals("up"));
        System.out.println(router + " " + ifname + " link " + state);
        return null;
    }
}
