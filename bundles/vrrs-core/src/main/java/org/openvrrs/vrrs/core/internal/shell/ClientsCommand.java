package org.openvrrs.vrrs.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openvrrs.vrrs.core.internal.VrrsDatabase;

/** {@code show vrrs clients}, with delivery counters on request. */
@Service
@Command(scope = "vrrs", name = "clients", description = "Lists the registered VRRS clients.")
public class ClientsCommand implements Action {
    @Reference
    VrrsDatabase database;

    @Option(name = "--detail", aliases = "-d", description = "Adds delivery counters and followed groups")
    boolean detail;

    @Option(name = "--json", description = "Machine-readable output")
    boolean json;

    @Override
    public Object execute() throws java.io.IOException {
        if (json) {
            System.out.println(ShowFormat.JSON_OUT.asString(database.clients().stream().map(ShowFormat::json).toList()));
            return null;
        }
        System.out.print(ShowFormat.clients(database.clients(), detail));
        if (detail) {
            System.out.printf("Dispatcher: %d stalled callback(s), %d priority level(s) released on timeout%n",
                    database.stalls(), database.tierTimeouts());
        }
        return null;
    }
}
