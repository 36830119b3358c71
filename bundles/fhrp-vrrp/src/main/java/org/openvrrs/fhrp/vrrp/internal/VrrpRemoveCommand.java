package org.openvrrs.fhrp.vrrp.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.osgi.service.cm.ConfigurationAdmin;

/** {@code no vrrp N}: removes a group; a Master resigns with priority 0 first. */
@Service
@Command(scope = "vrrp", name = "remove", description = "Removes a VRRP group (options before INTERFACE VRID).")
public class VrrpRemoveCommand implements Action {
    @Reference
    ConfigurationAdmin configAdmin;

    @Argument(index = 0, name = "interface", required = true, description = "Interface name")
    String iface;

    @Argument(index = 1, name = "vrid", required = true, description = "Virtual router id")
    int vrid;

    @Option(name = "--network", description = "Network (router) name; default: the appliance's own")
    String network = "";

    @Option(name = "--family", description = "ipv4 (default) or ipv6")
    String family = "ipv4";

    @Override
    public Object execute() throws Exception {
        if (!new VrrpConfigCommands(configAdmin).remove(network.trim(), iface.trim(), family, vrid)) {
            throw new IllegalArgumentException("no VRRP group " + vrid + " (" + family + ") on " + iface);
        }
        System.out.println("VRRP group " + iface + " " + vrid + " removed");
        return null;
    }
}
