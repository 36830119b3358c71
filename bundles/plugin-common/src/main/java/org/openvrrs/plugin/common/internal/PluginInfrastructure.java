package org.openvrrs.plugin.common.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.openvrrs.net.api.NetInterface;
import org.openvrrs.net.api.Network;
import org.openvrrs.net.api.Registration;
import org.openvrrs.plugin.common.api.Subinterface;
import org.openvrrs.plugin.common.api.SubinterfacePlugin;
import org.openvrrs.vrrs.api.ClientPriority;
import org.openvrrs.vrrs.api.ClientRegistration;
import org.openvrrs.vrrs.api.DebugLoggers;
import org.openvrrs.vrrs.api.GroupState;
import org.openvrrs.vrrs.api.MacAddress;
import org.openvrrs.vrrs.api.VrrsRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The VRRS plug-in infrastructure, plain Java: the one VRRS client {@value #CLIENT_NAME} (High priority, named
 * groups) shared by every plug-in, the plug-in database (one entry per followed name) and the subinterface
 * configurations. It registers the client only while a plug-in is present, follows each configured name, and hands
 * each state change to the plug-ins configured on each live subinterface, Interface-State before MAC-Address.
 *
 * <p>One client rather than one per plug-in: the guide lists a single "VRRS-Plugins" client, and one callback per
 * update keeps the plug-ins' order (line protocol up before the MAC is taken) without a cross-client barrier.
 * Every method is synchronized; plug-ins are called under the lock, never twice at once.
 */
public final class PluginInfrastructure {
    public static final String CLIENT_NAME = "VRRS-Plugins";
    private static final Logger LOG = LoggerFactory.getLogger(PluginInfrastructure.class);
    private static final Logger DEBUG_CLIENT = LoggerFactory.getLogger(DebugLoggers.name("plugin", "client"));
    private static final Logger DEBUG_DATABASE = LoggerFactory.getLogger(DebugLoggers.name("plugin", "database"));
    private static final Logger DEBUG_PROCESS = LoggerFactory.getLogger(DebugLoggers.name("plugin", "process"));
    private static final long HANDLE_BASE = 0xDF000000L;

    private final Supplier<List<FhrpSite>> fhrpSites;
    private final Map<String, Network> networks = new TreeMap<>();
    private final Map<String, Registration> interfaceListeners = new TreeMap<>();
    private final List<SubinterfacePlugin> plugins = new ArrayList<>();
    private final Map<String, SubinterfaceSettings> configs = new LinkedHashMap<>();
    /** Configuration keys by network/interface: an interface event finds its configurations without a scan. */
    private final Map<String, List<String>> byInterface = new java.util.HashMap<>();
    private final Map<String, Subinterface> live = new LinkedHashMap<>();
    private final Map<String, String> refused = new TreeMap<>();
    private final Map<String, Entry> entries = new TreeMap<>();
    private VrrsRegistry registry;
    private ClientRegistration client;
    private int generation;
    private long nextHandle = 1;

    /** One followed VRRS name: what {@code show vrrs plugin database} prints. */
    private static final class Entry {
        final String name;
        final long handle;
        final List<String> keys = new ArrayList<>();
        GroupState state;

        Entry(String name, long handle) {
            this.name = name;
            this.handle = handle;
        }

        GroupState stateOrUnserved() {
            return state != null ? state : GroupState.unserved(name);
        }
    }

    /** A database entry as shown. */
    public record EntryView(String name, boolean live, boolean active, MacAddress mac, boolean testControl,
            long clientHandle, List<String> interfaces) {
    }

    /** A configured subinterface as shown: live (acted on) or why not. */
    public record SubinterfaceView(SubinterfaceSettings settings, boolean live, String problem, GroupState state) {
    }

    /** @param fhrpSites the FHRP groups configured now (read when a subinterface is checked) */
    public PluginInfrastructure(Supplier<List<FhrpSite>> fhrpSites) {
        this.fhrpSites = Objects.requireNonNull(fhrpSites, "FHRP sites are required");
    }

