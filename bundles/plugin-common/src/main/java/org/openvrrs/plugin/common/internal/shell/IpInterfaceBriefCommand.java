package org.openvrrs.plugin.common.internal.shell;

import java.util.ArrayList;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openvrrs.plugin.common.internal.PluginDatabaseComponent;
import org.openvrrs.plugin.common.internal.ShowFormat;

/** {@code show ip interface brief}: where the Interface-State plug-in's effect shows. */
@Service
@Command(scope = "vrrs", name = "ip-interface-brief", description = "Shows interfaces with status and line protocol.")
public class IpInterfaceBriefCommand implements Action {
    @Reference
    PluginDatabaseComponent database;

    @Option(name = "--network", description = "Network (router) name; default: every network")
    String network;

    @Option(name = "--json", description = "Machine-readable output")
    boolean json;

    @Override
    public Object execute() throws java.io.IOException {
        var infra = database.infrastructure();
        var selected = NetworkViews.select(infra, network);
        var subinterfaces = infra.subinterfaces();
        if (json) {
            List<Object> rows = new ArrayList<>();
            selected.forEach((name, n) -> ShowFormat.interfaceRows(name, n.interfaces(), subinterfaces)
                    .forEach(r -> rows.add(ShowFormat.json(r))));
            System.out.println(ShowFormat.JSON_OUT.asString(rows));
            return null;
        }
        selected.forEach((name, n) -> {
            NetworkViews.header(selected, name);
            System.out.print(ShowFormat.interfaceBrief(ShowFormat.interfaceRows(name, n.interfaces(), subinterfaces)));
        });
        return null;
    }
}
