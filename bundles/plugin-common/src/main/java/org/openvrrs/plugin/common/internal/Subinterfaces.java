package org.openvrrs.plugin.common.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.openvrrs.net.api.InterfaceAddress;
import org.openvrrs.net.api.Network;
import org.openvrrs.plugin.common.api.Subinterface;
import org.openvrrs.plugin.common.api.SubinterfacePlugin;
import org.openvrrs.vrrs.api.GroupState;
import org.openvrrs.vrrs.api.MacAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subinterface evaluation: which configured subinterfaces are acted on now (network present, the guide's
 * restrictions met) and the plug-in calls on them, in plug-in order, each plug-in once per change.
 *
 * <p>What the plug-ins have seen of each interface (line protocol, addresses) is noted after they act, so an
 * interface event that only reports their own action (Interface-State bringing the line protocol up) calls nobody,
 * while a change they have not seen (the operator's shutdown, the parent going down, an address removed) is evaluated
 * again. The states come from the {@link PluginDatabase}, which this class tells who follows what.
 *
 * <p>Not thread-safe: {@link PluginInfrastructure} calls it under its lock.
 */
final class Subinterfaces {
    private static final Logger LOG = LoggerFactory.getLogger(Subinterfaces.class);
    private static final Logger DEBUG_PROCESS = LoggerFactory.getLogger("org.openvrrs.debug.plugin.process");

    private final PluginDatabase database;
    private final Supplier<List<FhrpSite>> fhrpSites;
    private final List<SubinterfacePlugin> plugins = new ArrayList<>();
    private final Map<String, Network> networks = new TreeMap<>();
    private final Map<String, SubinterfaceSettings> configs = new LinkedHashMap<>();
    /** Configuration keys by network/interface: an interface event finds its configurations without a scan. */
    private final Map<String, List<String>> byInterface = new HashMap<>();
    private final Map<String, Live> live = new LinkedHashMap<>();
    private final Map<String, String> refused = new TreeMap<>();

    /** A subinterface acted on, and what the plug-ins saw of its interface when they last acted. */
    private static final class Live {
        final Subinterface subinterface;
        Facts seen;

        Live(Subinterface subinterface) {
            this.subinterface = subinterface;
        }
    }

    /** What a plug-in's decision reads of an interface. */
    private record Facts(boolean lineProtocolUp, List<InterfaceAddress> addresses) {
        static Facts of(Subinterface s) {
            return s.network().find(s.interfaceName()).map(i -> new Facts(i.lineProtocolUp(), i.addresses()))
                    .orElse(null);
        }
    }

    Subinterfaces(PluginDatabase database, Supplier<List<FhrpSite>> fhrpSites) {
        this.database = database;
        this.fhrpSites = fhrpSites;
    }

    // ---- plug-ins -------------------------------------------------------------------------------------------

    /** Adds a plug-in, which acts at once on every subinterface configured for it. */
    void addPlugin(SubinterfacePlugin plugin) {
        plugins.add(plugin);
        plugins.sort(Comparator.comparingInt(SubinterfacePlugin::order));
        for (Live l : live.values()) {
            if (plugin.configuredOn(l.subinterface)) {
                act(l, List.of(plugin));
            }
        }
    }

    /**
     * The plug-in leaves: it gives back every subinterface. What that changes (the line protocol released) reaches
     * the other plug-ins as an interface change they have not seen.
     */
    boolean removePlugin(SubinterfacePlugin plugin) {
        if (!plugins.remove(plugin)) {
            return false;
        }
        live.values().forEach(l -> release(plugin, l.subinterface));
        return true;
    }

    boolean hasPlugins() {
        return !plugins.isEmpty();
    }

    // ---- networks -------------------------------------------------------------------------------------------

    void putNetwork(String name, Network network) {
        networks.put(name, network);
        evaluateWhere(s -> s.network().equals(name));
    }

    void removeNetwork(String name) {
        if (networks.remove(name) != null) {
            evaluateWhere(s -> s.network().equals(name));
        }
    }

    Network network(String name) {
        return networks.get(name);
    }

    Map<String, Network> networks() {
        return Map.copyOf(networks);
    }

    /** An interface of a present network changed, appeared or went: its configurations are evaluated again. */
    void interfaceChanged(String networkName, String ifname) {
        for (String key : List.copyOf(byInterface.getOrDefault(Subinterface.where(networkName, ifname), List.of()))) {
            evaluate(key);
        }
    }

    /** An FHRP appeared or went: the subinterfaces on its interface and those following its name. */
    void fhrpChanged(FhrpSite site) {
        evaluateWhere(s -> s.follow().equals(site.vrrsName())
                || s.network().equals(site.network()) && s.interfaceName().equals(site.interfaceName()));
    }

    // ---- configuration --------------------------------------------------------------------------------------

    /** Adds or changes the configuration {@code key}. */
    void put(String key, SubinterfaceSettings settings) {
        SubinterfaceSettings old = configs.put(key, settings);
        if (old != null) {
            unindex(key, old);
        }
        byInterface.computeIfAbsent(settings.where(), w -> new ArrayList<>()).add(key);
        boolean newName = old == null || !old.follow().equals(settings.follow());
        if (old != null && newName) {
            Live was = live.remove(key);
            if (was != null) {
                plugins.forEach(p -> release(p, was.subinterface));
            }
            database.leave(key, old.follow());
        }
        if (newName) {
            database.join(key, settings.follow());
        }
        evaluate(key);
    }

    void remove(String key) {
        SubinterfaceSettings old = configs.remove(key);
        if (old == null) {
            return;
        }
        unindex(key, old);
        Live was = live.remove(key);
        refused.remove(key);
        if (was != null) {
            plugins.forEach(p -> release(p, was.subinterface));
        }
        database.leave(key, old.follow());
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

    String where(String key) {
        return configs.get(key).where();
    }

    private void evaluateWhere(Predicate<SubinterfaceSettings> affected) {
        List<String> keys = new ArrayList<>();
        configs.forEach((key, s) -> {
            if (affected.test(s)) {
                keys.add(key);
            }
        });
        keys.forEach(this::evaluate);
    }

    /**
     * Decides whether configuration {@code key} is acted on now, and calls the plug-ins when something they have
     * not seen changed: it became acted on, its settings changed, or its interface changed under them.
     */
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
        Live was = live.get(key);
        if (was != null && (now == null || was.subinterface.network() != now.network())) {
            plugins.forEach(p -> release(p, was.subinterface));
            live.remove(key);
        } else if (was != null) {
            plugins.stream().filter(p -> p.configuredOn(was.subinterface) && !p.configuredOn(now))
                    .forEach(p -> release(p, was.subinterface));
        }
        if (problem != null) {
            String before = refused.put(key, problem);
            if (!problem.equals(before) && network != null) {
                LOG.warn("VRRS plug-ins: {} not acted on: {}", s.where(), problem);
            }
            return;
        }
        refused.remove(key);
        Live current = live.get(key);
        if (current == null || !current.subinterface.equals(now) || !Objects.equals(Facts.of(now), current.seen)) {
            current = new Live(now);
            live.put(key, current);
            act(current, plugins);
        }
    }

    // ---- plug-in calls --------------------------------------------------------------------------------------

    /** The followed name's state changed: every plug-in configured on its live subinterfaces hears it once. */
    void stateChanged(String name) {
        List<String> keys = database.keys(name);
        DEBUG_PROCESS.debug("VRRS-P(process): {} {} to {} subinterface(s)", name, describe(database.state(name)),
                keys.size());
        for (String key : keys) {
            Live l = live.get(key);
            if (l != null) {
                act(l, plugins);
            }
        }
    }

    private static String describe(GroupState s) {
        return s.hasServer() ? s.state().toString() : "no server";
    }

    /** Calls {@code which} plug-ins configured on the subinterface, then notes what they leave it at. */
    private void act(Live l, List<SubinterfacePlugin> which) {
        Subinterface s = l.subinterface;
        GroupState state = database.state(s.follow());
        for (SubinterfacePlugin p : which) {
            if (p.configuredOn(s)) {
                try {
                    p.update(s, state);
                } catch (RuntimeException ex) {
                    LOG.error("VRRS plug-in {} failed on {}: {}", p.name(), s.where(), ex.toString());
                }
            }
        }
        l.seen = Facts.of(s);
    }

    private static void release(SubinterfacePlugin p, Subinterface s) {
        try {
            p.release(s);
        } catch (RuntimeException ex) {
            LOG.error("VRRS plug-in {} failed to release {}: {}", p.name(), s.where(), ex.toString());
        }
    }

    /** Every subinterface given back by every plug-in: the infrastructure stops. */
    void close() {
        for (Live l : live.values()) {
            plugins.forEach(p -> release(p, l.subinterface));
        }
        live.clear();
        plugins.clear();
        networks.clear();
    }

    // ---- views ----------------------------------------------------------------------------------------------

    List<PluginInfrastructure.SubinterfaceView> views() {
        List<PluginInfrastructure.SubinterfaceView> out = new ArrayList<>();
        configs.forEach((key, s) -> out.add(new PluginInfrastructure.SubinterfaceView(s, live.containsKey(key),
                refused.get(key), database.state(s.follow()))));
        return out;
    }

    /** The MAC a plug-in answers ARP with for the subinterface's address, if any. */
    Optional<MacAddress> arpMac(String networkName, String ifname) {
        for (Live l : live.values()) {
            Subinterface s = l.subinterface;
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
}
