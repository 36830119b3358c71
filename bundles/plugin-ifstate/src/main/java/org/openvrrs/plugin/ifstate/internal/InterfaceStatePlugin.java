package org.openvrrs.plugin.ifstate.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openvrrs.plugin.common.api.Subinterface;
import org.openvrrs.plugin.common.api.SubinterfacePlugin;
import org.openvrrs.vrrs.api.GroupState;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The VRRS Interface-State plug-in: a subinterface's line protocol is up only while the group it follows is ACTIVE
 * (any other state, or no server: down, also right after configuration until ACTIVE is confirmed). It only forces
 * the line protocol ({@code Network.setLineProtocol}); the administrative state stays the operator's, so a
 * {@code no shutdown} cannot bring a held subinterface up, and releasing it lets the line protocol follow the
 * administrative state again.
 */
@Component(service = SubinterfacePlugin.class)
public final class InterfaceStatePlugin implements SubinterfacePlugin {
    private static final Logger DEBUG = LoggerFactory.getLogger("org.openvrrs.debug.plugin.if-state");

    /** Subinterfaces under control, by network/interface, with the line protocol last set. */
    private final Map<String, Held> held = new LinkedHashMap<>();

    private record Held(Subinterface subinterface, boolean up) {
    }

    @Override
    public String name() {
        return "if-state";
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public boolean configuredOn(Subinterface s) {
        return s.interfaceState();
    }

    @Override
    public synchronized void update(Subinterface s, GroupState state) {
        boolean up = state.hasServer() && state.isActive();
        Held before = held.put(s.where(), new Held(s, up));
        if (before == null || before.up() != up || before.subinterface().network() != s.network()) {
            s.network().setLineProtocol(s.interfaceName(), up);
            DEBUG.debug("VRRS-P(if-state): {} line protocol {} ({} {})", s.where(), up ? "up" : "down", s.follow(),
                    state.hasServer() ? "state " + state.state() : "has no VRRS server");
        }
    }

    @Override
    public synchronized void release(Subinterface s) {
        Held h = held.remove(s.where());
        if (h != null) {
            h.subinterface().network().setLineProtocol(s.interfaceName(), true);
            DEBUG.debug("VRRS-P(if-state): {} released, line protocol follows its administrative state", s.where());
        }
    }

    /** Subinterfaces held now, for tests and leak checks. */
    synchronized int heldCount() {
        return held.size();
    }

    /** Uninstalled or stopped: every subinterface goes back to its administrative state. */
    @Deactivate
    synchronized void deactivate() {
        for (Held h : List.copyOf(held.values())) {
            try {
                release(h.subinterface());
            } catch (RuntimeException e) {
                DEBUG.debug("VRRS-P(if-state): {} could not be released: {}", h.subinterface().where(), e.toString());
            }
        }
        held.clear();
    }
}
