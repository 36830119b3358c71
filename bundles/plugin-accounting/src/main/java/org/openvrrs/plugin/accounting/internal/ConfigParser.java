package org.openvrrs.plugin.accounting.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.openvrrs.plugin.accounting.internal.radius.RadiusAttribute;
import org.openvrrs.plugin.accounting.internal.radius.RadiusPacket;
import org.openvrrs.vrrs.api.IpAddresses;
import org.openvrrs.vrrs.api.VrrsRegistry;

/**
 * Turns the accounting configurations (Config Admin property maps, one list per factory PID) into an
 * {@link AccountingModel}, checking everything, cross references included. The first problem found is thrown as an
 * {@link IllegalArgumentException} whose message names the configuration and says what is wrong; nothing is built
 * then, so a caller keeps its previous model ("nothing changed").
 */
public final class ConfigParser {
    /** Singleton: NAS-IP-Address, retry interval, queue directory. */
    public static final String PID = "org.openvrrs.accounting";
    /** {@code radius server NAME}: name, address, acctPort, secret, timeout (s), retransmit. */
    public static final String SERVER_PID = "org.openvrrs.accounting.server";
    /** {@code aaa group server radius NAME}: name, servers. */
    public static final String SERVER_GROUP_PID = "org.openvrrs.accounting.servergroup";
    /** {@code aaa accounting vrrs {default|LIST} start-stop group radius|GROUP ...}: name, groups. */
    public static final String METHOD_LIST_PID = "org.openvrrs.accounting.methodlist";
    /** {@code aaa attribute list NAME} with {@code attribute type NAME VALUE}: name, attributes. */
    public static final String ATTRIBUTE_LIST_PID = "org.openvrrs.accounting.attributelist";
    /** {@code vrrs NAME}: name, delay (s), method, attributeList. */
    public static final String GROUP_PID = "org.openvrrs.accounting.group";

    public static final List<String> FACTORY_PIDS = List.of(SERVER_PID, SERVER_GROUP_PID, METHOD_LIST_PID,
            ATTRIBUTE_LIST_PID, GROUP_PID);

    private static final Pattern LIST_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern GROUP_NAME = Pattern.compile("\\p{Graph}{1," + VrrsRegistry.MAX_NAME_LENGTH + "}");

    private ConfigParser() {
    }

    /**
     * @param singleton the {@value #PID} properties (empty map: defaults)
     * @param factories property maps by factory PID
     */
    public static AccountingModel parse(Map<String, ?> singleton, Map<String, List<Map<String, ?>>> factories) {
        AccountingConfig.Settings settings = TypedConfiguration.read(AccountingConfig.Settings.class, singleton,
                "accounting");
        Inet4Address nasIp = null;
        String nas = settings.nasIpAddress().trim();
        if (!nas.isEmpty()) {
            InetAddress a = IpAddresses.parse("nasIpAddress", nas);
            if (!(a instanceof Inet4Address v4)) {
                throw new IllegalArgumentException("nasIpAddress '" + nas + "' is not an IPv4 address");
            }
            nasIp = v4;
        }
        int retry = within(settings.retryInterval(), 1, 86_400, "accounting retryInterval (s)");

        Map<String, RadiusServer> servers = new TreeMap<>();
        for (Map<String, ?> p : list(factories, SERVER_PID)) {
            RadiusServer s = server(p);
            if (servers.put(s.name(), s) != null) {
                throw new IllegalArgumentException("RADIUS server " + s.name() + " is configured twice");
            }
        }

        Map<String, List<String>> serverGroups = new TreeMap<>();
        for (Map<String, ?> p : list(factories, SERVER_GROUP_PID)) {
            String name = name(p, "server group");
            if (name.equals(AccountingModel.ALL_SERVERS)) {
                throw new IllegalArgumentException("server group name 'radius' is reserved for every server");
            }
            String[] members = TypedConfiguration.read(AccountingConfig.ServerGroup.class, p, "server group " + name)
                    .servers();
            if (members.length == 0) {
                throw new IllegalArgumentException("server group " + name + ": no server");
            }
            for (String m : members) {
                if (!servers.containsKey(m)) {
                    throw new IllegalArgumentException("server group " + name + ": unknown RADIUS server '" + m + "'");
                }
            }
            if (serverGroups.put(name, List.of(members)) != null) {
                throw new IllegalArgumentException("server group " + name + " is configured twice");
            }
        }

        Map<String, List<String>> methodLists = new TreeMap<>();
        for (Map<String, ?> p : list(factories, METHOD_LIST_PID)) {
            String name = name(p, "accounting method list");
            List<String> groups = new ArrayList<>();
            for (String g : TypedConfiguration.read(AccountingConfig.MethodList.class, p,
                    "aaa accounting vrrs " + name).groups()) {
                String group = g.startsWith("group ") ? g.substring(6).trim() : g;
                if (!group.equals(AccountingModel.ALL_SERVERS) && !serverGroups.containsKey(group)) {
                    throw new IllegalArgumentException("aaa accounting vrrs " + name + ": unknown server group '"
                            + group + "' (expected radius or a configured server group)");
                }
                groups.add(group);
            }
            if (groups.isEmpty()) {
                throw new IllegalArgumentException("aaa accounting vrrs " + name + ": no method (group radius or "
                        + "group NAME)");
            }
            if (methodLists.put(name, List.copyOf(groups)) != null) {
                throw new IllegalArgumentException("accounting method list " + name + " is configured twice");
            }
        }

        Map<String, List<RadiusAttribute>> attributeLists = new TreeMap<>();
        for (Map<String, ?> p : list(factories, ATTRIBUTE_LIST_PID)) {
            String name = name(p, "attribute list");
            String what = "aaa attribute list " + name;
            List<RadiusAttribute> attrs = new ArrayList<>();
            for (String a : TypedConfiguration.read(AccountingConfig.AttributeList.class, p, what).attributes()) {
                try {
                    attrs.add(AttributeDictionary.parse(a));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(what + ": " + e.getMessage());
                }
            }
            if (attributeLists.put(name, List.copyOf(attrs)) != null) {
                throw new IllegalArgumentException("attribute list " + name + " is configured twice");
            }
        }

        Map<String, GroupSettings> groups = new TreeMap<>();
        for (Map<String, ?> p : list(factories, GROUP_PID)) {
            String name = nameOf(p);
            if (!GROUP_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("vrrs group name '" + name + "' must be 1-"
                        + VrrsRegistry.MAX_NAME_LENGTH + " visible characters without spaces");
            }
            String what = "vrrs " + name;
            AccountingConfig.Group c = TypedConfiguration.read(AccountingConfig.Group.class, p, what);
            int delay = within(c.delay(), 0, 3600, what + ": accounting delay (s)");
            String method = c.method().trim();
            if (!method.equals(AccountingModel.DEFAULT_LIST) && !methodLists.containsKey(method)) {
                throw new IllegalArgumentException(what + ": unknown accounting method list '" + method + "'");
            }
            String attributeList = c.attributeList().trim();
            if (!attributeList.isEmpty() && !attributeLists.containsKey(attributeList)) {
                throw new IllegalArgumentException(what + ": unknown attribute list '" + attributeList + "'");
            }
            if (groups.put(name, new GroupSettings(name, Duration.ofSeconds(delay), method, attributeList)) != null) {
                throw new IllegalArgumentException(what + " is configured twice");
            }
        }
        return new AccountingModel(servers, serverGroups, methodLists, attributeLists, groups, nasIp,
                Duration.ofSeconds(retry));
    }