    // ---- registry -------------------------------------------------------------------------------------------

    public synchronized void setRegistry(VrrsRegistry r) {
        closeClient();
        registry = r;
        reconcileClient();
    }

    /** The registry is gone and its registrations with it: every name reads "no server" until it returns. */
    public synchronized void clearRegistry(VrrsRegistry r) {
        if (registry != r) {
            return;
        }
        registry = null;
        client = null;
        generation++;
        resetStates();
    }

    private void reconcileClient() {
        boolean wanted = registry != null && !plugins.isEmpty();
        if (wanted && client == null) {
            int gen = ++generation;
            try {
                client = registry.registerClient(CLIENT_NAME, ClientPriority.HIGH, false, s -> groupChanged(gen, s));
            } catch (RuntimeException e) {
                LOG.error("VRRS plug-ins: cannot register with VRRS: {}", e.getMessage());
                return;
            }
            DEBUG_CLIENT.debug("VRRS-P(client): Registered client {} id {}", CLIENT_NAME, client.id());
            for (String name : List.copyOf(entries.keySet())) {
                follow(name);
            }
        } else if (!wanted && client != null) {
            closeClient();
            resetStates();
        }
    }

    private void closeClient() {
        if (client != null) {
            ClientRegistration c = client;
            client = null;
            generation++;
            c.close();
            DEBUG_CLIENT.debug("VRRS-P(client): Unregistered client {}", CLIENT_NAME);
        }
    }

    private void resetStates() {
        for (Entry e : entries.values()) {
            if (e.state != null) {
                e.state = null;
                dispatch(e);
            }
        }
    }

    private void follow(String name) {
        if (client == null) {
            return;
        }
        try {
            client.follow(name);
            DEBUG_CLIENT.debug("VRRS-P(client): Follow {}", name);
        } catch (RuntimeException e) {
            LOG.error("VRRS plug-ins: cannot follow {}: {}", name, e.getMessage());
        }
    }

    private synchronized void groupChanged(int gen, GroupState state) {
        if (gen != generation) {
            return; // a late callback of a closed registration
        }
        Entry e = entries.get(state.group());
        if (e == null) {
            return;
        }
        DEBUG_CLIENT.debug("VRRS-P(client): {} state {} -> {}, server {}", state.group(), state.oldState(),
                state.state(), state.hasServer() ? state.server() : "none");
        e.state = state;
        dispatch(e);
    }

    // ---- plug-ins -------------------------------------------------------------------------------------------

    public synchronized void addPlugin(SubinterfacePlugin plugin) {
        plugins.add(plugin);
        plugins.sort(Comparator.comparingInt(SubinterfacePlugin::order));
        DEBUG_CLIENT.debug("VRRS-P(client): plug-in {} added", plugin.name());
        reconcileClient();
        for (Subinterface s : live.values()) {
            call(plugin, s, entries.get(s.follow()).stateOrUnserved());
        }
    }

    /** The plug-in leaves: it gives back every subinterface it was acting on. */
    public synchronized void removePlugin(SubinterfacePlugin plugin) {
        if (!plugins.remove(plugin)) {
            return;
        }
        for (Subinterface s : live.values()) {
            release(plugin, s);
        }
        DEBUG_CLIENT.debug("VRRS-P(client): plug-in {} removed", plugin.name());
        reconcileClient();
    }

    public synchronized List<SubinterfacePlugin> plugins() {
        return List.copyOf(plugins);
    }

    // ---- networks -------------------------------------------------------------------------------------------

    public synchronized void addNetwork(String name, Network network) {
        removeNetwork(name);
        networks.put(name, network);
        interfaceListeners.put(name, network.addInterfaceListener((before, after) -> interfaceChanged(name, network,
                before, after)));
        configs.keySet().forEach(this::evaluate);
    }

