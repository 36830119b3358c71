package org.openvrrs.plugin.common.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openvrrs.plugin.common.internal.SubinterfaceSettings;

/** {@code [no] vrrs interface-state} on a subinterface that follows a VRRS name. */
@Service
@Command(scope = "vrrs", name = "interface-state", description = "Lets VRRS control a subinterface's line protocol "
        + "(--no gives it back).")
public class InterfaceStateCommand extends SubinterfaceCommand {
    @Override
    public Object execute() throws Exception {
        SubinterfaceConfigs configs = configs();
        printWarnings(configs.change(network, iface, s -> new SubinterfaceSettings(s.network(), s.interfaceName(),
                s.follow(), !no, s.macAddress(), s.arp(), s.arpIntervalSeconds(), s.arpDurationSeconds())));
        System.out.println(iface + ": " + (no ? "no " : "") + "vrrs interface-state");
        return null;
    }
}
