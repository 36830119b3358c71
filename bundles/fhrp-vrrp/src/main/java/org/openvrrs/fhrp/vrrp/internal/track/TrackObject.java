package org.openvrrs.fhrp.vrrp.internal.track;

import java.util.Optional;
import org.openvrrs.net.api.NetInterface;
import org.openvrrs.net.api.Network;
import org.openvrrs.net.api.Registration;
import org.openvrrs.net.api.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configured track object at work, on the tracker's thread: an interface is watched (its network's interface
 * changes), the others are polled every interval with a timeout, and change state after {@code rise} successes or
 * {@code fall} failures in a row. The first result sets the state at once; until then the object counts as Up.
 */
final class TrackObject {
    private static final Logger LOG = LoggerFactory.getLogger(TrackObject.class);

    /** Told of every Up/Down or value change, on the tracker's thread. */
    interface Owner {
        Scheduler scheduler();

        long wallMillis();

        void changed(TrackObject object);
    }

    private final TrackConfig config;
    private final Owner owner;
    private final Network network; // null when the object's network is missing
    private final Probe probe;
    private TrackState state;
    private boolean known;
    private int successes;
    private int failures;
    private boolean stopped;
    private Scheduler.Timer pollTimer;
    private Scheduler.Timer timeoutTimer;
    private Probe.Attempt running;
    private Registration listening;

    /** @param probe the check of a polled object; null for an interface */
    TrackObject(TrackConfig config, Owner owner, Network network, Probe probe) {
        this.config = config;
        this.owner = owner;
        this.network = network;
        this.probe = probe;
        this.state = new TrackState(config.id(), config, true, 0, 0, owner.wallMillis(), "not checked yet");
    }

    TrackConfig config() {
        return config;
    }

    TrackState state() {
        return state;
    }

    void start() {
        if (config.type() == TrackType.INTERFACE) {
            if (network == null) {
                result(false, 0, "network " + config.networkName() + " missing");
                return;
            }
            Scheduler scheduler = owner.scheduler();
            listening = network.addInterfaceListener((before, after) -> scheduler.execute(this::checkInterface));
            checkInterface();
        } else {
            poll();
        }
    }

    void stop() {
        stopped = true;
        cancel(pollTimer);
        cancel(timeoutTimer);
        if (running != null) {
            running.cancel().run();
            running = null;
        }
        if (listening != null) {
            listening.close();
        }
    }

    // ---- interface: immediate, as IOS tracks line protocol

    private void checkInterface() {
        if (stopped) {
            return;
        }
        Optional<NetInterface> i = network.find(config.interfaceName());
        boolean up = i.isPresent() && i.get().lineProtocolUp();
        state(up, 0, i.isEmpty() ? "no interface " + config.interfaceName()
                : up ? "line protocol up" : "line protocol down");
    }

    // ---- polled: route, script, file

    private void poll() {
        if (stopped) {
            return;
        }
        Scheduler scheduler = owner.scheduler();
        pollTimer = scheduler.schedule(config.intervalSeconds() * 1_000_000_000L, this::poll);
        if (running != null) {
            return; // the last check is still within its timeout
        }
        Probe.Attempt attempt = probe.start();
        running = attempt;
        timeoutTimer = scheduler.schedule(config.timeoutSeconds() * 1_000_000_000L, () -> {
            if (running == attempt) {
                attempt.cancel().run();
                finish(attempt, Probe.Result.failed("timed out after " + config.timeoutSeconds() + " s"));
            }
        });
        attempt.result().whenComplete((r, e) -> scheduler.execute(() -> finish(attempt,
                e != null ? Probe.Result.failed(e.toString()) : r)));
    }

    private void finish(Probe.Attempt attempt, Probe.Result r) {
        if (running != attempt || stopped) {
            return; // a late result of a check that timed out
        }
        running = null;
        cancel(timeoutTimer);
        result(r.ok(), r.value(), r.detail());
    }

    /** Counts rise and fall; the first result sets the state at once. */
    private void result(boolean ok, long value, String detail) {
        if (ok) {
            failures = 0;
            successes++;
        } else {
            successes = 0;
            failures++;
        }
        boolean up = state.up();
        if (!known || (ok && successes >= config.rise()) || (!ok && failures >= config.fall())) {
            up = ok;
        }
        known = true;
        state(up, value, detail);
    }

    private void state(boolean up, long value, String detail) {
        TrackState old = state;
        boolean changed = up != old.up() || value != old.value();
        state = new TrackState(config.id(), config, up, value, old.changes() + (changed ? 1 : 0),
                changed ? owner.wallMillis() : old.sinceMillis(), detail);
        if (changed) {
            if (up != old.up()) {
                LOG.info("Track {} ({}): {} -> {} ({})", config.id(), config.describe(), old.upDown(),
                        state.upDown(), detail);
            }
            owner.changed(this);
        }
    }

    private static void cancel(Scheduler.Timer t) {
        if (t != null) {
            t.cancel();
        }
    }
}
