package org.openvrrs.fhrp.vrrp.internal;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.openvrrs.fhrp.vrrp.internal.track.TrackBinding;
import org.openvrrs.fhrp.vrrp.internal.track.ShowTrackFormat;
import org.openvrrs.fhrp.vrrp.internal.track.TrackComponent;
import org.openvrrs.fhrp.vrrp.internal.track.TrackInputs;
import org.openvrrs.fhrp.vrrp.internal.track.Tracking;
import org.openvrrs.fhrp.vrrp.api.VrrpGroupView;
import org.openvrrs.fhrp.vrrp.api.VrrpMonitor;
import org.openvrrs.fhrp.vrrp.api.VrrpRouterCounters;
import org.openvrrs.net.api.Network;
import org.openvrrs.net.api.Registration;
import org.openvrrs.vrrs.api.IpAddresses;
import org.openvrrs.vrrs.api.VrrsWhiteboard;

/**
 * The VRRP engine without OSGi, for tools and tests that run the appliance's VRRP in a plain JVM (the namespace
 * interop tests start one inside a network namespace). Groups are configured with the same properties, defaults and
 * validation as the {@code org.openvrrs.vrrp.group} factory configuration. Not used by the bundle itself.
 */
public final class VrrpRuntime {

    /** Told of every state change of a group, on its network's scheduler thread. */
    @FunctionalInterface
    public interface StateListener {
        /**
         * @param group    the group's key, e.g. {@code eth0/IPv4/1}
         * @param state    INITIALIZE, BACKUP or MASTER
         * @param master   the current Master's address as this router knows it ("" when none)
         * @param priority this router's priority
         */
        void changed(String group, String state, String master, int priority);
    }

    private final VrrpEngine engine = new VrrpEngine(Map.of(), false);
    private final Tracking tracking = new Tracking();
    private final VrrsWhiteboard whiteboard;

    /** A runtime whose named groups publish nothing. */
    public VrrpRuntime() {
        this(null);
    }

    /** A runtime whose groups with a {@code name} are VRRS servers declared on {@code whiteboard}, as in the appliance. */
    public VrrpRuntime(VrrsWhiteboard whiteboard) {
        this.whiteboard = whiteboard;
    }

    /** Offers a network to the groups configured on it ({@code network} property; "" = {@code local}). */
    public void addNetwork(String name, Network network) {
        engine.addNetwork(name, network);
        tracking.tracker().addNetwork(name, network);
    }

    public void removeNetwork(String name) {
        tracking.tracker().removeNetwork(name);
        engine.removeNetwork(name);
    }

    /**
     * Adds or replaces a track object configured as {@code org.openvrrs.track} properties ({@code id}, {@code type},
     * {@code interfaceName}, {@code route}, {@code script}, ...).
     *
     * @throws IllegalArgumentException with the operator's message when the configuration is invalid
     */
    public void addTrack(Map<String, ?> properties) {
        tracking.tracker().configure(TrackComponent.READER.read(properties));
    }

    /** What {@code show track} prints. */
    public String showTrack() {
        return ShowTrackFormat.show(tracking.tracker().snapshot());
    }

    /**
     * Adds a group configured as {@code org.openvrrs.vrrp.group} properties ({@code interfaceName}, {@code vrid},
     * {@code addresses}, {@code priority}, ...). Closing the handle removes it (a Master resigns with priority 0).
     *
     * @throws IllegalArgumentException with the operator's message when the configuration is invalid
     */
    public AutoCloseable addGroup(Map<String, ?> properties, StateListener listener) {
        VrrpGroupConfig config = VrrpGroupComponent.READER.read(properties);
        GroupOptions options = VrrpGroupComponent.OPTIONS_READER.read(properties);
        engine.leaderLoops().claim(config.key(), config.vrrsName(), options.leader());
        VrrsLink link = new VrrsLink(whiteboard, config);
        TrackInputs track = new TrackInputs();
        TrackBinding binding = tracking.bind(config.key(), VrrpGroupComponent.TRACKING.read(properties), track);
        VrrpEngine.Handle handle = engine.add(config, options, (t, update) -> {
            link.changed(t, update);
            InetAddress master = t.masterAddress();
            listener.changed(config.key(), t.newState().name(), master == null ? "" : IpAddresses.format(master),
                    t.priority());
        }, track);
        link.attach(handle);
        Registration leader = options.follows() && whiteboard != null
                ? engine.leaderLinks(whiteboard).follow(options.leader(), handle) : null;
        return () -> {
            if (leader != null) {
                leader.close();
            }
            engine.leaderLoops().release(config.key());
            binding.close();
            engine.remove(handle);
            link.close();
        };
    }

    /** What {@code vrrp:statistics} prints: the router-wide drops and each group's counters. */
    public String statistics() {
        return ShowVrrpFormat.statistics(engine.statistics(), engine.status());
    }

    /** One line per group: key, state, Master address. */
    public List<String> status() {
        return engine.status().stream().map(s -> s.config().key() + " " + s.state() + " "
                + (s.masterAddress() == null ? "-" : IpAddresses.format(s.masterAddress()))).toList();
    }

    /** What the appliance's {@link VrrpMonitor} service offers (monitoring bundles' tests run on it). */
    public VrrpMonitor monitor() {
        return new VrrpMonitor() {
            @Override
            public List<VrrpGroupView> groups() {
                return engine.status().stream().map(MonitorViews::of).toList();
            }

            @Override
            public VrrpRouterCounters routerCounters() {
                return MonitorViews.of(engine.statistics());
            }
        };
    }
}
