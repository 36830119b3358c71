package org.openvrrs.plugin.common.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openvrrs.net.api.NetInterface;
import org.openvrrs.net.api.Network;
import org.openvrrs.plugin.common.internal.PluginDatabaseComponent;
import org.openvrrs.plugin.common.internal.ShowFormat;

/** {@code show controller IF}: the MAC filter of a physical interface, where the virtual MAC is added. */
@Service
@Command(scope = "vrrs", name = "controller", description = "Shows an interface's MAC address filter.")
public class ControllerCommand implements Action {
    @Reference
    PluginDatabaseComponent database;

    @Option(name = "--network", description = "Network (router) name; default: the appliance's own")
    String network = Network.LOCAL;

    @Argument(index = 0, name = "interface", required = true, description = "Interface, e.g. eth0")
    String iface;

    @Option(name = "--json", description = "Machine-readable output")
    boolean json;

    @Override
    public Object execute() throws java.io.IOException {
        var selected = NetworkViews.select(database.infrastructure(), network);
        Network n = selected.values().iterator().next();
        NetInterface i = n.find(iface).orElseThrow(() ->
                new IllegalArgumentException("no interface named " + iface + " on network " + network));
        if (json) {
            System.out.println(ShowFormat.JSON_OUT.asString(ShowFormat.controllerJson(selected.keySet().iterator()
                    .next(), i)));
            return null;
        }
        System.out.print(ShowFormat.controller(i));
        return null;
    }
}
