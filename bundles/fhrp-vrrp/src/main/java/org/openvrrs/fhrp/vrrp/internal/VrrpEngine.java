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
import org.openvrrs.fhrp.vrrp.internal.track.TrackInputs;
import org.openvrrs.net.api.Network;
import org.openvrrs.net.api.Registration;
import org.openvrrs.vrrs.api.GroupState;
import org.openvrrs.vrrs.api.StateReason;
import org.openvrrs.vrrs.api.VrrsWhiteboard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All VRRP groups of the appliance, by network and interface. Groups are added, changed and removed from any thread;
 * the work is done on each network's scheduler thread. A group whose network is missing waits for it, and a network
 * that goes away takes its groups to Initialize until it returns.
 */
final class VrrpEngine {
    private static final Logger LOG = LoggerFactory.getLogger(VrrpEngine.class);

    /** A configured group as its owner holds it: the running {@link VrrpGroup} comes and goes with the network. */
    static final class Handle {
        private volatile VrrpGroupConfig config;
        private final VrrpGroup.Listener listener;
        private final TrackInputs track;
        private volatile VrrpGroup group;
        private volatile GroupOptions options;
        private volatile GroupState leader; // a follower's leader's latest state, null before the first

        Handle(VrrpGroupConfig config, GroupOptions options, VrrpGroup.Listener listener, TrackInputs track) {
            this.config = config;
            this.options = options;
            this.listener = listener;
            this.track = track;
            // the running group, if any, looks again on its own thread (reads group after the input was written)
            track.onChange(() -> {
                VrrpGroup g = group;
                if (g != null) {
                    g.onNetworkThread(g::trackChanged);
                }
            });
        }

        GroupOptions options() {
            return options;
        }

        /**
         * A follower's leader changed (any thread): kept for a group that starts later.
         *
         * @return the running group, to be told on its network thread; null while none runs
         */
        VrrpGroup leaderChanged(GroupState state) {
            leader = state;
            return group;
        }

        VrrpGroupConfig config() {
            return config;
        }

        /** The running group, null while its network is missing. */
        VrrpGroup group() {
            return group;
        }
    }

    private final VrrpStatistics statistics = new VrrpStatistics();
    private final LeaderLoops leaderLoops = new LeaderLoops();
    private LeaderLinks leaderLinks; // with the first follower
    private final MonitorEvents events = new MonitorEvents();
    private final long startNanos = System.nanoTime();
    private final boolean virtualClock;
    private final Map<String, NetworkRuntime> networks = new HashMap<>();
    private final Map<String, List<Handle>> handles = new LinkedHashMap<>();
    private Map<String, InterfaceDelay> delays;

    /** The groups of one network, touched only on its scheduler thread. */
    private final class NetworkRuntime {
        final String name;
        final Network network;
        final Map<String, VrrpInterface> interfaces = new LinkedHashMap<>();
        final Registration listening;

        NetworkRuntime(String name, Network network) {
            this.name = name;
            this.network = network;
            this.listening = network.addInterfaceListener((before, after) -> {
                VrrpInterface i = interfaces.get(after != null ? after.name() : before.name());
                if (i != null) {
                    i.interfaceChanged();
                }
            });
        }

        void attach(Handle h) {
            VrrpGroup g = new VrrpGroup(network, h.config, h.options);
            g.setListener(events.wrap(g, h.listener));
            g.useTrackInputs(h.track);
            h.group = g;
            network.scheduler().execute(() -> {
                GroupState leader = h.leader;
                if (leader != null) {
                    g.leaderChanged(leader.state(), leader.reason());
                }
                try {
                    iface(h.config.interfaceName()).add(g);
                } catch (IllegalStateException e) {
                    LOG.error("VRRP group {} not started: {}", h.config.key(), e.getMessage());
                }
            });
        }

        VrrpInterface iface(String ifname) {
            // the appliance's start on this network's clock; a virtual clock starts when first used
            long start = virtualClock ? network.scheduler().nanoTime()
                    : network.scheduler().nanoTime() - (System.nanoTime() - startNanos);
            return interfaces.computeIfAbsent(ifname,
                    n -> new VrrpInterface(network, n, statistics, start, delay(name, n)).withEvents(events));
        }
    }

    /**
     * @param delays       {@code vrrp delay} as {@link InterfaceDelay#parse} reads it
     * @param virtualClock networks run on clocks unrelated to System.nanoTime (tests): count the reload delay from
     *                     when an interface is first used
     */
    VrrpEngine(Map<String, InterfaceDelay> delays, boolean virtualClock) {
        this.delays = Map.copyOf(delays);
        this.virtualClock = virtualClock;
        FailoverWarmup.once();
    }

    /** Which groups follow which VRRS name, to refuse loops. */
    LeaderLoops leaderLoops() {
        return leaderLoops;
    }

    /**
     * The followers' links to their leaders, declared on {@code whiteboard} (every group of an appliance declares on
     * the same one, its bundle's).
     */
    synchronized LeaderLinks leaderLinks(VrrsWhiteboard whiteboard) {
        if (leaderLinks == null) {
            leaderLinks = new LeaderLinks(whiteboard);
        }
        return leaderLinks;
    }

