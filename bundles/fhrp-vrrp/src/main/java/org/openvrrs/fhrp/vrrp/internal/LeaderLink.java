package org.openvrrs.fhrp.vrrp.internal;

import java.util.Set;
import org.openvrrs.vrrs.api.ClientPriority;
import org.openvrrs.vrrs.api.ClientSpec;
import org.openvrrs.vrrs.api.GroupState;
import org.openvrrs.vrrs.api.VrrsClient;
import org.openvrrs.vrrs.api.VrrsWhiteboard;

/**
 * A follower group's link to its leader: a {@link VrrsClient} (High, so it moves with the plug-ins, before Normal and
 * Low clients) following the leader's VRRS name, handing every state to the group's {@link VrrpEngine.Handle}. The
 * leader may be served by this appliance or by any other server of the registry.
 */
final class LeaderLink implements VrrsClient, AutoCloseable {
    private final VrrpEngine.Handle handle;
    private final VrrsWhiteboard.Declaration<ClientSpec> declaration;
    private volatile String leader;

    /** Declares the client on {@code whiteboard} at once; its first push is the leader's current state. */
    LeaderLink(VrrsWhiteboard whiteboard, VrrpEngine.Handle handle, String leader) {
        this.handle = handle;
        this.leader = leader;
        this.declaration = whiteboard.client(this, spec(handle.config(), leader));
    }

    /** The client name {@code vrrs:clients} lists: "VRRP follower Gi0/0/0/IPv4/2". */
    static ClientSpec spec(VrrpGroupConfig c, String leader) {
        return ClientSpec.following("VRRP follower " + c.key(), ClientPriority.HIGH, Set.of(leader));
    }

    /** Follows another name (the group's configuration changed). */
    void follow(String newLeader) {
        leader = newLeader;
        declaration.update(spec(handle.config(), newLeader));
    }

    @Override
    public void groupChanged(GroupState state) {
        if (state.group().equals(leader)) { // not a late state of a name no longer followed
            handle.leaderChanged(state);
        }
    }

    @Override
    public void close() {
        declaration.close();
    }
}