    public synchronized void removeNetwork(String name) {
        Network gone = networks.remove(name);
        Registration listener = interfaceListeners.remove(name);
        if (listener != null) {
            listener.close();
        }
        if (gone != null) {
            configs.keySet().forEach(this::evaluate);
        }
    }

    public synchronized Optional<Network> network(String name) {
        return Optional.ofNullable(networks.get(name));
    }

    public synchronized Map<String, Network> networks() {
        return Map.copyOf(networks);
    }

    private synchronized void interfaceChanged(String networkName, Network network, NetInterface before,
            NetInterface after) {
        if (networks.get(networkName) != network) {
            return;
        }
        String ifname = after != null ? after.name() : before.name();
        for (String key : List.copyOf(byInterface.getOrDefault(Subinterface.where(networkName, ifname), List.of()))) {
            if (before == null || after == null || !live.containsKey(key)) {
                evaluate(key); // added, removed, or refused before: check the rules again
            } else if (before.lineProtocolUp() != after.lineProtocolUp()
                    || !before.addresses().equals(after.addresses())) {
                Subinterface sub = live.get(key);
                GroupState state = entries.get(sub.follow()).stateOrUnserved();
                plugins.forEach(p -> call(p, sub, state)); // criteria may be met now (e.g. line protocol up)
            }
        }
    }

    // ---- configuration --------------------------------------------------------------------------------------

    /** Adds or changes the configuration {@code key} (a Config Admin pid). */
    public synchronized void put(String key, SubinterfaceSettings settings) {
        SubinterfaceSettings old = configs.put(key, settings);
        if (old != null) {
            unindex(key, old);
        }
        byInterface.computeIfAbsent(settings.where(), w -> new ArrayList<>()).add(key);
        if (old != null && !old.follow().equals(settings.follow())) {
            Subinterface was = live.remove(key);
            if (was != null) {
                plugins.forEach(p -> release(p, was));
            }
            leave(key, old.follow());
        }
        if (old == null || !old.follow().equals(settings.follow())) {
            join(key, settings.follow());
        }
        evaluate(key);
    }

    public synchronized void remove(String key) {
        SubinterfaceSettings old = configs.remove(key);
        if (old == null) {
            return;
        }
        unindex(key, old);
        Subinterface was = live.remove(key);
        refused.remove(key);
        if (was != null) {
            plugins.forEach(p -> release(p, was));
        }
        leave(key, old.follow());
    }

    private void unindex(String key, SubinterfaceSettings s) {
        List<String> keys = byInterface.get(s.where());
        if (keys != null) {
            keys.remove(key);
            if (keys.isEmpty()) {
                byInterface.remove(s.where());
            }
        }
    }

    private void join(String key, String name) {
        Entry e = entries.get(name);
        if (e == null) {
            e = new Entry(name, HANDLE_BASE + nextHandle++);
            entries.put(name, e);
            DEBUG_DATABASE.debug("VRRS-P(database): Add entry {}", name);
            e.keys.add(key);
            follow(name);
        } else {
            e.keys.add(key);
        }
    }

    private void leave(String key, String name) {
        Entry e = entries.get(name);
        e.keys.remove(key);
        if (e.keys.isEmpty()) {
            entries.remove(name);
            DEBUG_DATABASE.debug("VRRS-P(database): Remove entry {}", name);
            if (client != null) {
                try {
                    client.unfollow(name);
                } catch (RuntimeException ex) {
                    LOG.debug("VRRS plug-ins: unfollow {}: {}", name, ex.getMessage());
                }
            }
        }
    }

