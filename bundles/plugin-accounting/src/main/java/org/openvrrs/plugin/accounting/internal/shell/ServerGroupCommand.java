package org.openvrrs.plugin.accounting.internal.shell;

import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openvrrs.plugin.accounting.internal.ConfigParser;
import org.osgi.service.cm.ConfigurationAdmin;

/** {@code aaa group server radius NAME} with its {@code server name S} lines, in order. */
@Service
@Command(scope = "aaa", name = "server-group", description = "Creates or changes a RADIUS server group: its "
        + "servers, tried in order.")
public class ServerGroupCommand implements Action {
    @Reference
    ConfigurationAdmin configAdmin;

    @Argument(index = 0, name = "name", required = true, description = "server group name")
    String name;

    @Argument(index = 1, name = "servers", required = true, multiValued = true, description = "server names")
    List<String> servers;

    @Override
    public Object execute() throws Exception {
        return ConfigCommandSupport.apply(configAdmin, ConfigParser.SERVER_GROUP_PID, name,
                Map.of("servers", servers.toArray(new String[0])),
                "server group " + name + ": " + String.join(", ", servers));
    }
}
