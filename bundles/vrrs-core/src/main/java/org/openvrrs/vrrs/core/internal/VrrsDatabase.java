package org.openvrrs.vrrs.core.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.openvrrs.config.api.ConfigReader;
import org.openvrrs.config.api.LiveConfig;
import org.openvrrs.vrrs.api.ClientInfo;
import org.openvrrs.vrrs.api.ClientPriority;
import org.openvrrs.vrrs.api.GroupState;
import org.openvrrs.vrrs.api.ServerUpdate;
import org.openvrrs.vrrs.api.StateReason;
import org.openvrrs.vrrs.api.VrrsClient;
import org.openvrrs.vrrs.api.LatencyHistogram;
import org.openvrrs.vrrs.api.VrrsRegistry;
import org.openvrrs.vrrs.api.VrrsRegistryStatistics;
import org.openvrrs.vrrs.api.VrrsState;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The VRRS database: the current state of every named group, its server and its clients, and the rounds that push
 * changes to clients. One lock guards the structure; callbacks run on the dispatcher's threads, never under it.
 * Bundles never see it: {@link Whiteboard} registers their VrrsServer and VrrsClient services with it and withdraws
 * them when the services go.
 */
@Component(service = {VrrsDatabase.class, VrrsRegistry.class, VrrsRegistryStatistics.class},
        configurationPid = VrrsDatabase.PID)
@Designate(ocd = VrrsDatabase.Config.class)
public final class VrrsDatabase implements VrrsRegistry, VrrsRegistryStatistics, AutoCloseable {
    static final String PID = "org.openvrrs.vrrs.core";

    @ObjectClassDefinition(name = "OpenVRRS registry", description = "Notification dispatch of the VRRS registry")
    public @interface Config {
        @AttributeDefinition(description = "Dispatcher worker threads; 0 = one per CPU (at least 2)")
        int dispatchThreads() default 0;

        @AttributeDefinition(description = "A client callback running longer than this (ms) no longer holds back "
                + "the other clients of its batch")
        long stallMillis() default 100;

        @AttributeDefinition(description = "A priority level waiting longer than this (ms) on stalled clients lets "
                + "the next level be notified")
        long tierTimeoutMillis() default 1000;
    }

    private final Dispatcher dispatcher;
    private final FanoutLatency fanoutLatency = new FanoutLatency();
    private final Map<String, GroupEntry> groups = new TreeMap<>();
    private final Map<Integer, ClientEntry> clients = new TreeMap<>();
    private final Set<ClientEntry> allGroupClients = new LinkedHashSet<>();
    private int nextClientId = 1;
    private long nextVersion = 1;

    /** Read with the config module; a refused file is one log line and the registry runs on the defaults. */
    static final ConfigReader<Config, Config> READER = ConfigReader.of(Config.class, c -> {
        if (c.dispatchThreads() < 0 || c.stallMillis() < 1 || c.tierTimeoutMillis() < 1) {
            throw new IllegalArgumentException("dispatchThreads must be 0 or more, stallMillis and tierTimeoutMillis "
                    + "1 or more");
        }
        return c;
    });
    private static final Logger LOG = LoggerFactory.getLogger(VrrsDatabase.class);

    @Activate
    public VrrsDatabase(Map<String, Object> properties) {
        this(configured(properties));
    }

    private static Config configured(Map<String, Object> properties) {
        LiveConfig<Config> config = LiveConfig.defaultsUntilValid(READER, LOG);
        config.update(properties);
        return config.current().orElseThrow();
    }

    VrrsDatabase(Config config) {
        this(config.dispatchThreads() > 0 ? config.dispatchThreads()
                : Math.max(2, Runtime.getRuntime().availableProcessors()),
                config.stallMillis(), config.tierTimeoutMillis());
    }

    VrrsDatabase(int threads, long stallMillis, long tierTimeoutMillis) {
        if (threads < 1 || stallMillis < 1 || tierTimeoutMillis < 1) {
            throw new IllegalArgumentException("dispatchThreads, stallMillis and tierTimeoutMillis must be positive");
        }
        this.dispatcher = new Dispatcher(threads, stallMillis, tierTimeoutMillis);
    }

    @Deactivate
    @Override
    public void close() {
        dispatcher.close();
    }

    // ---- servers

