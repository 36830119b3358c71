package org.openvrrs.plugin.accounting.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.openvrrs.net.api.Scheduler;
import org.openvrrs.plugin.accounting.internal.queue.AccountingRecord;
import org.openvrrs.plugin.accounting.internal.radius.RadiusAttribute;
import org.openvrrs.plugin.accounting.internal.radius.RadiusPacket;
import org.openvrrs.plugin.accounting.internal.radius.RadiusTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RADIUS exchange of a record: requests, retransmissions and failover along a route of servers, and the checking
 * of responses. Each server gets {@code 1 + retransmit} tries of {@code timeout} each, every try a new packet (new
 * Identifier and Request Authenticator, current Acct-Delay-Time, the same Acct-Session-Id); then the next server of
 * the route. Only a response that passes the Response Authenticator check ends an exchange.
 *
 * <p>Confined to the scheduler's thread: {@link #start} and the {@link Outcome} callbacks run on it, responses are
 * handed over to it. Timers are the scheduler's, so a test drives them on a virtual clock.
 */
final class RadiusExchange implements AutoCloseable {
    private static final Logger EV = LoggerFactory.getLogger("org.openvrrs.debug.accounting.events");
    private static final Logger ERR = LoggerFactory.getLogger("org.openvrrs.debug.accounting.errors");
    /** How long a request waits for a free Identifier when 256 are in flight to its server. */
    static final Duration ID_BUSY_RETRY = Duration.ofMillis(5);

    /** What becomes of an exchange, told on the scheduler's thread. */
    interface Outcome {
        /** A request goes to {@code server}; {@code tries} earlier tries went to it. */
        void sending(RadiusServer server, int tries);

        void acknowledged(RadiusServer by);

        /** Every server of the route failed; the exchange is over. */
        void everyServerFailed();
    }

