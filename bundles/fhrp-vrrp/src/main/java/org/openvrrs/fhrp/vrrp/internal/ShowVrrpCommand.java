package org.openvrrs.fhrp.vrrp.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code show vrrp [brief] [interface] [group]}. */
@Service
@Command(scope = "vrrp", name = "show", description = "Shows VRRP groups: state, addresses, timers, master.")
public class ShowVrrpCommand implements Action {
    @Reference
    VrrpService vrrp;

    @Option(name = "--brief", aliases = "-b", description = "One line per group")
    boolean brief;

    @Option(name = "--json", description = "Machine-readable output")
    boolean json;

    @Argument(index = 0, name = "interface", description = "Interface ([NETWORK/]IFNAME)", required = false)
    String iface;

    @Argument(index = 1, name = "group", description = "VRID", required = false)
    Integer vrid;

    @Override
    public Object execute() throws java.io.IOException {
        List<GroupStatus> groups = vrrp.status().stream()
                .filter(s -> iface == null || ShowVrrpFormat.where(s.config()).equals(iface)
                        || s.config().interfaceName().equals(iface))
                .filter(s -> vrid == null || s.config().vrid() == vrid)
                .toList();
        if (json) {
            System.out.println(ShowVrrpFormat.JSON_OUT.asString(groups.stream().map(ShowVrrpFormat::json).toList()));
        } else if (brief) {
            System.out.print(ShowVrrpFormat.brief(groups));
        } else {
            StringBuilder out = new StringBuilder();
            groups.forEach(s -> out.append(out.length() == 0 ? "" : "\n").append(ShowVrrpFormat.detail(s)));
            System.out.print(out);
        }
        return null;
    }
}
