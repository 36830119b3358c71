package org.openvrrs.net.sim.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.openvrrs.net.sim.SimRouter;
import org.openvrrs.net.sim.internal.SimPlatform;

/** Powers a simulated router off or on: the way to watch a failover in the demo. */
@Service
@Command(scope = "sim", name = "router", description = "Stops (powers off) or starts a simulated router.")
public class RouterCommand implements Action {
    @Reference
    SimPlatform platform;

    @Argument(index = 0, name = "router", required = true, description = "router name")
    String name;

    @Argument(index = 1, name = "action", required = true, description = "stop or start")
    @Completion(values = {"stop", "start"}, value = StringsCompleter.class)
    String action;

    @Override
    public Object execute() {
        SimRouter router = platform.router(name);
        switch (action) {
            case "stop" -> router.stop();
            case "start" -> router.start();
            default -> throw new IllegalArgumentException("unknown action '" + action + "': expected stop or start");
        }
        System.out.println("Router " + name + (router.isRunning() ? " started" : " stopped"));
        return null;
    }
}
