package org.openvrrs.fhrp.vrrp.internal.track;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.openvrrs.net.api.Network;
import org.openvrrs.net.api.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every track object of the appliance, by number, and who tracks them. All its state lives on its own scheduler's
 * thread (not a network's: a slow script or route query must never delay VRRP); checks run on the probe executor.
 * Groups subscribe to the objects they refer to and are handed their states on every change.
 */
public final class Tracker {
    private static final Logger LOG = LoggerFactory.getLogger(Tracker.class);
    /** Files are read in no particular order at start: a group may name an object whose file comes next. */
    static final long MISSING_WARNING_DELAY_NANOS = 5_000_000_000L;
    /** Makes the check of a polled object (tests give scripted ones). */
    @FunctionalInterface
    interface ProbeFactory {
        Probe probe(TrackConfig config, Network network);
    }

    /** What {@code show track} prints: each object's state and the groups that track it. */
    public record Snapshot(List<TrackState> objects, Map<Integer, List<String>> trackedBy) {
    }

    private final Scheduler scheduler;
    private final LongSupplier wallMillis;
    private final ProbeFactory probes;
    private final Map<Integer, TrackObject> objects = new TreeMap<>();
    private final Map<String, Network> networks = new HashMap<>();
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final Map<Integer, Object> claims = new HashMap<>(); // guarded by itself: which file holds a number
    private final TrackObject.Owner owner = new TrackObject.Owner() {
        @Override
        public Scheduler scheduler() {
            return scheduler;
        }

        @Override
        public long wallMillis() {
            return wallMillis.getAsLong();
        }

        @Override
        public void changed(TrackObject object) {
            tell(object.config().id());
        }
    };

    /** One group's interest: the objects it refers to. */
    private record Subscription(String group, Set<Integer> ids, Consumer<Map<Integer, TrackState>> listener) {
    }

    /** @param probeExecutor where routes are asked, scripts run and files read */
    public Tracker(Scheduler scheduler, Executor probeExecutor) {
        this(scheduler, System::currentTimeMillis, (c, n) -> Probes.of(c, n, probeExecutor));
    }

    Tracker(Scheduler scheduler, LongSupplier wallMillis, ProbeFactory probes) {
        this.scheduler = scheduler;
        this.wallMillis = wallMillis;
        this.probes = probes;
    }

    /**
     * Reserves object number {@code id} for {@code owner} (a configuration file), so two files cannot both define
     * it; false when another owner holds it. {@code release} gives it back.
     */
    public boolean claim(int id, Object owner) {
        synchronized (claims) {
            return claims.putIfAbsent(id, owner) == null || claims.get(id) == owner;
        }
    }

    public void release(int id, Object owner) {
        synchronized (claims) {
            claims.remove(id, owner);
        }
    }

    /** Adds or replaces the object of {@code config.id()}; it starts from scratch. */
    public void configure(TrackConfig config) {
        scheduler.execute(() -> {
            TrackObject old = objects.remove(config.id());
            if (old != null) {
                old.stop();
            }
            Network n = networks.get(config.networkName());
            TrackObject o = new TrackObject(config, owner, n,
                    config.type() == TrackType.INTERFACE ? null : probes.probe(config, n));
            objects.put(config.id(), o);
            o.start();
            tell(config.id());
        });
    }

    /** Removes an object; groups tracking it count it as not configured (Up). */
    public void remove(int id) {
        scheduler.execute(() -> {
            TrackObject old = objects.remove(id);
            if (old != null) {
                old.stop();
                tell(id);
            }
        });
    }

    /** A network appeared: the objects that look at it start over on it. */
    public void addNetwork(String name, Network network) {
        scheduler.execute(() -> {
            networks.put(name, network);
            restartOn(name);
        });
    }

    public void removeNetwork(String name) {
        scheduler.execute(() -> {
            networks.remove(name);
            restartOn(name);
        });
    }

    private void restartOn(String network) {
        objects.values().stream().filter(o -> o.config().type() != TrackType.SCRIPT
                && o.config().type() != TrackType.FILE && o.config().networkName().equals(network))
                .map(TrackObject::config).toList().forEach(this::configure);
    }

    /**
     * Hands {@code listener} the states of {@code ids} now and after every change of one of them, on the tracker's
     * thread; an id without an object is {@link TrackState#absent}. Closing the returned handle ends it.
     */
    public AutoCloseable subscribe(String group, Collection<Integer> ids, Consumer<Map<Integer, TrackState>> listener) {
        Subscription s = new Subscription(group, Set.copyOf(ids), listener);
        scheduler.execute(() -> {
            subscriptions.add(s);
            listener.accept(states(s.ids()));
        });
        scheduler.schedule(MISSING_WARNING_DELAY_NANOS, () -> {
            if (subscriptions.contains(s)) {
                new TreeSet<>(s.ids()).stream().filter(id -> !objects.containsKey(id)).forEach(id -> LOG.warn(
                        "VRRP {}: track {} is not configured; ignored until it is", group, id));
            }
        });
        return () -> scheduler.execute(() -> subscriptions.remove(s));
    }

    private void tell(int id) {
        for (Subscription s : List.copyOf(subscriptions)) {
            if (s.ids().contains(id)) {
                s.listener().accept(states(s.ids()));
            }
        }
    }

    private Map<Integer, TrackState> states(Set<Integer> ids) {
        Map<Integer, TrackState> m = new LinkedHashMap<>();
        new TreeSet<>(ids).forEach(id -> {
            TrackObject o = objects.get(id);
            m.put(id, o == null ? TrackState.absent(id) : o.state());
        });
        return m;
    }

    /** The objects and who tracks them, read on the tracker's thread. */
    public Snapshot snapshot() {
        CompletableFuture<Snapshot> f = new CompletableFuture<>();
        scheduler.execute(() -> {
            Map<Integer, List<String>> by = new TreeMap<>();
            for (Subscription s : subscriptions) {
                s.ids().forEach(id -> by.computeIfAbsent(id, k -> new ArrayList<>()).add(s.group()));
            }
            by.values().forEach(l -> l.sort(null));
            f.complete(new Snapshot(objects.values().stream().map(TrackObject::state).toList(), by));
        });
        try {
            return f.get(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading track objects");
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the tracker did not answer within 2 s");
        }
    }
}
