package org.openvrrs.cli.ios.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The accounting part of the running configuration, from plugin-accounting's factory PIDs: RADIUS servers (the key
 * only as type 6 ciphertext, or not at all without a {@link SecretCodec}), server groups, method lists, attribute
 * lists and per-group settings, each in the order a paste needs (what a line names comes before it).
 */
final class AccountingLines {
    static final String SERVER = "org.openvrrs.accounting.server";
    static final String SERVER_GROUP = "org.openvrrs.accounting.servergroup";
    static final String METHOD_LIST = "org.openvrrs.accounting.methodlist";
    static final String ATTRIBUTE_LIST = "org.openvrrs.accounting.attributelist";
    static final String GROUP = "org.openvrrs.accounting.group";
    static final List<String> PIDS = List.of(SERVER, SERVER_GROUP, METHOD_LIST, ATTRIBUTE_LIST, GROUP);

    private final Appliance appliance;

    AccountingLines(Appliance appliance) {
        this.appliance = appliance;
    }

    List<String> lines() throws IOException {
        List<String> out = new ArrayList<>();
        if (ConfigValues.bool(appliance.properties(IosSettings.PID).get("aaaNewModel"), false)) {
            out.add("aaa new-model");
            out.add("!");
        }
        for (Map<String, Object> p : sorted(SERVER)) {
            out.add("radius server " + name(p));
            String address = RunningConfig.str(p, "address");
            if (!address.isEmpty()) {
                out.add(" address " + (address.contains(":") ? "ipv6 " : "ipv4 ") + address + " acct-port "
                        + ConfigValues.integer(p.get("acctPort"), 1813));
            }
            String secret = RunningConfig.str(p, "secret");
            if (!secret.isEmpty()) {
                out.add(appliance.secrets().map(c -> " key 6 " + c.encrypt(secret))
                        .orElse(" ! key not shown: no configuration store to encrypt it"));
            }
            out.add("!");
        }
        for (Map<String, Object> p : sorted(SERVER_GROUP)) {
            out.add("aaa group server radius " + name(p));
            ConfigValues.strings(p.get("servers")).forEach(s -> out.add(" server name " + s));
            out.add("!");
        }
        for (Map<String, Object> p : sorted(METHOD_LIST)) {
            // stored as the server group's name ("radius"), or as written in a file ("group radius")
            out.add("aaa accounting vrrs " + name(p) + " start-stop " + String.join(" ", ConfigValues.strings(
                    p.get("groups")).stream().map(g -> g.startsWith("group ") ? g : "group " + g).toList()));
        }
        for (Map<String, Object> p : sorted(ATTRIBUTE_LIST)) {
            out.add("aaa attribute list " + name(p));
            ConfigValues.strings(p.get("attributes")).forEach(a -> out.add(" attribute type " + a));
            out.add("!");
        }
        for (Map<String, Object> p : sorted(GROUP)) {
            out.add("vrrs " + name(p));
            int delay = ConfigValues.integer(p.get("delay"), 0);
            if (delay != 0) {
                out.add(" accounting delay " + delay);
            }
            String method = RunningConfig.str(p, "method");
            if (!method.isEmpty() && !method.equals("default")) {
                out.add(" accounting method " + method);
            }
            String list = RunningConfig.str(p, "attributeList");
            if (!list.isEmpty()) {
                out.add(" attribute list " + list);
            }
            out.add("!");
        }
        return out;
    }

    List<Map<String, Object>> sorted(String pid) throws IOException {
        return appliance.entries(pid).stream().sorted(Comparator.comparing(AccountingLines::name)).toList();
    }

    static String name(Map<String, Object> p) {
        return RunningConfig.str(p, "name");
    }
}
