package org.openvrrs.fhrp.vrrp.internal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.openvrrs.net.api.Registration;
import org.openvrrs.net.api.Scheduler;
import org.openvrrs.vrrs.api.ClientPriority;
import org.openvrrs.vrrs.api.ClientSpec;
import org.openvrrs.vrrs.api.GroupState;
import org.openvrrs.vrrs.api.VrrsClient;
import org.openvrrs.vrrs.api.VrrsState;
import org.openvrrs.vrrs.api.VrrsWhiteboard;

/**
 * Follower groups' links to their leaders: one {@link VrrsClient} per followed VRRS name (High, so followers move
 * with the plug-ins, before Normal and Low clients; {@code vrrs:clients} lists it as "VRRP followers of NAME"),
 * declared on the whiteboard while a group follows that name. A state of the leader is handed to every follower in
 * one task per network thread, so thousands of followers cost one callback and one hop, not thousands. The leader
 * may be served by this appliance or by any other server of the registry. Thread-safe.
 */
final class LeaderLinks {
    /** One followed name: its client declaration and its followers. */
    private static final class Link implements VrrsClient {
        final String leader;
        final Set<VrrpEngine.Handle> followers = new CopyOnWriteArraySet<>();
        VrrsWhiteboard.Declaration<ClientSpec> declaration;
        private GroupState last; // the leader's latest state, for followers that join later

        Link(String leader) {
            this.leader = leader;
        }

        /** Queued under this lock, so a follower joining meanwhile gets the states in their order. */
        @Override
        public synchronized void groupChanged(GroupState state) {
            last = state;
            Map<Scheduler, List<VrrpGroup>> byThread = new IdentityHashMap<>();
            for (VrrpEngine.Handle h : followers) {
                VrrpGroup g = h.leaderChanged(state);
                if (g != null) {
                    byThread.computeIfAbsent(g.scheduler(), s -> new ArrayList<>()).add(g);
                }
            }
            byThread.forEach((thread, groups) -> thread.execute(
                    () -> groups.forEach(g -> g.leaderChanged(state.state(), state.reason()))));
        }

        synchronized void join(VrrpEngine.Handle follower) {
            followers.add(follower);
            GroupState known = last;
            VrrpGroup g = known == null ? null : follower.leaderChanged(known);
            if (g != null) {
                g.onNetworkThread(() -> g.leaderChanged(known.state(), known.reason()));
            }
        }
    }

    private final VrrsWhiteboard whiteboard;
    private final Map<String, Link> byLeader = new LinkedHashMap<>();

    LeaderLinks(VrrsWhiteboard whiteboard) {
        this.whiteboard = whiteboard;
    }

    /** The state a follower takes for its leader's: ACTIVE is Master, BACKUP Backup, INIT Initialize. */
    static VirtualRouter.State mirrored(VrrsState leader) {
        return switch (leader) {
            case ACTIVE -> VirtualRouter.State.MASTER;
            case BACKUP -> VirtualRouter.State.BACKUP;
            case INIT -> VirtualRouter.State.INITIALIZE;
        };
    }

    static ClientSpec spec(String leader) {
        return ClientSpec.following("VRRP followers of " + leader, ClientPriority.HIGH, Set.of(leader));
    }

    /**
     * Makes {@code follower} follow {@code leader}; the first follower of a name declares its client, whose first
     * push is the leader's current state. Closing the registration stops it; the last one withdraws the client.
     */
    Registration follow(String leader, VrrpEngine.Handle follower) {
        Link link;
        synchronized (this) {
            link = byLeader.computeIfAbsent(leader, Link::new);
            link.join(follower);
            if (link.declaration == null) {
                link.declaration = whiteboard.client(link, spec(leader));
            }
        }
        return () -> unfollow(link, follower);
    }

    private synchronized void unfollow(Link link, VrrpEngine.Handle follower) {
        if (link.followers.remove(follower) && link.followers.isEmpty()) {
            byLeader.remove(link.leader);
            link.declaration.close();
        }
    }
}
