package org.openvrrs.vrrs.core.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.openvrrs.vrrs.api.ClientSpec;
import org.openvrrs.vrrs.api.ServerSpec;
import org.openvrrs.vrrs.api.VrrsClient;
import org.openvrrs.vrrs.api.VrrsServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns declared {@link VrrsServer}s and {@link VrrsClient}s (OSGi services, or direct declarations without OSGi)
 * into the database's servers and clients, and follows their declarations as they change and go. A declaration is
 * known by a key: the service id in OSGi, the object itself otherwise.
 *
 * <p>A server whose group already has one waits, and is attached when the group is free; one that publishes no group
 * (it only says where an FHRP runs) is never attached. Servers are told of
 * {@link VrrsServer#attached attach} and {@link VrrsServer#detached detach} outside every lock, in order.
 */
final class Whiteboard implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Whiteboard.class);

    private final VrrsDatabase database;

    /** A declared server; {@code handle} is null while it waits for its group. */
    private static final class Server {
        final VrrsServer server;
        ServerSpec spec;
        ServerHandle handle;
        String refusal; // the last refusal logged, so that a waiting server is reported once

        Server(VrrsServer server, ServerSpec spec) {
            this.server = server;
            this.spec = spec;
        }
    }

    // guarded by this
    private final Map<Object, ClientHandle> clients = new HashMap<>();
    private final Map<Object, Server> servers = new LinkedHashMap<>();

    Whiteboard(VrrsDatabase database) {
        this.database = database;
    }

    // ---- clients

    synchronized void addClient(Object key, ClientSpec spec, VrrsClient client) {
        if (clients.containsKey(key)) {
            throw new IllegalStateException("client " + key + " is already declared");
        }
        ClientHandle handle = database.registerClient(this, spec.name(), spec.priority(), spec.allGroups(), client);
        clients.put(key, handle);
        follow(handle, spec.groups());
    }

    /** The client's declaration changed: a new name, priority or all-groups makes it a new client. */
    synchronized void updateClient(Object key, ClientSpec spec, VrrsClient client) {
        ClientHandle handle = clients.get(key);
        if (handle == null) {
            addClient(key, spec, client);
            return;
        }
        ClientEntry e = handle.entry;
        if (!e.name.equals(spec.name()) || e.priority != spec.priority() || e.allGroups != spec.allGroups()) {
            removeClient(key);
            addClient(key, spec, client);
            return;
        }
        Set<String> gone = new TreeSet<>(handle.following());
        gone.removeAll(spec.groups());
        gone.forEach(handle::unfollow);
        follow(handle, spec.groups());
    }

    synchronized void removeClient(Object key) {
        ClientHandle handle = clients.remove(key);
        if (handle != null) {
            handle.close();
        }
    }

    /** Follows each group not followed yet; a name the registry refuses is logged and skipped. */
    private static void follow(ClientHandle handle, Set<String> groups) {
        Set<String> already = handle.following();
        for (String g : groups) {
            if (!already.contains(g)) {
                try {
                    handle.follow(g);
                } catch (IllegalArgumentException e) {
                    LOG.error("VRRS client {} ({}): cannot follow '{}': {}", handle.id(), handle.name(), g,
                            e.getMessage());
                }
            }
        }
    }

    // ---- servers

    void addServer(Object key, ServerSpec spec, VrrsServer server) {
        List<Runnable> calls = new ArrayList<>();
        synchronized (this) {
            if (servers.containsKey(key)) {
                throw new IllegalStateException("server " + key + " is already declared");
            }
            servers.put(key, new Server(server, spec));
            attachWaiting(calls);
        }
        calls.forEach(Runnable::run);
    }

    /** The server's declaration changed: another group or protocol moves it; network and interface are noted. */
    void updateServer(Object key, ServerSpec spec) {
        List<Runnable> calls = new ArrayList<>();
        synchronized (this) {
            Server s = servers.get(key);
            if (s == null) {
                return;
            }
            boolean moved = !s.spec.group().equals(spec.group()) || !s.spec.protocol().equals(spec.protocol());
            s.spec = spec;
            if (moved) {
                detach(s, calls);
                s.refusal = null;
                attachWaiting(calls);
            }
        }
        calls.forEach(Runnable::run);
    }

    void removeServer(Object key) {
        List<Runnable> calls = new ArrayList<>();
        synchronized (this) {
            Server s = servers.remove(key);
            if (s == null) {
                return;
            }
            detach(s, calls);
            attachWaiting(calls);
        }
        calls.forEach(Runnable::run);
    }

    private void detach(Server s, List<Runnable> calls) {
        ServerHandle handle = s.handle;
        if (handle != null) {
            s.handle = null;
            handle.close();
            calls.add(() -> s.server.detached(handle));
        }
    }

    /** Attaches every waiting server whose group is free, in the order they were declared. */
    private void attachWaiting(List<Runnable> calls) {
        for (Server s : servers.values()) {
            if (s.handle != null || !s.spec.publishes()) {
                continue;
            }
            try {
                ServerHandle handle = database.registerServer(this, s.spec.protocol(), s.spec.group());
                s.handle = handle;
                s.refusal = null;
                calls.add(() -> s.server.attached(handle));
            } catch (IllegalArgumentException | IllegalStateException e) {
                if (!e.getMessage().equals(s.refusal)) {
                    s.refusal = e.getMessage();
                    LOG.error("VRRS: {} server for group {} on {}: {}{}", s.spec.protocol(), s.spec.group(),
                            s.spec.interfaceName(), e.getMessage(),
                            e instanceof IllegalStateException ? "; it waits until the group is free" : "");
                }
            }
        }
    }

    /** Withdraws every declaration. */
    @Override
    public void close() {
        List<Runnable> calls = new ArrayList<>();
        synchronized (this) {
            servers.values().forEach(s -> detach(s, calls));
            servers.clear();
            clients.values().forEach(ClientHandle::close);
            clients.clear();
        }
        calls.forEach(Runnable::run);
    }
}
