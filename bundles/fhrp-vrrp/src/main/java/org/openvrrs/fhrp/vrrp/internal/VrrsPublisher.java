package org.openvrrs.fhrp.vrrp.internal;

import java.net.InetAddress;
import org.openvrrs.vrrs.api.DebugLoggers;
import org.openvrrs.vrrs.api.ServerRegistration;
import org.openvrrs.vrrs.api.ServerUpdate;
import org.openvrrs.vrrs.api.StateReason;
import org.openvrrs.vrrs.api.VrrsRegistry;
import org.openvrrs.vrrs.api.VrrsState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The link of one VRRP group to VRRS ({@code vrrp N name NAME}): registers the group as server {@code VRRP} of its
 * name, pushes every change, moves the registration when the name changes, and registers again when the registry
 * returns (a restarted vrrs-core). Used by the DS component and by the standalone runtime alike.
 */
final class VrrsPublisher implements VrrpGroup.Listener {
    static final String PROTOCOL = "VRRP";
    private static final Logger LOG = LoggerFactory.getLogger(VrrsPublisher.class);
    private static final Logger DEBUG_VRRS = LoggerFactory.getLogger(DebugLoggers.name("vrrp", "vrrs"));

    // guarded by this
    private VrrpEngine.Handle handle;
    private VrrsRegistry registry;
    private ServerRegistration vrrs;

    /** The group to publish (again, after its configuration made it a new group). */
    synchronized void attach(VrrpEngine.Handle h) {
        handle = h;
        register();
    }

    /** A registry appeared (or replaced the one before: a greedy reference binds the new one first). */
    synchronized void registryAdded(VrrsRegistry r) {
        if (registry != r) {
            registry = r;
            vrrs = null; // a registration belongs to the registry it was made with
            register();
        }
    }

    /** A registry went away, and its handles with it. */
    synchronized void registryRemoved(VrrsRegistry r) {
        if (registry == r) {
            registry = null;
            vrrs = null;
        }
    }

    /** The group's VRRS name changed: move the registration. */
    synchronized void nameChanged() {
        unregister();
        register();
    }

    synchronized void close() {
        unregister();
    }

    @Override
    public void changed(VrrpGroup group, VirtualRouter.State old, StateReason reason) {
        push(reason);
    }

    private void register() {
        String name = handle == null ? "" : handle.config().vrrsName();
        if (registry == null || name.isEmpty() || vrrs != null) {
            return;
        }
        try {
            vrrs = registry.registerServer(PROTOCOL, name);
            DEBUG_VRRS.debug("VRRP: Registered VRRS group \"{}\"", name);
            VrrpGroup g = handle.group();
            if (g != null) {
                g.onNetworkThread(() -> push(StateReason.PROTOCOL)); // its state is read on its own thread
            } else {
                push(StateReason.PROTOCOL);
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            LOG.error("VRRP group {}: cannot publish VRRS group {}: {}", handle.config().key(), name, e.getMessage());
        }
    }

    private void unregister() {
        if (vrrs != null) {
            String name = vrrs.group();
            vrrs.close();
            vrrs = null;
            DEBUG_VRRS.debug("VRRP: Unregistered VRRS group \"{}\"", name);
        }
    }

    private synchronized void push(StateReason reason) {
        if (vrrs == null || handle == null) {
            return;
        }
        VrrpGroup g = handle.group();
        GroupStatus s = g != null ? g.status() : GroupStatus.waiting(handle.config());
        InetAddress peer = g != null ? g.router().lastPeerAddress() : null;
        try {
            vrrs.update(update(s, peer, reason));
            DEBUG_VRRS.debug("VRRP: Updated info for VRRS group {}", vrrs.group());
        } catch (IllegalStateException e) {
            LOG.debug("VRRP: VRRS registration of {} is closed: {}", vrrs.group(), e.getMessage());
            vrrs = null;
        }
    }

    /** How a VRRP group reads in VRRS: Master is ACTIVE; active = the Master's address, standby = a Backup's. */
    static ServerUpdate update(GroupStatus s, InetAddress lastPeer, StateReason reason) {
        VrrpGroupConfig c = s.config();
        InetAddress none = c.family().unspecified();
        InetAddress self = s.sourceAddress();
        return switch (s.state()) {
            case INITIALIZE -> new ServerUpdate(VrrsState.INIT, reason, c.family(), c.primaryVirtualAddress(),
                    s.virtualMac(), none, none);
            case BACKUP -> new ServerUpdate(VrrsState.BACKUP, reason, c.family(), c.primaryVirtualAddress(),
                    s.virtualMac(), s.masterAddress() != null ? s.masterAddress() : none, self);
            case MASTER -> new ServerUpdate(VrrsState.ACTIVE, reason, c.family(), c.primaryVirtualAddress(),
                    s.virtualMac(), self, lastPeer != null && !lastPeer.equals(self) ? lastPeer : none);
        };
    }
}
