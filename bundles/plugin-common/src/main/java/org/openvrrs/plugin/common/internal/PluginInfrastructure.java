package org.openvrrs.plugin.common.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.openvrrs.net.api.NetInterface;
import org.openvrrs.net.api.Network;
import org.openvrrs.net.api.Registration;
import org.openvrrs.plugin.common.api.SubinterfacePlugin;
import org.openvrrs.vrrs.api.GroupState;
import org.openvrrs.vrrs.api.MacAddress;
import org.openvrrs.vrrs.api.VrrsRegistry;
import org.openvrrs.vrrs.api.VrrsWhiteboard;

/**
 * The VRRS plug-in infrastructure, plain Java: the {@link PluginDatabase} (the followed names and the one VRRS client
 * {@value PluginDatabase#CLIENT_NAME}, declared while a plug-in is present) and the {@link Subinterfaces} evaluation
 * (which configured subinterfaces are acted on, and the plug-in calls), fed by what comes and goes: plug-ins,
 * networks and their interfaces, FHRP servers, the registry, configurations. Each state change reaches the plug-ins
 * configured on each live subinterface once, Interface-State before MAC-Address.
 *
 * <p>Every method is synchronized; plug-ins are called under the lock, never twice at once.
 */
public final class PluginInfrastructure {
    private final PluginDatabase database;
    private final Subinterfaces subinterfaces;
    private final Map<String, Registration> interfaceListeners = new TreeMap<>();
    /** The FHRP servers present, by the key their tracker gave (the service id in OSGi). */
    private final Map<Object, FhrpSite> servers = new LinkedHashMap<>();
    private VrrsRegistry registry;

    /** A database entry as shown. */
    public record EntryView(String name, boolean live, boolean active, MacAddress mac, boolean testControl,
            long clientHandle, List<String> interfaces) {
    }

    /** A configured subinterface as shown: live (acted on) or why not. */
    public record SubinterfaceView(SubinterfaceSettings settings, boolean live, String problem, GroupState state) {
    }

    /** @param whiteboard where the VRRS client is declared ({@code VrrsWhiteboard.of(bundleContext)} in OSGi) */
    public PluginInfrastructure(VrrsWhiteboard whiteboard) {
        this.database = new PluginDatabase(Objects.requireNonNull(whiteboard, "whiteboard is required"),
                this::groupChanged);
        this.subinterfaces = new Subinterfaces(database, () -> List.copyOf(servers.values()));
    }

    // ---- registry -------------------------------------------------------------------------------------------

    /**
     * The registry is present: it finds the declared client by itself; the states it holds now are taken at once,
     * since what it pushed while it was not known here was dropped.
     */
    public synchronized void setRegistry(VrrsRegistry r) {
        registry = r;
        if (database.clientDeclared()) {
            database.refresh(r::group).forEach(subinterfaces::stateChanged);
        }
    }

    /** The registry is gone: every name reads "no server" until it returns. */
    public synchronized void clearRegistry(VrrsRegistry r) {
        if (registry == r) {
            registry = null;
            database.forgetStates().forEach(subinterfaces::stateChanged);
        }
    }

    /** The client's callback, from the registry's threads. */
    private synchronized void groupChanged(GroupState state) {
        if (registry == null || !database.clientDeclared()) {
            return; // from a registry that has gone, or to a client withdrawn meanwhile: not current
        }
        if (database.update(state)) {
            subinterfaces.stateChanged(state.group());
        }
    }

    // ---- plug-ins -------------------------------------------------------------------------------------------

    public synchronized void addPlugin(SubinterfacePlugin plugin) {
        database.wantClient(true);
        subinterfaces.addPlugin(plugin);
    }

    /** The plug-in leaves: it gives back every subinterface it was acting on. */
    public synchronized void removePlugin(SubinterfacePlugin plugin) {
        if (subinterfaces.removePlugin(plugin)) {
            database.wantClient(subinterfaces.hasPlugins());
        }
    }

    // ---- networks -------------------------------------------------------------------------------------------

    public synchronized void addNetwork(String name, Network network) {
        closeListener(name);
        interfaceListeners.put(name, network.addInterfaceListener((before, after) -> interfaceChanged(name, network,
                before, after)));
        subinterfaces.putNetwork(name, network);
    }

    public synchronized void removeNetwork(String name) {
        closeListener(name);
        subinterfaces.removeNetwork(name);
    }

    private void closeListener(String name) {
        Registration listener = interfaceListeners.remove(name);
        if (listener != null) {
            listener.close();
        }
    }

    public synchronized Optional<Network> network(String name) {
        return Optional.ofNullable(subinterfaces.network(name));
    }

    public synchronized Map<String, Network> networks() {
        return subinterfaces.networks();
    }

    private synchronized void interfaceChanged(String networkName, Network network, NetInterface before,
            NetInterface after) {
        if (subinterfaces.network(networkName) == network) { // not a late event of a network replaced since
            subinterfaces.interfaceChanged(networkName, after != null ? after.name() : before.name());
        }
    }

    // ---- FHRP servers ---------------------------------------------------------------------------------------

    /** A server appeared or changed (where it runs, the name it publishes), under its tracker's key. */
    public synchronized void putServer(Object key, FhrpSite site) {
        FhrpSite old = servers.put(key, site);
        if (old != null) {
            subinterfaces.fhrpChanged(old);
        }
        subinterfaces.fhrpChanged(site);
    }

    public synchronized void removeServer(Object key) {
        FhrpSite old = servers.remove(key);
        if (old != null) {
            subinterfaces.fhrpChanged(old);
        }
    }

    /** Where the FHRP servers present run, for the guide's restrictions. */
    public synchronized List<FhrpSite> fhrpSites() {
        return List.copyOf(servers.values());
    }

    // ---- configuration --------------------------------------------------------------------------------------

    /** Adds or changes the configuration {@code key} (a Config Admin pid). */
    public synchronized void put(String key, SubinterfaceSettings settings) {
        subinterfaces.put(key, settings);
    }

    public synchronized void remove(String key) {
        subinterfaces.remove(key);
    }

    /** Gives every subinterface back and withdraws the client: the infrastructure stops. */
    public synchronized void close() {
        subinterfaces.close();
        database.wantClient(false);
        interfaceListeners.values().forEach(Registration::close);
        interfaceListeners.clear();
    }

    // ---- views ----------------------------------------------------------------------------------------------

    public synchronized List<EntryView> database() {
        return database.view(subinterfaces::where);
    }

    public synchronized List<SubinterfaceView> subinterfaces() {
        return subinterfaces.views();
    }

    /** The MAC a plug-in answers ARP with for the subinterface's address, if any. */
    public synchronized Optional<MacAddress> arpMac(String networkName, String ifname) {
        return subinterfaces.arpMac(networkName, ifname);
    }
}