    ServerHandle registerServer(Object owner, String protocol, String groupName) {
        String p = Names.label("server protocol", protocol);
        String g = Names.group(groupName);
        synchronized (this) {
            GroupEntry group = groups.get(g);
            if (group != null && group.server != null) {
                throw new IllegalStateException("group " + g + " already has server " + group.server.protocol());
            }
            if (group == null) {
                group = newGroup(g);
            }
            ServerHandle handle = new ServerHandle(this, p, g, owner);
            group.server = handle;
            set(group, GroupState.of(g, p, group.state.state(), ServerUpdate.init(group.state.family(),
                    StateReason.PROTOCOL)));
            DebugLog.SERVER.debug("VRRS: Server {} add, group {}, state {}", p, g, group.state.state());
            return handle;
        }
    }

    /** Publishes a server's update; false when the handle was closed (the update is ignored). */
    boolean serverUpdate(ServerHandle handle, ServerUpdate update) {
        if (update == null) {
            throw new IllegalArgumentException("server update is null");
        }
        synchronized (this) {
            GroupEntry group = groups.get(handle.group());
            if (handle.closed || group == null || group.server != handle) {
                return false;
            }
            set(group, GroupState.of(group.name, handle.protocol(), group.state.state(), update));
            DebugLog.SERVER.debug("VRRS: Server {} update, group {}, state {}, old state {}, reason {}",
                    handle.protocol(), group.name, update.state(), group.state.oldState(), update.reason().label());
            return true;
        }
    }

    void serverClose(ServerHandle handle) {
        synchronized (this) {
            if (handle.closed) {
                return;
            }
            handle.closed = true;
            GroupEntry group = groups.get(handle.group());
            if (group == null || group.server != handle) {
                return;
            }
            group.server = null;
            DebugLog.SERVER.debug("VRRS: Server {} remove, group {}", handle.protocol(), group.name);
            if (group.isUnused()) {
                groups.remove(group.name);
            } else {
                set(group, GroupState.of(group.name, null, group.state.state(),
                        ServerUpdate.init(group.state.family(), StateReason.SERVER_REMOVED)));
            }
        }
    }

    // ---- clients

    ClientHandle registerClient(Object owner, String name, ClientPriority priority, boolean allGroups,
            VrrsClient callback) {
        String n = Names.label("client", name);
        if (priority == null) {
            throw new IllegalArgumentException("client priority is required (high, normal or low)");
        }
        if (callback == null) {
            throw new IllegalArgumentException("client callback is required");
        }
        List<ClientEntry> toSchedule = new ArrayList<>(1);
        ClientEntry client;
        synchronized (this) {
            client = new ClientEntry(nextClientId++, n, priority, allGroups, callback, owner);
            clients.put(client.id, client);
            DebugLog.CLIENT.debug("VRRS: Client {} registered, id {}", n, client.id);
            if (allGroups) {
                allGroupClients.add(client);
                groups.values().forEach(g -> g.recipients = null);
                for (GroupEntry group : groups.values()) {
                    if (client.offer(group.state, group.version, null) && toSchedule.isEmpty()) {
                        toSchedule.add(client);
                    }
                }
            }
        }
        dispatcher.schedule(toSchedule);
        return new ClientHandle(this, client);
    }

    void follow(ClientEntry client, String groupName) {
        String g = Names.group(groupName);
        boolean schedule;
        synchronized (this) {
            requireRegistered(client);
            if (client.following.contains(g)) {
                throw new IllegalStateException("client " + client.id + " already follows group " + g);
            }
            GroupEntry group = groups.get(g);
            if (group == null) {
                DebugLog.CLIENT.debug("VRRS: Client {} add, group {} does not exist, allocating...", client.id, g);
                group = newGroup(g);
            }
            group.followers.add(client);
            group.recipients = null;
            client.following.add(g);
            DebugLog.CLIENT.debug("VRRS: Client {} add to {}", client.id, g);
            schedule = client.offer(group.state, group.version, null);
        }
        if (schedule) {
            dispatcher.schedule(client);
        }
    }

    void unfollow(ClientEntry client, String groupName) {
        String g = Names.group(groupName);
        synchronized (this) {
            requireRegistered(client);
            if (!client.following.remove(g)) {
                throw new IllegalStateException("client " + client.id + " does not follow group " + g);
            }
            removeFollower(groups.get(g), client);
            DebugLog.CLIENT.debug("VRRS: Client {} remove from {}", client.id, g);
        }
        if (!client.allGroups) {
            client.forget(g);
        }
    }

