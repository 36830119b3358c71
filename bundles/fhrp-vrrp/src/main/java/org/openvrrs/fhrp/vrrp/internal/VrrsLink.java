package org.openvrrs.fhrp.vrrp.internal;

import java.net.InetAddress;
import org.openvrrs.vrrs.api.MacAddress;
import org.openvrrs.vrrs.api.ServerRegistration;
import org.openvrrs.vrrs.api.ServerSpec;
import org.openvrrs.vrrs.api.ServerUpdate;
import org.openvrrs.vrrs.api.StateReason;
import org.openvrrs.vrrs.api.VrrsServer;
import org.openvrrs.vrrs.api.VrrsState;
import org.openvrrs.vrrs.api.VrrsWhiteboard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The link of one configured VRRP group to VRRS ({@code vrrp N name NAME}): the group is declared as a
 * {@link VrrsServer} of its name (without a name, a server that publishes nothing but says where VRRP runs), and every change the group makes is pushed as it happens, on the group's network
 * thread, with no lock: the group turns each transition into a {@link ServerUpdate} once and hands it here.
 *
 * <p>Every update reaches the registry from one thread: the network thread while the group runs, the thread that
 * attaches while it does not (its network is missing, so nothing else publishes).
 */
final class VrrsLink implements VrrsServer, VrrpGroup.Listener, AutoCloseable {
    static final String PROTOCOL = "VRRP";
    private static final Logger DEBUG_VRRS = LoggerFactory.getLogger("org.openvrrs.debug.vrrp.vrrs");

    private final VrrsWhiteboard whiteboard;
    private volatile VrrpEngine.Handle handle;
    private volatile ServerRegistration registration;
    /** The last update made, written on the network thread (or before the group first ran). */
    private volatile ServerUpdate last;
    private VrrsWhiteboard.Declaration<ServerSpec> declaration; // guarded by this

    VrrsLink(VrrsWhiteboard whiteboard, VrrpGroupConfig config) {
        this.whiteboard = whiteboard;
        this.last = waiting(config);
    }

    /** The group this link publishes (again, after its configuration made it a new group); declares it. */
    synchronized void attach(VrrpEngine.Handle h) {
        handle = h;
        redeclare(h.config());
    }

    /** The group's configuration changed: a new name moves the declaration. */
    synchronized void configured(VrrpGroupConfig config) {
        redeclare(config);
    }

    /** Every group is declared, a group without a VRRS name too: it says where an FHRP runs (the plug-ins ask). */
    private void redeclare(VrrpGroupConfig c) {
        if (whiteboard == null) {
            return;
        }
        ServerSpec spec = new ServerSpec(PROTOCOL, c.vrrsName(), VrrpEngine.networkName(c), c.interfaceName(),
                String.valueOf(c.vrid()));
        if (declaration == null) {
            declaration = whiteboard.server(this, spec);
        } else {
            declaration.update(spec);
        }
    }

    @Override
    public synchronized void close() {
        if (declaration != null) {
            declaration.close();
            declaration = null;
        }
    }

    // ---- VrrpGroup.Listener, on the network thread

    @Override
    public void changed(VirtualRouter.Transition transition, ServerUpdate update) {
        last = update;
        ServerRegistration r = registration;
        if (r != null && r.update(update)) {
            DEBUG_VRRS.debug("VRRP: Updated info for VRRS group {}", r.group());
        }
    }

    // ---- VrrsServer, on the registry's thread

    @Override
    public void attached(ServerRegistration r) {
        VrrpGroup running = handle == null ? null : handle.group();
        if (running != null) {
            running.onNetworkThread(() -> publishCurrent(r));
            return;
        }
        publishCurrent(r);
        // a group that started meanwhile publishes on its thread from now on; this makes its state the last word
        VrrpGroup started = handle == null ? null : handle.group();
        if (started != null) {
            started.onNetworkThread(() -> {
                if (registration == r) {
                    r.update(last);
                }
            });
        }
    }

    private void publishCurrent(ServerRegistration r) {
        registration = r;
        r.update(last);
        DEBUG_VRRS.debug("VRRP: Registered VRRS group \"{}\"", r.group());
    }

    @Override
    public void detached(ServerRegistration r) {
        if (registration == r) {
            registration = null;
            DEBUG_VRRS.debug("VRRP: Unregistered VRRS group \"{}\"", r.group());
        }
    }

    // ---- how a VRRP group reads in VRRS

    /** Master is ACTIVE; active = the Master's address, standby = a Backup's (this router's, or the last peer). */
    static ServerUpdate update(VirtualRouter.Transition t, VrrpGroupConfig c, MacAddress virtualMac) {
        InetAddress none = c.family().unspecified();
        InetAddress self = t.ownAddress();
        InetAddress peer = t.peerAddress();
        return switch (t.newState()) {
            case INITIALIZE -> new ServerUpdate(VrrsState.INIT, t.reason(), c.family(), c.primaryVirtualAddress(),
                    virtualMac, none, none);
            case BACKUP -> new ServerUpdate(VrrsState.BACKUP, t.reason(), c.family(), c.primaryVirtualAddress(),
                    virtualMac, t.masterAddress() != null ? t.masterAddress() : none, self);
            case MASTER -> new ServerUpdate(VrrsState.ACTIVE, t.reason(), c.family(), c.primaryVirtualAddress(),
                    virtualMac, self, peer != null && !peer.equals(self) ? peer : none);
        };
    }

    /** A group that is not running (its network is missing): INIT. */
    static ServerUpdate waiting(VrrpGroupConfig c) {
        return new ServerUpdate(VrrsState.INIT, StateReason.PROTOCOL, c.family(), c.primaryVirtualAddress(),
                MacAddress.vrrp(c.family(), c.vrid()), c.family().unspecified(), c.family().unspecified());
    }
}
