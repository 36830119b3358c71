package org.openvrrs.plugin.common.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.openvrrs.vrrs.api.ClientPriority;
import org.openvrrs.vrrs.api.ClientSpec;
import org.openvrrs.vrrs.api.GroupState;
import org.openvrrs.vrrs.api.VrrsClient;
import org.openvrrs.vrrs.api.VrrsWhiteboard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plug-in database: one entry per VRRS name that configured subinterfaces follow (what
 * {@code show vrrs plugin database} prints) with the latest state of each, and the one VRRS client
 * {@value #CLIENT_NAME} that follows exactly those names. The client is a {@link VrrsClient} declared through the
 * whiteboard while it is wanted (a plug-in is present); the registry finds it, and finds it again after a restart.
 *
 * <p>Not thread-safe: {@link PluginInfrastructure} calls it under its lock. It calls nothing back but the client
 * callback it was given, which the registry calls.
 */
final class PluginDatabase {
    static final String CLIENT_NAME = "VRRS-Plugins";
    private static final Logger LOG = LoggerFactory.getLogger(PluginDatabase.class);
    private static final Logger DEBUG_CLIENT = LoggerFactory.getLogger("org.openvrrs.debug.plugin.client");
    private static final Logger DEBUG_DATABASE = LoggerFactory.getLogger("org.openvrrs.debug.plugin.database");
    /** IOS prints client handles as large numbers; ours count up from here. */
    private static final long HANDLE_BASE = 0xDF000000L;

    private final VrrsWhiteboard whiteboard;
    private final VrrsClient client;
    private final Map<String, Entry> entries = new TreeMap<>();
    private VrrsWhiteboard.Declaration<ClientSpec> declaration;
    private ClientSpec declared;
    private long nextHandle = 1;

    /** One followed VRRS name. */
    private static final class Entry {
        final String name;
        final long handle;
        final List<String> keys = new ArrayList<>();
        GroupState state; // null: nothing heard (no registry, no client, or not pushed yet)

        Entry(String name, long handle) {
            this.name = name;
            this.handle = handle;
        }

        GroupState stateOrUnserved() {
            return state != null ? state : GroupState.unserved(name);
        }
    }

    PluginDatabase(VrrsWhiteboard whiteboard, VrrsClient client) {
        this.whiteboard = whiteboard;
        this.client = client;
    }

    /** Configuration {@code key} follows {@code name}: a new name gets an entry and is followed by the client. */
    void join(String key, String name) {
        Entry e = entries.get(name);
        if (e == null) {
            e = new Entry(name, HANDLE_BASE + nextHandle++);
            entries.put(name, e);
            DEBUG_DATABASE.debug("VRRS-P(database): Add entry {}", name);
        }
        e.keys.add(key);
        followNames();
    }

    /** Configuration {@code key} no longer follows {@code name}: its last follower takes the entry with it. */
    void leave(String key, String name) {
        Entry e = entries.get(name);
        e.keys.remove(key);
        if (e.keys.isEmpty()) {
            entries.remove(name);
            DEBUG_DATABASE.debug("VRRS-P(database): Remove entry {}", name);
            followNames();
        }
    }

    /** The configuration keys following {@code name}. */
    List<String> keys(String name) {
        Entry e = entries.get(name);
        return e == null ? List.of() : List.copyOf(e.keys);
    }

    /** The latest state of {@code name}; {@link GroupState#unserved} when none is known. */
    GroupState state(String name) {
        return entries.get(name).stateOrUnserved();
    }

    /** Takes a state the registry pushed; true when it is news for a followed name. */
    boolean update(GroupState state) {
        Entry e = entries.get(state.group());
        if (e == null) {
            return false;
        }
        boolean news = !state.equals(e.stateOrUnserved());
        e.state = state;
        if (news) {
            DEBUG_CLIENT.debug("VRRS-P(client): {} state {} -> {}, server {}", state.group(), state.oldState(),
                    state.state(), state.hasServer() ? state.server() : "none");
        }
        return news;
    }

    /** Takes the registry's current state of every name (it came back); returns the names whose state changed. */
    List<String> refresh(Function<String, Optional<GroupState>> current) {
        List<String> changed = new ArrayList<>();
        for (Entry e : entries.values()) {
            GroupState now = current.apply(e.name).orElse(null);
            if (!(now == null ? GroupState.unserved(e.name) : now).equals(e.stateOrUnserved())) {
                changed.add(e.name);
            }
            e.state = now;
        }
        return changed;
    }

    /** Forgets every state (no registry, or no client): returns the names that had one. */
    List<String> forgetStates() {
        List<String> changed = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.state != null && !e.state.equals(GroupState.unserved(e.name))) {
                changed.add(e.name);
            }
            e.state = null;
        }
        return changed;
    }

    // ---- the client ---------------------------------------------------------------------------------------

    /** Declares the client while {@code wanted}, withdraws it (and forgets the states it brought) otherwise. */
    void wantClient(boolean wanted) {
        if (wanted && declaration == null) {
            declared = ClientSpec.following(CLIENT_NAME, ClientPriority.HIGH, entries.keySet());
            try {
                declaration = whiteboard.client(client, declared);
            } catch (RuntimeException e) {
                LOG.error("VRRS plug-ins: cannot declare the VRRS client {}: {}", CLIENT_NAME, e.getMessage());
                return;
            }
            DEBUG_CLIENT.debug("VRRS-P(client): Declared client {} following {}", CLIENT_NAME, declared.groups());
        } else if (!wanted && declaration != null) {
            declaration.close();
            declaration = null;
            forgetStates();
            DEBUG_CLIENT.debug("VRRS-P(client): Withdrew client {}", CLIENT_NAME);
        }
    }

    /** Whether the client is declared now. */
    boolean clientDeclared() {
        return declaration != null;
    }

    /** The declared client follows the names of the entries (the registry pushes a newly followed one's state). */
    private void followNames() {
        if (declaration == null || declared.groups().equals(entries.keySet())) {
            return;
        }
        declared = declared.withGroups(entries.keySet());
        declaration.update(declared);
        DEBUG_CLIENT.debug("VRRS-P(client): Follow {}", declared.groups());
    }

    /** The entries as shown; {@code whereOf} gives a configuration key's interface. */
    List<PluginInfrastructure.EntryView> view(Function<String, String> whereOf) {
        List<PluginInfrastructure.EntryView> out = new ArrayList<>();
        for (Entry e : entries.values()) {
            GroupState s = e.stateOrUnserved();
            out.add(new PluginInfrastructure.EntryView(e.name, s.hasServer(), s.hasServer() && s.isActive(),
                    s.virtualMac(), false, e.handle, e.keys.stream().map(whereOf).sorted().toList()));
        }
        return out;
    }
}
