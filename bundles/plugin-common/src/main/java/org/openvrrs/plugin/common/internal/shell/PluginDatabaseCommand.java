package org.openvrrs.plugin.common.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openvrrs.plugin.common.internal.PluginDatabaseComponent;
import org.openvrrs.plugin.common.internal.ShowFormat;

/** {@code show vrrs plugin database}. */
@Service
@Command(scope = "vrrs", name = "plugin-database", description = "Shows the VRRS plug-in database.")
public class PluginDatabaseCommand implements Action {
    @Reference
    PluginDatabaseComponent database;

    @Option(name = "--json", description = "Machine-readable output")
    boolean json;

    @Override
    public Object execute() throws java.io.IOException {
        var entries = database.infrastructure().database();
        if (json) {
            System.out.println(ShowFormat.JSON_OUT.asString(ShowFormat.databaseJson(entries)));
            return null;
        }
        System.out.print(ShowFormat.database(entries));
        return null;
    }
}
