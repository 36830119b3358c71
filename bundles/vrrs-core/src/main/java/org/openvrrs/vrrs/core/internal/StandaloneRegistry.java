package org.openvrrs.vrrs.core.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.openvrrs.vrrs.api.ClientInfo;
import org.openvrrs.vrrs.api.ClientSpec;
import org.openvrrs.vrrs.api.GroupState;
import org.openvrrs.vrrs.api.ServerRegistration;
import org.openvrrs.vrrs.api.ServerSpec;
import org.openvrrs.vrrs.api.VrrsClient;
import org.openvrrs.vrrs.api.VrrsRegistry;
import org.openvrrs.vrrs.api.VrrsRegistryStatistics;
import org.openvrrs.vrrs.api.VrrsServer;
import org.openvrrs.vrrs.api.VrrsWhiteboard;
import org.openvrrs.vrrs.core.internal.shell.ShowFormat;

/**
 * The VRRS registry without OSGi, for tools and tests that run the appliance's parts in a plain JVM (the namespace
 * tests run VRRP, VRRS and net-linux inside a network namespace). Same database, dispatcher and whiteboard as the
 * bundle: servers and clients are declared through {@link #whiteboard()} instead of as services.
 */
public final class StandaloneRegistry implements VrrsRegistry, AutoCloseable {
    private final VrrsDatabase database = new VrrsDatabase(2, 100, 1000);
    private final Whiteboard whiteboard = new Whiteboard(database);

    /** Declares servers and clients straight to this registry. */
    public VrrsWhiteboard whiteboard() {
        return new VrrsWhiteboard() {
            @Override
            public Declaration<ServerSpec> server(VrrsServer server, ServerSpec spec) {
                Object key = new Object();
                whiteboard.addServer(key, spec, server);
                return declaration(s -> whiteboard.updateServer(key, s), () -> whiteboard.removeServer(key));
            }

            @Override
            public Declaration<ClientSpec> client(VrrsClient client, ClientSpec spec) {
                Object key = new Object();
                whiteboard.addClient(key, spec, client);
                return declaration(s -> whiteboard.updateClient(key, s, client), () -> whiteboard.removeClient(key));
            }
        };
    }

    private static <S> VrrsWhiteboard.Declaration<S> declaration(Consumer<S> update,
            Runnable close) {
        return new VrrsWhiteboard.Declaration<>() {
            @Override
            public void update(S spec) {
                update.accept(spec);
            }

            @Override
            public void close() {
                close.run();
            }
        };
    }

    @Override
    public List<GroupState> groups() {
        return database.groups();
    }

    @Override
    public Optional<GroupState> group(String name) {
        return database.group(name);
    }

    @Override
    public List<ClientInfo> clients() {
        return database.clients();
    }

    /**
     * Publishes a group by hand, as Test Control's test server does (tools, benchmarks): its updates go straight to
     * the registry until the registry closes.
     */
    public ServerRegistration publishByHand(String protocol, String group) {
        return database.registerServer(this, protocol, group);
    }

    /** The rounds' statistics, as the bundle offers them beside the registry. */
    public VrrsRegistryStatistics statistics() {
        return database;
    }

    /** The {@code show vrrs group} text of a group, as the shell prints it; empty when unknown. */
    public String showGroup(String name) {
        return database.group(name)
                .map(g -> ShowFormat.group(g, database.recipients(name)))
                .orElse("");
    }

    @Override
    public void close() {
        whiteboard.close();
        database.close();
    }
}
