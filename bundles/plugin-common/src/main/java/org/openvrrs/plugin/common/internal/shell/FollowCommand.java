package org.openvrrs.plugin.common.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openvrrs.net.api.Network;
import org.openvrrs.plugin.common.api.Subinterface;
import org.openvrrs.plugin.common.internal.SubinterfaceSettings;

/** {@code vrrs follow NAME} on a subinterface, and {@code no vrrs follow} (which removes its plug-ins too). */
@Service
@Command(scope = "vrrs", name = "follow", description = "Makes a subinterface follow a VRRS name (--no removes it "
        + "with its plug-ins).")
public class FollowCommand extends SubinterfaceCommand {
    @Argument(index = 1, name = "name", description = "VRRS group name")
    String name;

    @Override
    public Object execute() throws Exception {
        SubinterfaceConfigs configs = configs();
        String where = Subinterface.where(network.isBlank() ? Network.LOCAL : network.trim(), iface.trim());
        if (no) {
            if (!configs.remove(network, iface)) {
                throw new IllegalArgumentException("no vrrs follow on " + where);
            }
            System.out.println(where + ": vrrs follow removed");
            return null;
        }
        if (name == null) {
            throw new IllegalArgumentException("vrrs follow needs a VRRS name");
        }
        SubinterfaceSettings s = configs.find(network, iface).isEmpty()
                ? new SubinterfaceSettings(network, iface, name, false, false, false,
                        SubinterfaceSettings.DEFAULT_ARP_INTERVAL, SubinterfaceSettings.DEFAULT_ARP_DURATION)
                : configs.current(network, iface);
        s = new SubinterfaceSettings(s.network(), s.interfaceName(), name, s.interfaceState(), s.macAddress(), s.arp(),
                s.arpIntervalSeconds(), s.arpDurationSeconds());
        printWarnings(configs.write(s));
        System.out.println(where + ": vrrs follow " + s.follow());
        return null;
    }
}
