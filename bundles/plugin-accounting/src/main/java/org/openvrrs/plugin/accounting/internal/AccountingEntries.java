package org.openvrrs.plugin.accounting.internal;

import java.net.Inet4Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openvrrs.config.api.ConfigException;
import org.openvrrs.plugin.accounting.internal.ConfigParser.Kind;
import org.openvrrs.plugin.accounting.internal.radius.RadiusAttribute;

/**
 * Every accounting configuration, each read and checked alone by {@link ConfigParser}, with where it comes from;
 * {@link #model} checks the references between them.
 */
final class AccountingEntries {
    /** The plug-in settings ({@value ConfigParser#PID}), checked; {@code queueDirectory} empty: the default one. */
    record Settings(Inet4Address nasIp, Duration retryInterval, String queueDirectory) {
    }

    /** A server group's servers, a method list's server groups, an attribute list's attributes. */
    record Named<V>(String name, V value) {
    }

    /** An entry, and its file or PID; null for the entry a command is writing (its refusal is the problem alone). */
    private record Sourced<E>(String source, E entry) {
    }

    private final Settings settings;
    private final Map<String, List<Sourced<?>>> byPid = new HashMap<>();

    AccountingEntries(Settings settings) {
        this.settings = settings;
    }

    <E> void add(Kind<?, E> kind, String source, E entry) {
        byPid.computeIfAbsent(kind.pid(), k -> new ArrayList<>()).add(new Sourced<>(source, entry));
    }

    @SuppressWarnings("unchecked") // add() files each entry under its own kind
    private <E> List<Sourced<E>> of(Kind<?, E> kind) {
        return (List<Sourced<E>>) (List<?>) byPid.getOrDefault(kind.pid(), List.of());
    }

    /** The model, when every name referenced exists and none is configured twice. */
    AccountingModel model() {
        Map<String, RadiusServer> servers = new TreeMap<>();
        for (Sourced<RadiusServer> s : of(ConfigParser.SERVER)) {
            String name = s.entry().name();
            unique(servers, name, s.entry(), s, "RADIUS server " + name + " is configured twice");
        }

        Map<String, List<String>> serverGroups = new TreeMap<>();
        for (Sourced<Named<List<String>>> g : of(ConfigParser.SERVER_GROUP)) {
            String name = g.entry().name();
            for (String m : g.entry().value()) {
                if (!servers.containsKey(m)) {
                    throw refused(g, "server group " + name + ": unknown RADIUS server '" + m + "'");
                }
            }
            unique(serverGroups, name, g.entry().value(), g, "server group " + name + " is configured twice");
        }

        Map<String, List<String>> methodLists = new TreeMap<>();
        for (Sourced<Named<List<String>>> m : of(ConfigParser.METHOD_LIST)) {
            String name = m.entry().name();
            for (String group : m.entry().value()) {
                if (!group.equals(AccountingModel.ALL_SERVERS) && !serverGroups.containsKey(group)) {
                    throw refused(m, "aaa accounting vrrs " + name + ": unknown server group '" + group
                            + "' (expected radius or a configured server group)");
                }
            }
            unique(methodLists, name, m.entry().value(), m, "accounting method list " + name
                    + " is configured twice");
        }

        Map<String, List<RadiusAttribute>> attributeLists = new TreeMap<>();
        for (Sourced<Named<List<RadiusAttribute>>> a : of(ConfigParser.ATTRIBUTE_LIST)) {
            String name = a.entry().name();
            unique(attributeLists, name, a.entry().value(), a, "attribute list " + name + " is configured twice");
        }

        Map<String, GroupSettings> groups = new TreeMap<>();
        for (Sourced<GroupSettings> g : of(ConfigParser.GROUP)) {
            GroupSettings s = g.entry();
            String what = "vrrs " + s.group();
            // a method list or attribute list not defined yet is accepted, as IOS does, and used once it is
            // (vrrs:accounting and aaa:vrrs say so); until then the group's records wait for a route
            unique(groups, s.group(), s, g, what + " is configured twice");
        }
        return new AccountingModel(servers, serverGroups, methodLists, attributeLists, groups, settings.nasIp(),
                settings.retryInterval(), settings.queueDirectory());
    }

    private static <V> void unique(Map<String, V> map, String name, V value, Sourced<?> from, String twice) {
        if (map.putIfAbsent(name, value) != null) {
            throw refused(from, twice);
        }
    }

    private static ConfigException refused(Sourced<?> from, String problem) {
        return new ConfigException(from.source(), problem);
    }
}
