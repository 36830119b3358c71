package org.openvrrs.vrrs.core.internal;

import java.net.InetAddress;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.openvrrs.vrrs.api.AddressFamily;
import org.openvrrs.vrrs.api.ClientPriority;
import org.openvrrs.vrrs.api.GroupState;
import org.openvrrs.vrrs.api.MacAddress;
import org.openvrrs.vrrs.api.ServerUpdate;
import org.openvrrs.vrrs.api.StateReason;
import org.openvrrs.vrrs.api.VrrsState;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * IOS's "Test Control": a test server and test clients an operator drives from the shell ({@code vrrs:test-server},
 * {@code vrrs:test-client}) to watch the registry work before any protocol runs.
 */
@Component(service = TestControl.class)
public final class TestControl {
    public static final String DEFAULT_CLIENT_NAME = "VRRS TEST CLIENT";

    private final VrrsDatabase database;
    private final Map<String, TestServer> servers = new ConcurrentHashMap<>();
    private final Map<Integer, TestClient> clients = new ConcurrentHashMap<>();

    private record TestServer(ServerHandle registration, ServerUpdate last) {
    }

    /** A test client: its registration and the latest state it was pushed per group. */
    private record TestClient(ClientHandle registration, SortedMap<String, GroupState> received) {
    }

    /** The fields an operator may set on a test server's update; null = keep what the group had. */
    public record ServerFields(InetAddress virtualAddress, MacAddress virtualMac, InetAddress activeAddress,
            InetAddress standbyAddress, StateReason reason) {
    }

    @Activate
    public TestControl(@Reference VrrsDatabase database) {
        this.database = database;
    }

    @Deactivate
    void deactivate() {
        database.release(this);
    }

    /** Publishes {@code state} for {@code group} as a test server of {@code protocol}, registering it if needed. */
    public synchronized GroupState publish(String protocol, String group, VrrsState state, ServerFields fields) {
        TestServer server = servers.get(group);
        if (server != null && !server.registration.protocol().equals(protocol)) {
            throw new IllegalStateException("test server of group " + group + " is " + server.registration.protocol()
                    + "; remove it first to publish as " + protocol);
        }
        ServerUpdate base = server != null ? server.last : ServerUpdate.init(familyOf(fields), StateReason.PROTOCOL);
        ServerUpdate update = merge(base, state, fields);
        ServerHandle registration = server != null ? server.registration
                : database.registerServer(this, protocol, group);
        try {
            registration.update(update);
        } catch (RuntimeException e) {
            if (server == null) {
                registration.close();
            }
            throw e;
        }
        servers.put(registration.group(), new TestServer(registration, update));
        return database.group(registration.group()).orElseThrow();
    }

    public synchronized void removeServer(String group) {
        TestServer server = servers.remove(group);
        if (server == null) {
            throw new IllegalArgumentException("no test server publishes group " + group);
        }
        server.registration.close();
    }

    /** Registers a test client; returns its id. */
    public int addClient(String name, ClientPriority priority, boolean allGroups) {
        SortedMap<String, GroupState> received = new ConcurrentSkipListMap<>();
        ClientHandle registration = database.registerClient(this, name == null ? DEFAULT_CLIENT_NAME : name,
                priority, allGroups, state -> {
                    received.put(state.group(), state);
                    DebugLog.EVENTS.debug("VRRS: Test client got group {} state {}", state.group(), state.state());
                });
        clients.put(registration.id(), new TestClient(registration, received));
        return registration.id();
    }

    public void follow(int id, String group) {
        client(id).registration.follow(group);
    }

    public void unfollow(int id, String group) {
        client(id).registration.unfollow(group);
    }

    public void removeClient(int id) {
        client(id).registration.close();
        clients.remove(id);
    }

    /** The latest state pushed to a test client, per group. */
    public SortedMap<String, GroupState> received(int id) {
        return new TreeMap<>(client(id).received);
    }

    /** Whether a client id is one of the test clients (for "Test Control = True"). */
    public boolean isTestClient(int id) {
        return clients.containsKey(id);
    }

    private TestClient client(int id) {
        TestClient c = clients.get(id);
        if (c == null) {
            throw new IllegalArgumentException("client " + id + " is not a test client (vrrs:test-client add "
                    + "makes one)");
        }
        return c;
    }

    private static AddressFamily familyOf(ServerFields f) {
        return f.virtualAddress() == null ? AddressFamily.IPV4 : AddressFamily.of(f.virtualAddress());
    }

    private static ServerUpdate merge(ServerUpdate base, VrrsState state, ServerFields f) {
        AddressFamily family = f.virtualAddress() == null ? base.family() : AddressFamily.of(f.virtualAddress());
        boolean sameFamily = family == base.family();
        InetAddress none = family.unspecified();
        return new ServerUpdate(state, f.reason() != null ? f.reason() : StateReason.PROTOCOL, family,
                pick(f.virtualAddress(), sameFamily ? base.virtualAddress() : none),
                f.virtualMac() != null ? f.virtualMac() : base.virtualMac(),
                pick(f.activeAddress(), sameFamily ? base.activeAddress() : none),
                pick(f.standbyAddress(), sameFamily ? base.standbyAddress() : none));
    }

    private static InetAddress pick(InetAddress given, InetAddress kept) {
        return given != null ? given : kept;
    }
}
