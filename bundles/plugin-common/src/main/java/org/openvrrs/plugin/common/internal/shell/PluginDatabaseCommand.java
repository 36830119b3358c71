package org.openvrrs.plugin.common.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
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

    @Override
    public Object execute() {
        System.out.print(ShowFormat.database(database.infrastructure().database()));
        return null;
    }
}
