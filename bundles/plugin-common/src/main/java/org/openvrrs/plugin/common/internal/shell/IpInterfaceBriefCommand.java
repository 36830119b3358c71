package org.openvrrs.plugin.common.internal.shell;

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

    @Override
    public Object execute() {
        var infra = database.infrastructure();
        var selected = NetworkViews.select(infra, network);
        selected.forEach((name, n) -> {
            NetworkViews.header(selected, name);
            System.out.print(ShowFormat.interfaceBrief(name, n.interfaces(), infra.subinterfaces()));
        });
        return null;
    }
}