    /** Counters of one server, as {@code show vrrs accounting} lists them. */
    record Counts(long sent, long acknowledged, long retransmitted, long failed, long badAuthenticator,
            long malformed) {
        static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0);
    }

    /** One record on its way along its route; ends acknowledged or with every server failed. */
    static final class Exchange {
        private final AccountingRecord record;
        private final List<RadiusServer> route;
        private final Outcome outcome;
        private int index;
        private int tries;
        private int id = -1;
        private InetSocketAddress to;
        private byte[] request;
        private Scheduler.Timer timer;
        private boolean over;

        private Exchange(AccountingRecord record, List<RadiusServer> route, Outcome outcome) {
            this.record = record;
            this.route = List.copyOf(route);
            this.outcome = outcome;
        }

        /** The server the current or next try goes to. */
        RadiusServer server() {
            return route.get(index);
        }
    }

    /** RADIUS identifiers of one server address: 256 slots, handed out round-robin, skipping those in flight. */
    private static final class IdSpace {
        final Exchange[] slots = new Exchange[256];
        int next;

        int allocate(Exchange x) {
            for (int i = 0; i < 256; i++) {
                int id = (next + i) & 0xff;
                if (slots[id] == null) {
                    slots[id] = x;
                    next = id + 1;
                    return id;
                }
            }
            return -1;
        }
    }

    private static final class Counters {
        long sent;
        long acknowledged;
        long retransmitted;
        long failed;
        long badAuthenticator;
        long malformed;
    }

    private final Scheduler scheduler;
    private final Clock clock;
    private final RadiusTransport transport;
    private final Map<String, Counters> counters = new TreeMap<>();
    private final Map<InetSocketAddress, IdSpace> ids = new HashMap<>();
    private long unexpected;
    private volatile boolean closed;

    /**
     * @param clock      wall-clock time, for Acct-Delay-Time
     * @param transports makes the transport, given where it hands received datagrams
     */
    RadiusExchange(Scheduler scheduler, Clock clock, Function<RadiusTransport.Receiver, RadiusTransport> transports) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.transport = transports.apply((from, datagram) -> scheduler.execute(() -> response(from, datagram)));
    }

    /** Sends {@code record} to the first server of {@code route} (not empty); the rest follows on timers. */
    Exchange start(AccountingRecord record, List<RadiusServer> route, Outcome outcome) {
        Exchange x = new Exchange(record, route, outcome);
        transmit(x);
        return x;
    }

    private void transmit(Exchange x) {
        if (closed || x.over) {
            return;
        }
        RadiusServer server = x.server();
        x.to = server.socketAddress();
        int id = ids.computeIfAbsent(x.to, k -> new IdSpace()).allocate(x);
        if (id < 0) { // 256 requests in flight to this server: wait for one to finish
            x.timer = scheduler.schedule(ID_BUSY_RETRY, () -> transmit(x));
            return;
        }
        AccountingRecord r = x.record;
        long delay = Math.max(0, (clock.millis() - r.eventMillis()) / 1000);
        List<RadiusAttribute> attrs = new ArrayList<>(r.attributes());
        attrs.add(RadiusAttribute.integer(RadiusAttribute.ACCT_DELAY_TIME, delay));
        x.id = id;
        x.request = RadiusPacket.accountingRequest(id, server.secret(), attrs);
        Counters c = counters(server.name());
        if (x.tries == 0) {
            c.sent++;
        } else {
            c.retransmitted++;
        }
        x.outcome.sending(server, x.tries);
        try {
            transport.send(x.to, x.request);
            EV.debug("VRRS/ACCT/EV: {} {} session {} {} {} ({}), id {}, delay {} s", r.group(), r.typeName(),
                    r.sessionId(), x.tries == 0 ? "sent to" : "retransmitted to", server.name(), server.endpoint(),
                    id, delay);
        } catch (IOException e) {
            ERR.debug("VRRS/ACCT/ERR: {} send to {} failed: {}", r.group(), server.name(), e.getMessage());
        }
        x.timer = scheduler.schedule(server.timeout(), () -> timedOut(x));
    }

    private void timedOut(Exchange x) {
        if (closed || x.over) {
            return;
        }
        release(x);
        RadiusServer server = x.server();
        String group = x.record.group();
        x.tries++;
        if (x.tries <= server.retransmit()) {
            ERR.debug("VRRS/ACCT/ERR: {} no response from {} ({}), retransmit {}/{}", group, server.name(),
                    server.endpoint(), x.tries, server.retransmit());
            transmit(x);
            return;
        }
        counters(server.name()).failed++;
        x.index++;
        x.tries = 0;
        if (x.index < x.route.size()) {
            ERR.debug("VRRS/ACCT/ERR: {} {} failed after {} tries, failing over to {}", group, server.name(),
                    server.retransmit() + 1, x.server().name());
            transmit(x);
            return;
        }
        x.over = true;
        x.outcome.everyServerFailed();
    }

    /** Frees the exchange's Identifier and cancels its timer. */
    private void release(Exchange x) {
        if (x.id >= 0) {
            IdSpace space = ids.get(x.to);
            if (space != null && space.slots[x.id] == x) {
                space.slots[x.id] = null;
            }
            x.id = -1;
        }
        if (x.timer != null) {
            x.timer.cancel();
            x.timer = null;
        }
    }

    private void response(InetSocketAddress from, byte[] datagram) {
        if (closed) {
            return;
        }
        IdSpace space = ids.get(from);
        int id = RadiusPacket.identifier(datagram, datagram.length);
        Exchange x = space == null || id < 0 ? null : space.slots[id];
        if (x == null) {
            unexpected++;
            ERR.debug("VRRS/ACCT/ERR: unexpected datagram from {} (id {}): no request outstanding, dropped", from, id);
            return;
        }
        RadiusServer server = x.server();
        switch (RadiusPacket.checkResponse(datagram, datagram.length, x.request, server.secret())) {
            case MALFORMED, NOT_A_RESPONSE -> {
                counters(server.name()).malformed++;
                ERR.debug("VRRS/ACCT/ERR: malformed response from {} id {}, dropped", server.name(), id);
            }
            case BAD_AUTHENTICATOR -> {
                counters(server.name()).badAuthenticator++;
                ERR.debug("VRRS/ACCT/ERR: response from {} id {} fails the Response Authenticator check (forged, "
                        + "or a different key), dropped", server.name(), id);
            }
            case OK -> {
                release(x);
                x.over = true;
                counters(server.name()).acknowledged++;
                AccountingRecord r = x.record;
                EV.debug("VRRS/ACCT/EV: {} {} session {} acknowledged by {}, id {}", r.group(), r.typeName(),
                        r.sessionId(), server.name(), id);
                x.outcome.acknowledged(server);
            }
        }
    }

    private Counters counters(String server) {
        return counters.computeIfAbsent(server, k -> new Counters());
    }

    /** Names of the servers with counters (a removed server keeps its counters). Scheduler thread. */
    Set<String> counted() {
        return counters.keySet();
    }

    /** A server's counters now. Scheduler thread. */
    Counts counts(String server) {
        Counters c = counters.get(server);
        return c == null ? Counts.NONE
                : new Counts(c.sent, c.acknowledged, c.retransmitted, c.failed, c.badAuthenticator, c.malformed);
    }

    /** Datagrams dropped because no request was outstanding for them. Scheduler thread. */
    long unexpected() {
        return unexpected;
    }

    /** Stops sending (tasks still queued on the scheduler do nothing); any thread. */
    void stop() {
        closed = true;
    }

    /** Stops and closes the transport: call once no task of the scheduler can be running any more. */
    @Override
    public void close() {
        stop();
        transport.close();
    }
}
