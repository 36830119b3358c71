package org.openvrrs.plugin.common.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openvrrs.plugin.common.internal.PluginDatabaseComponent;
import org.openvrrs.plugin.common.internal.SubinterfaceSettings;
import org.osgi.service.cm.ConfigurationAdmin;

/** {@code [no] vrrs interface-state} on a subinterface that follows a VRRS name. */
@Service
@Command(scope = "vrrs", name = "interface-state", description = "Lets VRRS control a subinterface's line protocol "
        + "(--no gives it back).")
public class InterfaceStateCommand implements Action {
    @Reference
    ConfigurationAdmin configAdmin;

    @Reference
    PluginDatabaseComponent database;

    @Option(name = "--network", description = "Network (router) name; default: the appliance's own")
    String network = "";

    @Option(name = "--no", description = "no vrrs interface-state")
    boolean no;

    @Argument(index = 0, name = "interface", required = true, description = "Subinterface, e.g. eth0.2")
    String iface;

    @Override
    public Object execute() throws Exception {
        SubinterfaceConfigs configs = new SubinterfaceConfigs(configAdmin, database);
        configs.change(network, iface, s -> new SubinterfaceSettings(s.network(), s.interfaceName(), s.follow(), !no,
                s.macAddress(), s.arp(), s.arpIntervalSeconds(), s.arpDurationSeconds()))
                .forEach(w -> System.out.println("Warning: " + w));
        System.out.println(iface + ": " + (no ? "no " : "") + "vrrs interface-state");
        return null;
    }
}
