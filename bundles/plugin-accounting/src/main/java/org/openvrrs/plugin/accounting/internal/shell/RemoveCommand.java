package org.openvrrs.plugin.accounting.internal.shell;

import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.openvrrs.plugin.accounting.internal.ConfigParser;
import org.osgi.service.cm.ConfigurationAdmin;

/** The {@code no} form: removes one accounting configuration, refused while something still refers to it. */
@Service
@Command(scope = "aaa", name = "remove", description = "Removes a radius-server, server-group, accounting-vrrs "
        + "list, attribute-list or vrrs group setting.")
public class RemoveCommand implements Action {
    private static final Map<String, String> KINDS = Map.of("radius-server", ConfigParser.SERVER_PID,
            "server-group", ConfigParser.SERVER_GROUP_PID, "accounting-vrrs", ConfigParser.METHOD_LIST_PID,
            "attribute-list", ConfigParser.ATTRIBUTE_LIST_PID, "vrrs", ConfigParser.GROUP_PID);

    @Reference
    ConfigurationAdmin configAdmin;

    @Argument(index = 0, name = "kind", required = true,
            description = "radius-server, server-group, accounting-vrrs, attribute-list or vrrs")
    @Completion(values = {"radius-server", "server-group", "accounting-vrrs", "attribute-list", "vrrs"},
            value = StringsCompleter.class)
    String kind;

    @Argument(index = 1, name = "name", required = true, description = "its name")
    String name;

    @Override
    public Object execute() throws Exception {
        String pid = KINDS.get(kind);
        if (pid == null) {
            throw ConfigCommandSupport.refused("unknown kind '" + kind + "': expected radius-server, "
                    + "server-group, accounting-vrrs, attribute-list or vrrs");
        }
        return ConfigCommandSupport.apply(configAdmin, pid, name, null, kind + " " + name + " removed");
    }
}
