package org.openvrrs.vrrs.core.internal.shell;

import java.net.InetAddress;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.openvrrs.vrrs.api.GroupState;
import org.openvrrs.vrrs.api.IpAddresses;
import org.openvrrs.vrrs.api.MacAddress;
import org.openvrrs.vrrs.api.StateReason;
import org.openvrrs.vrrs.api.VrrsState;
import org.openvrrs.vrrs.core.internal.TestControl;

/** Publishes a group's state by hand, as a test server, to watch clients react before any protocol runs. */
@Service
@Command(scope = "vrrs", name = "test-server", description = "Publishes a VRRS group state as a test server, or "
        + "removes the test server.")
public class TestServerCommand implements Action {
    @Reference
    TestControl control;

    @Argument(index = 0, name = "group", description = "VRRS group name", required = true)
    @Completion(GroupNameCompleter.class)
    String group;

    @Argument(index = 1, name = "action", description = "init, backup, active or remove", required = true)
    @Completion(values = {"init", "backup", "active", "remove"}, value = StringsCompleter.class)
    String action;

    @Option(name = "--protocol", description = "Server protocol shown for the group (default VRRP)")
    String protocol = "VRRP";

    @Option(name = "--virtual-address", aliases = "-a", description = "Virtual IP (its family sets the group's)")
    String virtualAddress;

    @Option(name = "--virtual-mac", aliases = "-m", description = "Virtual MAC, e.g. 0000.5e00.0101")
    String virtualMac;

    @Option(name = "--active-address", description = "Interface address of the active member")
    String activeAddress;

    @Option(name = "--standby-address", description = "Interface address of a standby member")
    String standbyAddress;

    @Option(name = "--reason", description = "protocol, interface, shutdown or priority")
    @Completion(values = {"protocol", "interface", "shutdown", "priority"}, value = StringsCompleter.class)
    String reason;

    @Override
    public Object execute() {
        String a = action.toLowerCase(Locale.ROOT);
        if (a.equals("remove")) {
            control.removeServer(group);
            System.out.println("Test server of group " + group + " removed");
            return null;
        }
        VrrsState state;
        try {
            state = VrrsState.valueOf(a.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown action '" + action + "': expected init, backup, active or "
                    + "remove");
        }
        GroupState g = control.publish(protocol, group, state, new TestControl.ServerFields(
                ip("virtual address", virtualAddress), virtualMac == null ? null : MacAddress.parse(virtualMac),
                ip("active address", activeAddress), ip("standby address", standbyAddress), reason(reason)));
        System.out.println("Group " + g.group() + " " + g.state() + " (was " + g.oldState() + "), virtual address "
                + ShowFormat.address(g.virtualAddress()));
        return null;
    }

    private static StateReason reason(String text) {
        if (text == null) {
            return null;
        }
        for (StateReason r : StateReason.values()) {
            if (r.name().equalsIgnoreCase(text) || r.label().equalsIgnoreCase(text)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown reason '" + text + "': expected protocol, interface, shutdown "
                + "or priority");
    }

    static InetAddress ip(String what, String text) {
        return text == null ? null : IpAddresses.parse(what, text);
    }
}
