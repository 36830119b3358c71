package org.openvrrs.vrrs.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openvrrs.vrrs.core.internal.VrrsDatabase;

/** {@code show vrrs summary}. */
@Service
@Command(scope = "vrrs", name = "summary", description = "Shows every VRRS group: server, state, virtual address.")
public class SummaryCommand implements Action {
    @Reference
    VrrsDatabase database;

    @Option(name = "--json", description = "Machine-readable output")
    boolean json;

    @Override
    public Object execute() throws java.io.IOException {
        if (json) {
            System.out.println(ShowFormat.JSON_OUT.asString(database.groups().stream().map(g -> ShowFormat.json(g, null)).toList()));
        } else {
            System.out.print(ShowFormat.summary(database.groups()));
        }
        return null;
    }
}
