package org.openvrrs.plugin.common.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.openvrrs.vrrs.api.ClientInfo;
import org.openvrrs.vrrs.api.ClientPriority;
import org.openvrrs.vrrs.api.ClientRegistration;
import org.openvrrs.vrrs.api.GroupState;
import org.openvrrs.vrrs.api.ServerRegistration;
import org.openvrrs.vrrs.api.ServerUpdate;
import org.openvrrs.vrrs.api.StateReason;
import org.openvrrs.vrrs.api.VrrsClient;
import org.openvrrs.vrrs.api.VrrsRegistry;
import org.openvrrs.vrrs.api.VrrsState;

/** A VRRS registry that calls clients back synchronously, on the caller's thread, so tests are deterministic. */
public final class FakeRegistry implements VrrsRegistry {
    private final Map<String, GroupState> groups = new TreeMap<>();
    private final List<Client> clients = new ArrayList<>();
    private int nextId = 1;

    private final class Client implements ClientRegistration {
        final int id = nextId++;
        final String name;
        final ClientPriority priority;
        final VrrsClient callback;
        final Set<String> following = new TreeSet<>();
        boolean closed;

        Client(String name, ClientPriority priority, VrrsClient callback) {
            this.name = name;
            this.priority = priority;
            this.callback = callback;
        }

        @Override
        public int id() {
            return id;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void follow(String group) {
            if (closed || !following.add(group)) {
                throw new IllegalStateException("closed or already following " + group);
            }
            callback.groupChanged(groups.computeIfAbsent(group, GroupState::unserved));
        }

        @Override
        public void unfollow(String group) {
            if (closed || !following.remove(group)) {
                throw new IllegalStateException("closed or not following " + group);
            }
        }

        @Override
        public Set<String> following() {
            return Set.copyOf(following);
        }

        @Override
        public void close() {
            closed = true;
            clients.remove(this);
        }
    }

    /** A server publishing {@code group}; each update reaches the followers before it returns. */
    @Override
    public ServerRegistration registerServer(String protocol, String group) {
        groups.put(group, GroupState.of(group, protocol, state(group), ServerUpdate.init(
                org.openvrrs.vrrs.api.AddressFamily.IPV4, StateReason.PROTOCOL)));
        notifyFollowers(group);
        return new ServerRegistration() {
            boolean closed;

            @Override
            public String group() {
                return group;
            }

            @Override
            public String protocol() {
                return protocol;
            }

            @Override
            public void update(ServerUpdate update) {
                if (closed) {
                    throw new IllegalStateException("closed");
                }
                groups.put(group, GroupState.of(group, protocol, state(group), update));
                notifyFollowers(group);
            }

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    groups.put(group, GroupState.of(group, null, state(group),
                            ServerUpdate.init(org.openvrrs.vrrs.api.AddressFamily.IPV4, StateReason.SERVER_REMOVED)));
                    notifyFollowers(group);
                }
            }
        };
    }

    private VrrsState state(String group) {
        GroupState g = groups.get(group);
        return g == null ? VrrsState.INIT : g.state();
    }

    private void notifyFollowers(String group) {
        for (Client c : List.copyOf(clients)) {
            if (c.following.contains(group)) {
                c.callback.groupChanged(groups.get(group));
            }
        }
    }

    @Override
    public ClientRegistration registerClient(String name, ClientPriority priority, boolean allGroups,
            VrrsClient client) {
        Client c = new Client(name, priority, client);
        clients.add(c);
        return c;
    }

    @Override
    public List<GroupState> groups() {
        return List.copyOf(groups.values());
    }

    @Override
    public Optional<GroupState> group(String name) {
        return Optional.ofNullable(groups.get(name));
    }

    @Override
    public List<ClientInfo> clients() {
        return clients.stream().map(c -> new ClientInfo(c.id, c.name, c.priority, false, c.following(), 0, 0, 0))
                .toList();
    }
}