    private static RadiusServer server(Map<String, ?> p) {
        String what = "RADIUS server " + name(p, "RADIUS server");
        AccountingConfig.Server c = TypedConfiguration.read(AccountingConfig.Server.class, p, what);
        String addressText = c.address().trim();
        if (addressText.isEmpty()) {
            throw new IllegalArgumentException(what + ": no address");
        }
        InetAddress address;
        try {
            address = IpAddresses.parse("address", addressText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage());
        }
        if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
            throw new IllegalArgumentException(what + ": address " + addressText + " is not a unicast address");
        }
        int port = within(c.acctPort(), 1, 65535, what + ": acctPort");
        if (c.secret().isEmpty()) {
            throw new IllegalArgumentException(what + ": no shared secret (key) configured");
        }
        int timeout = within(c.timeout(), 1, 1000, what + ": timeout (s)");
        int retransmit = within(c.retransmit(), 0, 100, what + ": retransmit");
        return new RadiusServer(c.name().trim(), address, port, RadiusPacket.secret(c.secret()),
                Duration.ofSeconds(timeout), retransmit);
    }

    /** The name of a server, server group, method list or attribute list, checked. */
    private static String name(Map<String, ?> p, String what) {
        String name = nameOf(p);
        if (!LIST_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " name '" + name + "' must be 1-64 letters, digits, '_', '.' "
                    + "or '-'");
        }
        return name;
    }

    /** The {@code name} every factory configuration has (empty when it has none). */
    static String nameOf(Map<String, ?> p) {
        Object v = p.get("name");
        return v == null ? "" : String.valueOf(v).trim();
    }

    private static List<Map<String, ?>> list(Map<String, List<Map<String, ?>>> factories, String pid) {
        return factories.getOrDefault(pid, List.of());
    }

    private static int within(int n, int min, int max, String what) {
        if (n < min || n > max) {
            throw new IllegalArgumentException(what + " " + n + " is not within " + min + "-" + max);
        }
        return n;
    }

    /** A mutable copy of factory maps, for a command to apply a change and validate the result. */
    public static Map<String, List<Map<String, ?>>> copy(Map<String, List<Map<String, ?>>> factories) {
        Map<String, List<Map<String, ?>>> out = new LinkedHashMap<>();
        factories.forEach((k, v) -> {
            List<Map<String, ?>> l = new ArrayList<>();
            v.forEach(m -> l.add(new HashMap<>(m)));
            out.put(k, l);
        });
        return out;
    }
}
