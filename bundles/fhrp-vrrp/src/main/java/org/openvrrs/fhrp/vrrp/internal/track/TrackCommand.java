package org.openvrrs.fhrp.vrrp.internal.track;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openvrrs.config.api.ConfigEntry;
import org.openvrrs.config.api.ConfigTarget;
import org.openvrrs.config.api.ConfigWriter;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Creates, changes or removes a track object: IOS's {@code track N interface IF line-protocol} and {@code track N ip
 * route A/M reachability}, keepalived's {@code vrrp_script} and {@code track_file}. Validated with the component's
 * own reader before anything is written ({@code etc/org.openvrrs.track-N.cfg}).
 */
@Service
@Command(scope = "vrrp", name = "track", description = "Creates or changes a track object (options before ID TYPE "
        + "WHAT): vrrp:track 1 interface eth1 | vrrp:track 2 route 198.51.100.0/24 | vrrp:track 3 script "
        + "\"/usr/local/bin/check arg\" | vrrp:track 4 file /run/weight; vrrp:track --remove 1")
public class TrackCommand implements Action {
    @Reference
    ConfigurationAdmin configAdmin;

    @Argument(index = 0, name = "id", required = true, description = "Object number 1-1000")
    int id;

    @Argument(index = 1, name = "type", required = false, description = "interface, route, script or file")
    String type;

    @Argument(index = 2, name = "what", required = false, description = "The interface, the prefix, the command "
            + "(quoted) or the file")
    String what;

    @Option(name = "--remove", description = "Removes the object")
    boolean remove;

    @Option(name = "--network", description = "Network (router) of the interface or route; default: the appliance's")
    String network;

    @Option(name = "--interval", description = "Seconds between checks (route, script, file)")
    Integer interval;

    @Option(name = "--timeout", description = "Seconds a check may take (route, script, file)")
    Integer timeout;

    @Option(name = "--rise", description = "Successes in a row to go Up")
    Integer rise;

    @Option(name = "--fall", description = "Failures in a row to go Down")
    Integer fall;

    @Option(name = "--weight", description = "keepalived's weight, -254..254")
    Integer weight;

    @Override
    public Object execute() throws Exception {
        ConfigWriter writer = new ConfigWriter(configAdmin);
        Optional<ConfigEntry<TrackComponent.Config>> existing = writer.find(TrackComponent.FACTORY_PID,
                TrackComponent.Config.class, c -> c.id() == id);
        if (remove) {
            if (existing.isEmpty() || !writer.delete(existing.get().target())) {
                throw new IllegalArgumentException("no track object " + id);
            }
            System.out.println("Track " + id + " removed");
            return null;
        }
        Map<String, Object> props = new HashMap<>(existing.map(ConfigEntry::properties).orElse(Map.of()));
        props.put("id", id);
        if (type != null) {
            String key = switch (type.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "interface" -> "interfaceName";
                case "route" -> "route";
                case "script" -> "script";
                case "file" -> "file";
                default -> throw new IllegalArgumentException("track type '" + type
                        + "' is not interface, route, script or file");
            };
            if (what == null) {
                throw new IllegalArgumentException("track " + id + " " + type + " needs what to track");
            }
            List.of("interfaceName", "route", "script", "file").forEach(props::remove);
            props.put("type", type.trim().toLowerCase(java.util.Locale.ROOT));
            props.put(key, what);
        }
        put(props, "network", network);
        put(props, "intervalSeconds", interval);
        put(props, "timeoutSeconds", timeout);
        put(props, "rise", rise);
        put(props, "fall", fall);
        put(props, "weight", weight);
        ConfigTarget target = existing.map(ConfigEntry::target)
                .orElse(ConfigTarget.factoryEntry(TrackComponent.FACTORY_PID, String.valueOf(id)));
        TrackConfig c = writer.write(target, props, TrackComponent.READER);
        System.out.println("Track " + c.id() + " " + c.describe() + " configured");
        return null;
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