    /** Where {@link org.openvrrs.fhrp.vrrp.api.VrrpEventListener}s are added; closed with the server. */
    MonitorEvents events() {
        return events;
    }

    VrrpStatistics statistics() {
        return statistics;
    }

    synchronized void addNetwork(String name, Network network) {
        NetworkRuntime rt = new NetworkRuntime(name, network);
        networks.put(name, rt);
        handles.getOrDefault(name, List.of()).forEach(rt::attach);
    }

    /** The network is gone (platform stopped): its groups go to Initialize and wait for it. */
    synchronized void removeNetwork(String name) {
        NetworkRuntime rt = networks.remove(name);
        if (rt == null) {
            return;
        }
        rt.listening.close();
        List<VrrpGroup> detached = new ArrayList<>();
        for (Handle h : handles.getOrDefault(name, List.of())) {
            if (h.group != null) {
                detached.add(h.group);
                h.group = null;
            }
        }
        // on the network's thread while it still runs, so no timer of the group runs at the same time
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            rt.network.scheduler().execute(() -> {
                detached.forEach(g -> g.detach(StateReason.INTERFACE));
                done.complete(null);
            });
            done.get(1, TimeUnit.SECONDS);
        } catch (RuntimeException | ExecutionException | TimeoutException e) {
            detached.forEach(g -> g.detach(StateReason.INTERFACE)); // its thread is gone: nothing runs concurrently
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Adds a group; it starts on its network's thread now, or when the network appears. */
    synchronized Handle add(VrrpGroupConfig config, VrrpGroup.Listener listener) {
        return add(config, GroupOptions.NONE, listener, new TrackInputs());
    }

    /**
     * {@link #add(VrrpGroupConfig, VrrpGroup.Listener)} with unicast peers or a leader to follow, steered by tracking
     * and its sync group through {@code track}.
     */
    synchronized Handle add(VrrpGroupConfig config, GroupOptions options, VrrpGroup.Listener listener,
            TrackInputs track) {
        for (Handle h : handles.getOrDefault(networkName(config), List.of())) {
            if (h.config.key().equals(config.key())) {
                throw new IllegalStateException("VRRP group " + config.vrid() + " (" + config.family().label()
                        + ") is already configured on " + config.interfaceName());
            }
        }
        Handle h = new Handle(config, options, listener, track);
        handles.computeIfAbsent(networkName(config), n -> new ArrayList<>()).add(h);
        NetworkRuntime rt = networks.get(networkName(config));
        if (rt != null) {
            rt.attach(h);
        }
        return h;
    }

    /** Removes a group: a Master resigns with priority 0 and gives its addresses up. */
    synchronized void remove(Handle h) {
        String network = networkName(h.config);
        handles.getOrDefault(network, new ArrayList<>()).remove(h);
        NetworkRuntime rt = networks.get(network);
        VrrpGroup g = h.group;
        h.group = null;
        if (rt != null && g != null) {
            rt.network.scheduler().execute(() -> {
                VrrpInterface i = rt.interfaces.get(g.config().interfaceName());
                if (i != null) {
                    i.remove(g);
                }
            });
        }
    }

    /** Applies a changed configuration of the same group (same key) live, on its network's thread. */
    synchronized void reconfigure(Handle h, VrrpGroupConfig config) {
        reconfigure(h, config, h.options);
    }

    /** {@link #reconfigure(Handle, VrrpGroupConfig)} with new options. */
    synchronized void reconfigure(Handle h, VrrpGroupConfig config, GroupOptions options) {
        if (!config.key().equals(h.config.key())) {
            throw new IllegalArgumentException("a changed network, interface, family or VRID is a new group");
        }
        h.config = config;
        h.options = options;
        NetworkRuntime rt = networks.get(networkName(config));
        VrrpGroup g = h.group;
        if (rt != null && g != null) {
            rt.network.scheduler().execute(() -> {
                g.reconfigure(config, options);
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

    private InterfaceDelay delay(String network, String ifname) {
        return InterfaceDelay.of(delays, network, ifname);
    }

    /** Snapshots of every configured group, sorted by key; a group whose network is missing shows as such. */
    List<GroupStatus> status() {
        List<CompletableFuture<List<GroupStatus>>> parts = new ArrayList<>();
        List<GroupStatus> all = new ArrayList<>();
        synchronized (this) {
            for (Map.Entry<String, List<Handle>> e : handles.entrySet()) {
                NetworkRuntime rt = networks.get(e.getKey());
                List<Handle> list = List.copyOf(e.getValue());
                if (rt == null) {
                    list.forEach(h -> all.add(GroupStatus.waiting(h.config)));
                    continue;
                }
                CompletableFuture<List<GroupStatus>> f = new CompletableFuture<>();
                rt.network.scheduler().execute(() -> f.complete(list.stream()
                        .map(h -> h.group != null ? h.group.status() : GroupStatus.waiting(h.config)).toList()));
                parts.add(f);
            }
        }
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

    /** The network a configuration names; "" means the appliance's own network, {@value Network#LOCAL}. */
    static String networkName(VrrpGroupConfig c) {
        return c.network().isEmpty() ? Network.LOCAL : c.network();
    }
}
