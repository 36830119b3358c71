package org.openvrrs.cli.ios.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openvrrs.cli.ios.internal.parse.Args;
import org.openvrrs.cli.ios.internal.parse.Grammar;
import org.openvrrs.cli.ios.internal.parse.Mode;

/**
 * Object tracking: {@code track N interface X line-protocol}, {@code track N ip|ipv6 route P reachability} and
 * {@code no track N} in global mode through fhrp-vrrp's {@code vrrp:track}, and a group's {@code vrrp N track T
 * [decrement D|shutdown]} (in the address-family sub-mode {@code track T ...}), which edits the group's track list
 * and hands the whole list to {@code vrrp:configure --track}. Script and file objects have no IOS form: the
 * running-config leaves them out and {@code configure replace} leaves them alone.
 */
final class TrackCommands {
    static final String TRACK_PID = "org.openvrrs.track";
    private static final Set<String> IOS_TYPES = Set.of("interface", "route");
    private static final String ACTION = "[decrement <1-254>|shutdown|weight]";
    /** IOS's decrement when the line names none. */
    private static final String DEFAULT_DECREMENT = "10";

    private final VrrpCommands vrrp;

    TrackCommands(VrrpCommands vrrp) {
        this.vrrp = vrrp;
    }

    void register(Grammar<Handler> g) {
        g.add(Mode.CONFIG, "track <1-1000> interface IFNAME line-protocol", (s, a) -> s.appliance().run(
                "vrrp:track", List.of(a.var(0), "interface", s.interfaceName(a))));
        g.add(Mode.CONFIG, "track <1-1000> {ip route A.B.C.D/M|ipv6 route X:X::X/M} reachability", (s, a) ->
                s.appliance().run("vrrp:track", List.of(a.var(0), "route", a.var(1))));
        g.add(Mode.CONFIG, "no track <1-1000>", (s, a) -> s.appliance().run("vrrp:track", List.of("--remove",
                a.var(0))));
        for (Mode m : List.of(Mode.INTERFACE, Mode.SUBINTERFACE)) {
            g.add(m, "vrrp <1-255> track <1-1000> " + ACTION, (s, a) -> track(s, a.number(0), "ipv4", a.number(1), a));
            g.add(m, "no vrrp <1-255> track <1-1000> " + ACTION, (s, a) -> untrack(s, a.number(0), "ipv4",
                    a.number(1)));
        }
        g.add(Mode.VRRP_AF, "track <1-1000> " + ACTION, (s, a) -> track(s, s.vrid(), s.family(), a.number(0),
                a));
        g.add(Mode.VRRP_AF, "no track <1-1000> " + ACTION, (s, a) -> untrack(s, s.vrid(), s.family(),
                a.number(0)));
        g.help("track", "Object tracking / track an object");
        g.help("line-protocol", "Track interface line-protocol");
        g.help("reachability", "Track route reachability");
        g.help("route", "Track a route");
        g.help("decrement", "Priority decrement while the object is down (default 10)");
        g.help("weight", "The object's own weight decides (vrrp:track --weight; 0: Init while down)");
    }

    /** Adds the object to the group's list, or changes its action in place. */
    private void track(CliSession s, int vrid, String family, int object, Args a) throws Exception {
        // weight (not IOS): the object's own weight decides, fhrp-vrrp's bare "T" form (keepalived's track_*)
        String line = object + (a.has("shutdown") ? " shutdown" : a.has("weight") ? ""
                : " decrement " + a.after("decrement").orElse(DEFAULT_DECREMENT));
        List<String> list = new ArrayList<>(vrrp.tracks(s, vrid, family));
        int at = indexOf(list, object);
        if (at < 0) {
            list.add(line);
        } else {
            list.set(at, line);
        }
        vrrp.setTracks(s, vrid, family, list);
    }

    private void untrack(CliSession s, int vrid, String family, int object) throws Exception {
        List<String> list = new ArrayList<>(vrrp.tracks(s, vrid, family));
        int at = indexOf(list, object);
        if (at < 0) {
            throw new CliException("% Object " + object + " is not tracked by VRRP group " + vrid);
        }
        list.remove(at);
        vrrp.setTracks(s, vrid, family, list);
    }

    private static int indexOf(List<String> list, int object) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).trim().split("\\s+")[0].equals(String.valueOf(object))) {
                return i;
            }
        }
        return -1;
    }

    /** A stored track line as the running-config prints it after {@code track }: the bare form says weight. */
    static String groupLine(String stored) {
        String line = stored.trim();
        return line.matches("\\d+") ? line + " weight" : line;
    }

    /** Whether the running-config prints (and configure replace owns) this track object. */
    static boolean shown(Map<String, Object> p) {
        return !RunningConfig.local(List.of(p)).isEmpty()
                && IOS_TYPES.contains(ConfigValues.string(p.get("type"), "").toLowerCase(java.util.Locale.ROOT));
    }

    /** The track objects with an IOS form, by number. */
    static List<String> lines(Appliance appliance) throws IOException {
        return appliance.entries(TRACK_PID).stream().filter(TrackCommands::shown)
                .sorted(java.util.Comparator.comparingInt(p -> ConfigValues.integer(p.get("id"), 0)))
                .map(TrackCommands::line).toList();
    }

    private static String line(Map<String, Object> p) {
        String id = "track " + ConfigValues.integer(p.get("id"), 0);
        if (ConfigValues.string(p.get("type"), "").equalsIgnoreCase("interface")) {
            return id + " interface " + RunningConfig.str(p, "interfaceName") + " line-protocol";
        }
        String route = RunningConfig.str(p, "route").trim();
        return id + (route.contains(":") ? " ipv6" : " ip") + " route " + route + " reachability";
    }
}
