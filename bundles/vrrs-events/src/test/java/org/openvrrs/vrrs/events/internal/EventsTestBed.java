package org.openvrrs.vrrs.events.internal;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.openvrrs.vrrs.api.AddressFamily;
import org.openvrrs.vrrs.api.IpAddresses;
import org.openvrrs.vrrs.api.MacAddress;
import org.openvrrs.vrrs.api.ServerRegistration;
import org.openvrrs.vrrs.api.ServerUpdate;
import org.openvrrs.vrrs.api.StateReason;
import org.openvrrs.vrrs.api.VrrsState;
import org.openvrrs.vrrs.core.internal.StandaloneRegistry;

/**
 * The event stream as the appliance runs it, without OSGi: vrrs-core's {@link StandaloneRegistry}, the
 * {@link EventsComponent} declared on its whiteboard, groups published by hand (as Test Control's test server does)
 * and socket readers.
 */
final class EventsTestBed implements AutoCloseable {
    static final InetAddress VIRTUAL = IpAddresses.parse("v", "192.0.2.1");
    static final InetAddress SELF = IpAddresses.parse("s", "192.0.2.2");
    static final InetAddress PEER = IpAddresses.parse("p", "192.0.2.3");

    final StandaloneRegistry registry = new StandaloneRegistry();
    final EventsComponent events;
    final Path socket;
    /** Everything the stream recorded, as a subscriber sees it: what readers are compared with. */
    final List<TransitionEvent> recorded = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicLong> recordedByGroup = new ConcurrentHashMap<>();
    private final Map<String, ServerRegistration> servers = new HashMap<>();

    /** @param settings the {@code org.openvrrs.events} properties; the socket defaults to {@code dir/e.sock} */
    EventsTestBed(Path dir, Map<String, Object> settings) {
        socket = dir.resolve("e.sock");
        EventsSettings s = EventsSettings.reader(socket).read(settings);
        events = new EventsComponent(s, registry.whiteboard());
        events.stream().subscribe(e -> {
            recorded.add(e);
            recordedByGroup.computeIfAbsent(e.state().group(), g -> new AtomicLong()).incrementAndGet();
            return true;
        });
    }

    static ServerUpdate update(VrrsState state) {
        InetAddress none = AddressFamily.IPV4.unspecified();
        InetAddress active = state == VrrsState.ACTIVE ? SELF : state == VrrsState.BACKUP ? PEER : none;
        InetAddress standby = state == VrrsState.BACKUP ? SELF : state == VrrsState.ACTIVE ? PEER : none;
        return new ServerUpdate(state, StateReason.PROTOCOL, AddressFamily.IPV4, VIRTUAL,
                MacAddress.vrrp(AddressFamily.IPV4, 1), active, standby);
    }

    /** Publishes {@code group} (INIT, one event) so it can be flipped. */
    synchronized void publish(String group) {
        servers.put(group, registry.publishByHand("VRRP", group));
        awaitRecorded(group, 1);
    }

    /** Publishes a state of {@code group}; returns at once. */
    void set(String group, VrrsState state) {
        ServerRegistration r;
        synchronized (this) {
            r = servers.get(group);
        }
        r.update(update(state));
    }

    /**
     * Publishes a state and waits until the stream has recorded it: the registry may coalesce states a client has
     * not taken yet (its documented guarantee), so a test that wants every state in the stream paces its flips.
     */
    void setAndAwait(String group, VrrsState state) {
        long before = recorded(group);
        set(group, state);
        awaitRecorded(group, before + 1);
    }

    long recorded(String group) {
        AtomicLong n = recordedByGroup.get(group);
        return n == null ? 0 : n.get();
    }

    void awaitRecorded(String group, long count) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (recorded(group) < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the stream never recorded event " + count + " of " + group);
            }
            Thread.onSpinWait();
        }
    }

    Reader connect() throws IOException {
        return new Reader(SocketChannel.open(UnixDomainSocketAddress.of(socket)));
    }

    @Override
    public void close() {
        events.close();
        registry.close();
    }

    /** A socket reader: sends what the test says, reads JSON lines. */
    static final class Reader implements AutoCloseable {
        final SocketChannel channel;
        private final BufferedReader in;

        Reader(SocketChannel channel) {
            this.channel = channel;
            this.in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel),
                    StandardCharsets.UTF_8));
        }

        void send(String line) throws IOException {
            ByteBuffer b = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) {
                channel.write(b);
            }
        }

        /** The next line as a JSON object; null at the end of the stream. */
        Map<String, Object> next() throws IOException {
            String line = in.readLine();
            return line == null ? null : JSON.std.mapFrom(line);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
