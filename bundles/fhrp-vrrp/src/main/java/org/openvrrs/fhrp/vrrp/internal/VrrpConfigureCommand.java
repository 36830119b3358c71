package org.openvrrs.fhrp.vrrp.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Creates or changes a VRRP group: IOS's {@code vrrp N ip A [secondary]}, {@code vrrp N priority P},
 * {@code vrrp N timers advertise}, {@code vrrp N preempt [delay minimum S]}, {@code vrrp N name NAME},
 * {@code vrrp N shutdown}... in one command. Only the options given change; the result is validated before anything
 * is written, and the change applies to that group alone, live.
 */
@Service
@Command(scope = "vrrp", name = "configure", description = "Creates or changes a VRRP group (options before "
        + "INTERFACE VRID).")
public class VrrpConfigureCommand implements Action {
    @Reference
    ConfigurationAdmin configAdmin;

    @Argument(index = 0, name = "interface", required = true, description = "Interface name")
    String iface;

    @Argument(index = 1, name = "vrid", required = true, description = "Virtual router id 1-255")
    int vrid;

    @Option(name = "--network", description = "Network (router) name; default: the appliance's own")
    String network = "";

    @Option(name = "--family", description = "ipv4 (default) or ipv6")
    String family = "ipv4";

    @Option(name = "--address", aliases = "-a", multiValued = true,
            description = "Virtual address; repeat for secondary addresses (replaces the list)")
    List<String> addresses;

    @Option(name = "--version", description = "VRRP version 3 or 2")
    Integer version;

    @Option(name = "--priority", aliases = "-p", description = "Priority 1-254")
    Integer priority;

    @Option(name = "--interval", description = "Advertisement interval in ms")
    Integer intervalMillis;

    @Option(name = "--preempt", description = "true or false")
    Boolean preempt;

    @Option(name = "--preempt-delay", description = "preempt delay minimum, seconds")
    Integer preemptDelay;

    @Option(name = "--accept-mode", description = "true or false")
    Boolean acceptMode;

    @Option(name = "--shutdown", description = "true or false")
    Boolean shutdown;

    @Option(name = "--name", description = "VRRS group name; \"\" removes it")
    String name;

    @Option(name = "--description", description = "Free text")
    String description;

    @Option(name = "--checksum", description = "IPv4 VRRPv3 checksum sent: rfc5798 or rfc9568")
    String checksum;

    @Option(name = "--unicast-peer", multiValued = true,
            description = "Unicast peer address; repeat for more (replaces the list; keepalived unicast_peer)")
    List<String> unicastPeers;

    @Option(name = "--unicast-source", description = "Source address of unicast adverts; \"\" = the interface's")
    String unicastSource;

    @Option(name = "--follow", description = "VRRS name to follow without adverts of its own; \"\" = run VRRP")
    String follow;

    @Option(name = "--track", multiValued = true, description = "Track line (replaces the list): 'N decrement D', "
            + "'N shutdown' or 'N'; --track \"\" removes all")
    List<String> track;

    @Option(name = "--sync-group", description = "Sync group name; \"\" leaves it")
    String syncGroup;

    @Override
    public Object execute() throws Exception {
        Map<String, Object> changes = new HashMap<>();
        if (addresses != null) {
            changes.put("addresses", addresses.toArray(new String[0]));
        }
        put(changes, "version", version);
        put(changes, "priority", priority);
        put(changes, "advertIntervalMillis", intervalMillis);
        put(changes, "preempt", preempt);
        put(changes, "preemptDelaySeconds", preemptDelay);
        put(changes, "acceptMode", acceptMode);
        put(changes, "shutdown", shutdown);
        put(changes, "name", name);
        put(changes, "description", description);
        put(changes, "checksum", checksum);
        if (unicastPeers != null) {
            changes.put("unicastPeers", unicastPeers.toArray(new String[0]));
        }
        put(changes, "unicastSource", unicastSource);
        put(changes, "follow", follow);
        if (track != null) {
            changes.put("track", track.stream().filter(t -> !t.isBlank()).toArray(String[]::new));
        }
        put(changes, "syncGroup", syncGroup);
        VrrpGroupConfig c = new VrrpConfigCommands(configAdmin).apply(network.trim(), iface.trim(), family, vrid,
                changes);
        System.out.println("VRRP group " + ShowVrrpFormat.where(c) + " " + c.vrid() + " (" + c.family().label()
                + ") configured");
        return null;
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