    synchronized Set<String> following(ClientEntry client) {
        return client.info().following();
    }

    void clientClose(ClientEntry client) {
        synchronized (this) {
            if (clients.remove(client.id) == null) {
                return;
            }
            if (allGroupClients.remove(client)) {
                groups.values().forEach(g -> g.recipients = null);
            }
            for (String g : client.following) {
                removeFollower(groups.get(g), client);
            }
            DebugLog.CLIENT.debug("VRRS: Client {} unregistered", client.id);
        }
        client.close();
    }

    private void requireRegistered(ClientEntry client) {
        if (clients.get(client.id) != client) {
            DebugLog.CLIENT.debug("VRRS: Client {} is not registered", client.id);
            throw new IllegalStateException("client " + client.id + " is not registered");
        }
    }

    private void removeFollower(GroupEntry group, ClientEntry client) {
        if (group != null) {
            group.followers.remove(client);
            group.recipients = null;
            if (group.isUnused()) {
                groups.remove(group.name);
            }
        }
    }

    /** Closes everything {@code owner} registered; returns how many registrations that was. */
    int release(Object owner) {
        List<ServerHandle> servers = new ArrayList<>();
        List<ClientEntry> owned = new ArrayList<>();
        synchronized (this) {
            for (GroupEntry g : groups.values()) {
                if (g.server != null && g.server.owner == owner) {
                    servers.add(g.server);
                }
            }
            for (ClientEntry c : clients.values()) {
                if (c.owner == owner) {
                    owned.add(c);
                }
            }
        }
        servers.forEach(this::serverClose);
        owned.forEach(this::clientClose);
        return servers.size() + owned.size();
    }

    // ---- queries

    @Override
    public synchronized List<GroupState> groups() {
        List<GroupState> all = new ArrayList<>(groups.size());
        groups.values().forEach(g -> all.add(g.state));
        return all;
    }

    @Override
    public synchronized Optional<GroupState> group(String name) {
        GroupEntry g = name == null ? null : groups.get(name.trim());
        return Optional.ofNullable(g == null ? null : g.state);
    }

    @Override
    public synchronized List<ClientInfo> clients() {
        List<ClientInfo> all = new ArrayList<>(clients.size());
        clients.values().forEach(c -> all.add(c.info()));
        return all;
    }

    /** Clients that receive a group's updates: its followers and the all-groups clients, by id. */
    public synchronized List<ClientInfo> recipients(String groupName) {
        GroupEntry g = groups.get(groupName);
        if (g == null) {
            return List.of();
        }
        return recipientsOf(g).stream().map(ClientEntry::info).toList();
    }

    Dispatcher dispatcher() {
        return dispatcher;
    }

    @Override
    public LatencyHistogram fanoutLatency() {
        return fanoutLatency.snapshot();
    }

    @Override
    public long stalls() {
        return dispatcher.stalls();
    }

    @Override
    public long tierTimeouts() {
        return dispatcher.tierTimeouts();
    }

    // ---- rounds

    private GroupEntry newGroup(String name) {
        GroupEntry group = new GroupEntry(name, GroupState.unserved(name), nextVersion++,
                new GroupRounds(name, dispatcher, fanoutLatency));
        groups.put(name, group);
        return group;
    }

    private void set(GroupEntry group, GroupState state) {
        group.state = state;
        group.version = nextVersion++;
        group.rounds.publish(state, group.version, recipientsByLevel(group));
    }

    /** Called with the lock held: the recipients by priority level, cached until the membership changes. */
    private ClientEntry[][] recipientsByLevel(GroupEntry group) {
        if (group.recipients == null) {
            List<ClientEntry> all = recipientsOf(group);
            ClientEntry[][] byLevel = new ClientEntry[ClientPriority.values().length][];
            for (ClientPriority p : ClientPriority.values()) {
                byLevel[p.ordinal()] = all.stream().filter(c -> c.priority == p).toArray(ClientEntry[]::new);
            }
            group.recipients = byLevel;
        }
        return group.recipients;
    }

    private List<ClientEntry> recipientsOf(GroupEntry group) {
        Map<Integer, ClientEntry> byId = new HashMap<>();
        group.followers.forEach(c -> byId.put(c.id, c));
        allGroupClients.forEach(c -> byId.put(c.id, c));
        List<ClientEntry> list = new ArrayList<>(byId.values());
        list.sort(Comparator.comparingInt(c -> c.id));
        return list;
    }
}
