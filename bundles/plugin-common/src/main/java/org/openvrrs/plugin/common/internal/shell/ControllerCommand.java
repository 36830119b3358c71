package org.openvrrs.plugin.common.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
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

    @Override
    public Object execute() {
        Network n = NetworkViews.select(database.infrastructure(), network).values().iterator().next();
        System.out.print(ShowFormat.controller(n.find(iface).orElseThrow(() ->
                new IllegalArgumentException("no interface named " + iface + " on network " + network))));
        return null;
    }
}
