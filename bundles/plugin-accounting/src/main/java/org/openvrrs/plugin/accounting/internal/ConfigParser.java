package org.openvrrs.plugin.accounting.internal;

import java.lang.reflect.Method;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.openvrrs.config.api.ConfigException;
import org.openvrrs.config.api.ConfigReader;
import org.openvrrs.plugin.accounting.internal.AccountingEntries.Named;
import org.openvrrs.plugin.accounting.internal.AccountingEntries.Settings;
import org.openvrrs.plugin.accounting.internal.radius.RadiusAttribute;
import org.openvrrs.plugin.accounting.internal.radius.RadiusPacket;
import org.openvrrs.vrrs.api.IpAddresses;
import org.openvrrs.vrrs.api.VrrsRegistry;

/**
 * Reads the accounting configurations (Config Admin property maps: the settings, one list per factory PID) into an
 * {@link AccountingModel}, in two steps: each configuration alone through the config module's {@link ConfigReader}
 * (strictly typed as its {@link AccountingConfig} definition, then the checks of that entry: its name, address,
 * ranges, attributes), then the references between them ({@link AccountingEntries#model}). The first problem found is
 * thrown as a {@link ConfigException}, one line naming the file (or PID) it is in; nothing is built then, so a caller
 * keeps its previous model ("nothing changed").
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

    /**
     * One kind of factory entry: its PID, its typed definition, and the checks of one entry alone.
     *
     * @param <T> the typed definition
     * @param <E> an entry checked alone
     */
    record Kind<T, E>(String pid, Class<T> type, Function<T, E> check) {
    }

    static final Kind<AccountingConfig.Server, RadiusServer> SERVER = new Kind<>(SERVER_PID,
            AccountingConfig.Server.class, ConfigParser::server);
    static final Kind<AccountingConfig.ServerGroup, Named<List<String>>> SERVER_GROUP = new Kind<>(SERVER_GROUP_PID,
            AccountingConfig.ServerGroup.class, ConfigParser::serverGroup);
    static final Kind<AccountingConfig.MethodList, Named<List<String>>> METHOD_LIST = new Kind<>(METHOD_LIST_PID,
            AccountingConfig.MethodList.class, ConfigParser::methodList);
    static final Kind<AccountingConfig.AttributeList, Named<List<RadiusAttribute>>> ATTRIBUTE_LIST = new Kind<>(
            ATTRIBUTE_LIST_PID, AccountingConfig.AttributeList.class, ConfigParser::attributeList);
    static final Kind<AccountingConfig.Group, GroupSettings> GROUP = new Kind<>(GROUP_PID,
            AccountingConfig.Group.class, ConfigParser::group);
    private static final List<Kind<?, ?>> KINDS = List.of(SERVER, SERVER_GROUP, METHOD_LIST, ATTRIBUTE_LIST, GROUP);

    private static final ConfigReader<AccountingConfig.Settings, Settings> SETTINGS = ConfigReader.of(
            AccountingConfig.Settings.class, ConfigParser::settings);

    private ConfigParser() {
    }

    /**
     * @param singleton the {@value #PID} properties (empty map: defaults)
     * @param factories property maps by factory PID
     * @throws ConfigException the first problem, naming the file (or PID) it is in
     */
    public static AccountingModel parse(Map<String, ?> singleton, Map<String, List<Map<String, ?>>> factories) {
        return reader(() -> factories).read(asWritten(singleton, AccountingConfig.Settings.class));
    }

    /**
     * The reader of the whole configuration as the component keeps it ({@code LiveConfig}): it reads the settings'
     * properties, and with them the factory configurations {@code factories} supplies at that moment.
     */
    static ConfigReader<AccountingConfig.Settings, AccountingModel> reader(
            Supplier<Map<String, List<Map<String, ?>>>> factories) {
        return ConfigReader.of(AccountingConfig.Settings.class, c -> entries(settings(c), factories.get()).model());
    }

    /**
     * The reader of one entry of {@code kind} that a command writes: the entry alone, then the whole configuration
     * with it beside {@code others} (the stored entries without the one it replaces). Its refusal is the problem
     * alone, unless a stored configuration is what is wrong: that one is named.
     */
    static <T, E> ConfigReader<T, AccountingModel> withEntry(Kind<T, E> kind, Map<String, ?> singleton,
            Map<String, List<Map<String, ?>>> others) {
        return ConfigReader.of(kind.type(), typed -> {
            E entry = kind.check().apply(typed);
            AccountingEntries all = entries(SETTINGS.read(asWritten(singleton, AccountingConfig.Settings.class)),
                    others);
            all.add(kind, null, entry);
            return all.model();
        });
    }

    static Kind<?, ?> kind(String factoryPid) {
        return KINDS.stream().filter(k -> k.pid().equals(factoryPid)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("not an accounting factory PID: " + factoryPid));
    }

    private static AccountingEntries entries(Settings settings, Map<String, List<Map<String, ?>>> factories) {
        AccountingEntries all = new AccountingEntries(settings);
        for (Kind<?, ?> kind : KINDS) {
            addAll(all, kind, factories.getOrDefault(kind.pid(), List.of()));
        }
        return all;
    }

    private static <T, E> void addAll(AccountingEntries all, Kind<T, E> kind, List<Map<String, ?>> stored) {
        ConfigReader<T, E> reader = ConfigReader.of(kind.type(), kind.check());
        for (Map<String, ?> p : stored) {
            all.add(kind, ConfigReader.sourceOf(p), reader.read(asWritten(p, kind.type())));
        }
    }

    /**
     * Properties as accounting files have always been written, before they are read strictly: a blank value is the
     * default (as if the key were left out), and a list written as one value ({@code servers = rad1, rad2}, a
     * {@code .cfg} line) is split at commas; list elements are trimmed and empty ones dropped. A command stores a
     * real array, whose elements may hold commas.
     */
    static Map<String, Object> asWritten(Map<String, ?> properties, Class<?> type) {
        List<String> lists = new ArrayList<>();
        for (Method m : type.getDeclaredMethods()) {
            if (m.getReturnType().isArray()) {
                lists.add(m.getName()); // accounting attribute names are their keys
            }
        }
        Map<String, Object> out = new HashMap<>();
        properties.forEach((k, v) -> {
            if (v instanceof String s && s.isBlank()) {
                return;
            }
            if (lists.contains(k)) {
                out.put(k, elements(v));
            } else if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static List<Object> elements(Object v) {
        List<Object> raw = new ArrayList<>();
        if (v instanceof String s) {
            raw.addAll(List.of(s.split(",")));
        } else if (v instanceof Collection<?> c) {
            raw.addAll(c);
        } else if (v instanceof Object[] a) {
            raw.addAll(List.of(a));
        } else {
            raw.add(v);
        }
        List<Object> out = new ArrayList<>();
        for (Object e : raw) {
            Object t = e instanceof String s ? s.trim() : e;
            if (!"".equals(t)) {
                out.add(t);
            }
        }
        return out;
    }

    private static Settings settings(AccountingConfig.Settings c) {
        Inet4Address nasIp = null;
        String nas = c.nasIpAddress().trim();
        if (!nas.isEmpty()) {
            InetAddress a = IpAddresses.parse("nasIpAddress", nas);
            if (!(a instanceof Inet4Address v4)) {
                throw new IllegalArgumentException("nasIpAddress '" + nas + "' is not an IPv4 address");
            }
            nasIp = v4;
        }
        int retry = within(c.retryInterval(), 1, 86_400, "accounting retryInterval (s)");
        return new Settings(nasIp, Duration.ofSeconds(retry), c.queueDirectory().trim());
    }

    private static RadiusServer server(AccountingConfig.Server c) {
        String name = name(c.name(), "RADIUS server");
        String what = "RADIUS server " + name;
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
        return new RadiusServer(name, address, port, RadiusPacket.secret(c.secret()), Duration.ofSeconds(timeout),
                retransmit);
    }

    private static Named<List<String>> serverGroup(AccountingConfig.ServerGroup c) {
        String name = name(c.name(), "server group");
        if (name.equals(AccountingModel.ALL_SERVERS)) {
            throw new IllegalArgumentException("server group name 'radius' is reserved for every server");
        }
        if (c.servers().length == 0) {
            throw new IllegalArgumentException("server group " + name + ": no server");
        }
        return new Named<>(name, List.of(c.servers()));
    }

    private static Named<List<String>> methodList(AccountingConfig.MethodList c) {
        String name = name(c.name(), "accounting method list");
        List<String> groups = new ArrayList<>();
        for (String g : c.groups()) {
            groups.add(g.startsWith("group ") ? g.substring(6).trim() : g);
        }
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("aaa accounting vrrs " + name + ": no method (group radius or "
                    + "group NAME)");
        }
        return new Named<>(name, List.copyOf(groups));
    }

    private static Named<List<RadiusAttribute>> attributeList(AccountingConfig.AttributeList c) {
        String name = name(c.name(), "attribute list");
        List<RadiusAttribute> attrs = new ArrayList<>();
        for (String a : c.attributes()) {
            try {
                attrs.add(AttributeDictionary.parse(a));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("aaa attribute list " + name + ": " + e.getMessage());
            }
        }
        return new Named<>(name, List.copyOf(attrs));
    }

    private static GroupSettings group(AccountingConfig.Group c) {
        String name = c.name().trim();
        if (!GROUP_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("vrrs group name '" + name + "' must be 1-"
                    + VrrsRegistry.MAX_NAME_LENGTH + " visible characters without spaces");
        }
        int delay = within(c.delay(), 0, 3600, "vrrs " + name + ": accounting delay (s)");
        return new GroupSettings(name, Duration.ofSeconds(delay), c.method().trim(), c.attributeList().trim());
    }

    /** The name of a server, server group, method list or attribute list, checked. */
    private static String name(String text, String what) {
        String name = text.trim();
        if (!LIST_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " name '" + name + "' must be 1-64 letters, digits, '_', '.' "
                    + "or '-'");
        }
        return name;
    }

    private static int within(int n, int min, int max, String what) {
        if (n < min || n > max) {
            throw new IllegalArgumentException(what + " " + n + " is not within " + min + "-" + max);
        }
        return n;
    }
}