    /** Decides whether configuration {@code key} is acted on now, and tells the plug-ins when that changes. */
    private void evaluate(String key) {
        SubinterfaceSettings s = configs.get(key);
        Network network = networks.get(s.network());
        String problem;
        if (network == null) {
            problem = "network " + s.network() + " is not present";
        } else {
            SubinterfaceRules.Verdict v = SubinterfaceRules.check(s, network::find, fhrpSites.get());
            problem = v.accepted() ? null : String.join("; ", v.errors());
        }
        Subinterface now = problem == null ? new Subinterface(s.network(), network, s.interfaceName(), s.follow(),
                s.interfaceState(), s.macAddress(), s.arp(), s.arpIntervalSeconds(), s.arpDurationSeconds()) : null;
        Subinterface was = live.get(key);
        if (was != null && (now == null || was.network() != now.network())) {
            plugins.forEach(p -> release(p, was));
        } else if (was != null) {
            plugins.stream().filter(p -> p.configuredOn(was) && !p.configuredOn(now)).forEach(p -> release(p, was));
        }
        String before = refused.get(key);
        if (problem == null) {
            refused.remove(key);
            live.put(key, now);
            GroupState state = entries.get(now.follow()).stateOrUnserved();
            plugins.forEach(p -> call(p, now, state));
        } else {
            live.remove(key);
            refused.put(key, problem);
            if (!problem.equals(before) && network != null) {
                LOG.warn("VRRS plug-ins: {} not acted on: {}", s.where(), problem);
            }
        }
    }

    // ---- dispatch -------------------------------------------------------------------------------------------

    private void dispatch(Entry e) {
        GroupState state = e.stateOrUnserved();
        DEBUG_PROCESS.debug("VRRS-P(process): {} {} to {} subinterface(s)", e.name,
                state.hasServer() ? state.state() : "no server", e.keys.size());
        for (String key : e.keys) {
            Subinterface s = live.get(key);
            if (s != null) {
                for (SubinterfacePlugin p : plugins) {
                    call(p, s, state);
                }
            }
        }
    }

    private static void call(SubinterfacePlugin p, Subinterface s, GroupState state) {
        try {
            if (p.configuredOn(s)) {
                p.update(s, state);
            } else {
                p.release(s);
            }
        } catch (RuntimeException ex) {
            LOG.error("VRRS plug-in {} failed on {}: {}", p.name(), s.where(), ex.toString());
        }
    }

    private static void release(SubinterfacePlugin p, Subinterface s) {
        try {
            p.release(s);
        } catch (RuntimeException ex) {
            LOG.error("VRRS plug-in {} failed to release {}: {}", p.name(), s.where(), ex.toString());
        }
    }

    /** Gives every subinterface back and leaves VRRS: the infrastructure stops. */
    public synchronized void close() {
        for (Subinterface s : live.values()) {
            plugins.forEach(p -> release(p, s));
        }
        live.clear();
        closeClient();
        interfaceListeners.values().forEach(Registration::close);
        interfaceListeners.clear();
        networks.clear();
        plugins.clear();
    }

    // ---- views ----------------------------------------------------------------------------------------------

    public synchronized List<EntryView> database() {
        List<EntryView> out = new ArrayList<>();
        for (Entry e : entries.values()) {
            GroupState s = e.stateOrUnserved();
            List<String> interfaces = e.keys.stream().map(configs::get).map(SubinterfaceSettings::where).sorted()
                    .toList();
            out.add(new EntryView(e.name, s.hasServer(), s.hasServer() && s.isActive(), s.virtualMac(), false,
                    e.handle, interfaces));
        }
        return out;
    }

    public synchronized List<SubinterfaceView> subinterfaces() {
        List<SubinterfaceView> out = new ArrayList<>();
        configs.forEach((key, s) -> out.add(new SubinterfaceView(s, live.containsKey(key), refused.get(key),
                entries.get(s.follow()).stateOrUnserved())));
        return out;
    }

    /** The MAC a plug-in answers ARP with for the subinterface's address, if any. */
    public synchronized Optional<MacAddress> arpMac(String networkName, String ifname) {
        for (Subinterface s : live.values()) {
            if (s.networkName().equals(networkName) && s.interfaceName().equals(ifname)) {
                for (SubinterfacePlugin p : plugins) {
                    Optional<MacAddress> mac = p.arpMac(s);
                    if (mac.isPresent()) {
                        return mac;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the VRRS-Plugins client is registered now. */
    public synchronized boolean registered() {
        return client != null;
    }
}
