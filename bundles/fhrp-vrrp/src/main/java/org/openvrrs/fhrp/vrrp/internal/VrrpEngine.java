package org.openvrrs.fhrp.vrrp.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openvrrs.fhrp.vrrp.internal.packet.VrrpStatistics;
import org.openvrrs.net.api.Network;
import org.openvrrs.net.api.Registration;

/**
 * All VRRP groups of the appliance, by network and interface. Groups are added and removed from any thread; the
 * work is done on each network's scheduler thread. A group whose network is not there yet waits for it.
 */
final class VrrpEngine {
    private final VrrpStatistics statistics = new VrrpStatistics();
    private final long startNanos = System.nanoTime();
    private final Map<String, NetworkRuntime> networks = new HashMap<>();
    private final Map<String, List<VrrpGroupConfig>> waiting = new LinkedHashMap<>();
    private Map<String, InterfaceDelay> delays = Map.of();

    /** The groups of one network, touched only on its scheduler thread. */
    private final class NetworkRuntime {
        final Network network;
        final Map<String, VrrpInterface> interfaces = new LinkedHashMap<>();
        final Registration listening;

        NetworkRuntime(String name, Network network) {
            this.network = network;
            this.listening = network.addInterfaceListener((before, after) -> {
                String ifname = after != null ? after.name() : before.name();
                VrrpInterface i = interfaces.get(ifname);
                if (i != null) {
                    i.interfaceChanged();
                }
            });
        }

        VrrpInterface iface(String networkName, String ifname) {
            // the appliance's start, on this network's clock
            long start = network.scheduler().nanoTime() - (System.nanoTime() - startNanos);
            return interfaces.computeIfAbsent(ifname, n -> new VrrpInterface(network, n, statistics,
                    virtualClock ? network.scheduler().nanoTime() : start, delay(networkName, n)));
        }
    }

    private final boolean virtualClock;

    /**
     * @param delays       {@code vrrp delay} per {@code NETWORK/IFNAME}
     * @param virtualClock networks run on clocks unrelated to System.nanoTime (tests): count the reload delay from
     *                     when an interface is first used
     */
    VrrpEngine(Map<String, InterfaceDelay> delays, boolean virtualClock) {
        this.delays = Map.copyOf(delays);
        this.virtualClock = virtualClock;
    }

    private InterfaceDelay delay(String network, String ifname) {
        return delays.getOrDefault(network + "/" + ifname, InterfaceDelay.NONE);
    }

    VrrpStatistics statistics() {
        return statistics;
    }

    synchronized void addNetwork(String name, Network network) {
        networks.put(name, new NetworkRuntime(name, network));
        List<VrrpGroupConfig> pending = waiting.remove(name);
        if (pending != null) {
            pending.forEach(this::add);
        }
    }

    synchronized void removeNetwork(String name) {
        NetworkRuntime rt = networks.remove(name);
        if (rt != null) {
            rt.listening.close();
        }
    }

    /**
     * Adds a group; it starts on its network's thread (now, or when the network appears).
     *
     * @return the group, or null while its network is missing
     */
    synchronized VrrpGroup add(VrrpGroupConfig config) {
        NetworkRuntime rt = networks.get(networkName(config));
        if (rt == null) {
            waiting.computeIfAbsent(networkName(config), n -> new ArrayList<>()).add(config);
            return null;
        }
        VrrpGroup group = new VrrpGroup(rt.network, config);
        rt.network.scheduler().execute(() -> rt.iface(networkName(config), config.interfaceName()).add(group));
        return group;
    }

    synchronized void remove(VrrpGroup group) {
        VrrpGroupConfig c = group.config();
        NetworkRuntime rt = networks.get(networkName(c));
        if (rt != null) {
            rt.network.scheduler().execute(() -> {
                VrrpInterface i = rt.interfaces.get(c.interfaceName());
                if (i != null) {
                    i.remove(group);
                }
            });
        }
    }

    synchronized void forget(VrrpGroupConfig config) {
        List<VrrpGroupConfig> pending = waiting.get(networkName(config));
        if (pending != null) {
            pending.remove(config);
        }
    }

    /** Applies a changed configuration to a running group (same key) on its thread. */
    synchronized void reconfigure(VrrpGroup group, VrrpGroupConfig config) {
        NetworkRuntime rt = networks.get(networkName(config));
        if (rt != null) {
            rt.network.scheduler().execute(() -> {
                group.reconfigure(config);
                VrrpInterface i = rt.interfaces.get(config.interfaceName());
                if (i != null) {
                    i.evaluateAll();
                }
            });
        }
    }

    /** Applies new {@code vrrp delay} settings to every interface. */
    synchronized void setDelays(Map<String, InterfaceDelay> newDelays) {
        delays = Map.copyOf(newDelays);
        networks.forEach((name, rt) -> rt.network.scheduler().execute(
                () -> rt.interfaces.forEach((ifname, i) -> i.setDelay(delay(name, ifname)))));
    }

    /** Snapshots of every running group, taken on each network's thread. */
    List<GroupStatus> status() {
        List<CompletableFuture<List<GroupStatus>>> parts = new ArrayList<>();
        synchronized (this) {
            for (NetworkRuntime rt : networks.values()) {
                CompletableFuture<List<GroupStatus>> f = new CompletableFuture<>();
                rt.network.scheduler().execute(() -> {
                    List<GroupStatus> list = new ArrayList<>();
                    rt.interfaces.values().forEach(i -> i.groups().forEach(g -> list.add(g.status())));
                    f.complete(list);
                });
                parts.add(f);
            }
        }
        List<GroupStatus> all = new ArrayList<>();
        for (CompletableFuture<List<GroupStatus>> f : parts) {
            try {
                all.addAll(f.get(2, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading VRRP state");
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("a network did not answer within 2 s");
            }
        }
        all.sort((a, b) -> a.config().key().compareTo(b.config().key()));
        return all;
    }

    /** The network a configuration names; "" means the appliance's own network, {@value #LOCAL}. */
    static String networkName(VrrpGroupConfig c) {
        return c.network().isEmpty() ? LOCAL : c.network();
    }

    static final String LOCAL = "local";
}
