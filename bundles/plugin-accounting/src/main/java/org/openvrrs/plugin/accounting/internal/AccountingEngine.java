package org.openvrrs.plugin.accounting.internal;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.openvrrs.plugin.accounting.internal.queue.AccountingRecord;
import org.openvrrs.plugin.accounting.internal.queue.DurableQueue;
import org.openvrrs.plugin.accounting.internal.radius.RadiusAttribute;
import org.openvrrs.plugin.accounting.internal.radius.RadiusPacket;
import org.openvrrs.plugin.accounting.internal.radius.RadiusTransport;
import org.openvrrs.vrrs.api.DebugLoggers;
import org.openvrrs.vrrs.api.GroupState;
import org.openvrrs.vrrs.api.VrrsClient;
import org.openvrrs.vrrs.api.VrrsState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accounting plug-in without OSGi: a {@link VrrsClient} that turns transitions into Accounting-On/Off records,
 * writes them to the {@link DurableQueue} before returning, and delivers them to RADIUS servers.
 *
 * <p>Delivery: one thread owns every piece of delivery state. Each group has at most one record in flight, so
 * records of a group reach the server in queue order; groups proceed independently. A record goes to the servers of
 * its group's method list in order: each server gets {@code 1 + retransmit} tries of {@code timeout} each (every try
 * a new packet: new Identifier and Request Authenticator, current Acct-Delay-Time), then the next server, then the
 * next server group. When every server failed the record stays at the head of its group's queue and the whole list
 * is tried again after the retry interval. A record leaves the queue only when a response passes the Response
 * Authenticator check.
 */
public final class AccountingEngine implements VrrsClient, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AccountingEngine.class);
    private static final Logger EV = LoggerFactory.getLogger(DebugLoggers.name("accounting", "events"));
    private static final Logger ERR = LoggerFactory.getLogger(DebugLoggers.name("accounting", "errors"));
    /** The Cisco AV-pair naming the group: {@code vrrs=NAME}. */
    public static final String VSA_PREFIX = "vrrs=";
    /** NAS-Identifier sent when no IPv4 NAS-IP-Address is known. */
    public static final String NAS_IDENTIFIER = "openvrrs";
    private static final long ID_BUSY_RETRY_MILLIS = 5;

    private final DurableQueue queue;
    private final Clock clock;
    private final ScheduledThreadPoolExecutor exec;
    private final RadiusTransport transport;
    private volatile AccountingModel model;
    private volatile boolean closed;

    // callback side (one callback at a time per client; guarded by this for safety)
    private final Map<String, VrrsState> lastState = new HashMap<>();
    private final Map<String, Inet4Address> lastNasIp = new HashMap<>();

    // delivery side: only touched on exec's thread
    private final Map<String, GroupQueue> groups = new TreeMap<>();
    private final Map<String, Counters> counters = new TreeMap<>();
    private final Map<InetSocketAddress, IdSpace> ids = new HashMap<>();
    private long unexpected;

    /**
     * Opens the engine on {@code queue}, re-queueing what it holds, and the transport made by {@code transports}.
     */
    public AccountingEngine(DurableQueue queue, AccountingModel model, Clock clock,
            Function<RadiusTransport.Receiver, RadiusTransport> transports) {
        this.queue = queue;
        this.model = model;
        this.clock = clock;
        this.exec = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "openvrrs-accounting");
            t.setDaemon(true);
            return t;
        });
        exec.setRemoveOnCancelPolicy(true);
        this.transport = transports.apply(this::received);
        List<AccountingRecord> loaded = queue.loaded();
        if (!loaded.isEmpty()) {
            LOG.info("Accounting: {} queued record(s) found in {}, delivering", loaded.size(), queue.directory());
        }
        run(() -> loaded.forEach(this::enqueue));
    }

    public void setModel(AccountingModel m) {
        model = m;
        run(() -> groups.values().forEach(g -> {
            if (g.current == null) {
                cancelWake(g);
                pump(g);
            }
        }));
    }

    public AccountingModel model() {
        return model;
    }

    // ---- the VRRS client side

    @Override
    public void groupChanged(GroupState s) {
        AccountingRecord r;
        synchronized (this) {
            VrrsState prev = lastState.put(s.group(), s.state());
            Inet4Address own = ownAddress(s); // noted on every update, for an Off to INIT after an unaccounted On
            boolean on = s.state() == VrrsState.ACTIVE && prev != VrrsState.ACTIVE;
            boolean off = s.state() != VrrsState.ACTIVE && prev == VrrsState.ACTIVE;
            if (!on && !off) {
                return;
            }
            AccountingModel m = model;
            if (m.methodList(s.group()).isEmpty()) {
                EV.debug("VRRS/ACCT/EV: {} {} -> {}, no accounting method list ({}), no record", s.group(),
                        prev == null ? VrrsState.INIT : prev, s.state(), m.settings(s.group()).methodList());
                return;
            }
            r = record(m, s, on, own);
        }
        try {
            queue.append(r);
        } catch (IOException e) {
            // still sent from memory, but would not survive a restart: say so loudly
            LOG.error("Accounting: cannot write {} of {} to {}: {}", r.typeName(), r.group(), queue.directory(),
                    e.getMessage());
            ERR.debug("VRRS/ACCT/ERR: {} {} session {} not written to disk: {}", r.group(), r.typeName(),
                    r.sessionId(), e.getMessage());
        }
        EV.debug("VRRS/ACCT/EV: {} -> {}, {} queued, session {}{}", s.group(), s.state(), r.typeName(),
                r.sessionId(), r.notBeforeMillis() > r.eventMillis()
                        ? ", sent in " + (r.notBeforeMillis() - r.eventMillis()) / 1000 + " s" : "");
        run(() -> enqueue(r));
    }

    private AccountingRecord record(AccountingModel m, GroupState s, boolean on, Inet4Address own) {
        long now = clock.millis();
        long seq = queue.nextSeq();
        String session = Long.toHexString(now).toUpperCase(Locale.ROOT) + "-" + seq;
        List<RadiusAttribute> attrs = new ArrayList<>();
        Inet4Address nas = m.nasIp() != null ? m.nasIp() : own;
        if (nas != null) {
            attrs.add(RadiusAttribute.address(RadiusAttribute.NAS_IP_ADDRESS, nas));
        } else {
            attrs.add(RadiusAttribute.string(RadiusAttribute.NAS_IDENTIFIER, NAS_IDENTIFIER));
        }
        attrs.add(RadiusAttribute.ciscoAvPair(VSA_PREFIX + s.group()));
        int type = on ? AccountingRecord.ACCOUNTING_ON : AccountingRecord.ACCOUNTING_OFF;
        attrs.add(RadiusAttribute.integer(RadiusAttribute.ACCT_STATUS_TYPE, type));
        attrs.add(RadiusAttribute.string(RadiusAttribute.ACCT_SESSION_ID, session));
        attrs.addAll(m.extraAttributes(s.group()));
        long notBefore = on ? now : now + m.settings(s.group()).delay().toMillis();
        return new AccountingRecord(seq, s.group(), type, session, now, notBefore, attrs);
    }

    /** This member's own IPv4 interface address in the group (remembered from the On for an Off to INIT). */
    private Inet4Address ownAddress(GroupState s) {
        InetAddress a = s.state() == VrrsState.ACTIVE ? s.activeAddress() : s.standbyAddress();
        if (a instanceof Inet4Address v4 && !v4.isAnyLocalAddress()) {
            lastNasIp.put(s.group(), v4);
            return v4;
        }
        return lastNasIp.get(s.group());
    }

    // ---- delivery (exec's thread)

    private static final class GroupQueue {
        final String name;
        final ArrayDeque<AccountingRecord> pending = new ArrayDeque<>();
        Attempt current;
        ScheduledFuture<?> wake;
        AccountingRecord last;
        String lastResult = "";

        GroupQueue(String name) {
            this.name = name;
        }
    }

    private static final class Attempt {
        final AccountingRecord record;
        final List<RadiusServer> route;
        int index;
        int tries;
        int id = -1;
        InetSocketAddress to;
        byte[] request;
        ScheduledFuture<?> timeout;

        Attempt(AccountingRecord record, List<RadiusServer> route) {
            this.record = record;
            this.route = route;
        }

        RadiusServer server() {
            return route.get(index);
        }
    }

    /** RADIUS identifiers of one server address: 256 slots, handed out round-robin, skipping those in flight. */
    private static final class IdSpace {
        final Attempt[] slots = new Attempt[256];
        int next;

        int allocate(Attempt a) {
            for (int i = 0; i < 256; i++) {
                int id = (next + i) & 0xff;
                if (slots[id] == null) {
                    slots[id] = a;
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

    private void enqueue(AccountingRecord r) {
        GroupQueue g = groups.computeIfAbsent(r.group(), GroupQueue::new);
        g.pending.add(r);
        g.last = r;
        g.lastResult = "queued";
        pump(g);
    }

    private void pump(GroupQueue g) {
        if (closed || g.current != null || g.wake != null || g.pending.isEmpty()) {
            return;
        }
        AccountingRecord r = g.pending.peek();
        long wait = r.notBeforeMillis() - clock.millis();
        if (wait > 0) {
            wakeIn(g, wait);
            return;
        }
        AccountingModel m = model;
        List<RadiusServer> route = m.route(r.group());
        if (route.isEmpty()) {
            ERR.debug("VRRS/ACCT/ERR: {} no RADIUS server in method list {}: {} record(s) stay queued", g.name,
                    m.settings(r.group()).methodList(), g.pending.size());
            wakeIn(g, m.retryInterval().toMillis());
            return;
        }
        g.current = new Attempt(r, route);
        transmit(g, g.current);
    }

    private void wakeIn(GroupQueue g, long millis) {
        g.wake = exec.schedule(() -> {
            g.wake = null;
            pump(g);
        }, millis, TimeUnit.MILLISECONDS);
    }

    private void cancelWake(GroupQueue g) {
        if (g.wake != null) {
            g.wake.cancel(false);
            g.wake = null;
        }
    }

    private void transmit(GroupQueue g, Attempt a) {
        if (closed || g.current != a) {
            return;
        }
        RadiusServer server = a.server();
        a.to = server.socketAddress();
        IdSpace space = ids.computeIfAbsent(a.to, k -> new IdSpace());
        int id = space.allocate(a);
        if (id < 0) { // 256 requests in flight to this server: wait for one to finish
            exec.schedule(() -> transmit(g, a), ID_BUSY_RETRY_MILLIS, TimeUnit.MILLISECONDS);
            return;
        }
        AccountingRecord r = a.record;
        long delay = Math.max(0, (clock.millis() - r.eventMillis()) / 1000);
        List<RadiusAttribute> attrs = new ArrayList<>(r.attributes());
        attrs.add(RadiusAttribute.integer(RadiusAttribute.ACCT_DELAY_TIME, delay));
        a.id = id;
        a.request = RadiusPacket.accountingRequest(id, server.secret(), attrs);
        Counters c = counters(server.name());
        if (a.tries == 0) {
            c.sent++;
        } else {
            c.retransmitted++;
        }
        g.lastResult = "sending to " + server.name() + (a.tries > 0 ? " (try " + (a.tries + 1) + ")" : "");
        try {
            transport.send(a.to, a.request);
            EV.debug("VRRS/ACCT/EV: {} {} session {} {} {} ({}), id {}, delay {} s", g.name, r.typeName(),
                    r.sessionId(), a.tries == 0 ? "sent to" : "retransmitted to", server.name(), server.endpoint(),
                    id, delay);
        } catch (IOException e) {
            ERR.debug("VRRS/ACCT/ERR: {} send to {} failed: {}", g.name, server.name(), e.getMessage());
        }
        a.timeout = exec.schedule(() -> timedOut(g, a), server.timeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void release(Attempt a) {
        if (a.id >= 0) {
            IdSpace space = ids.get(a.to);
            if (space != null && space.slots[a.id] == a) {
                space.slots[a.id] = null;
            }
            a.id = -1;
        }
        if (a.timeout != null) {
            a.timeout.cancel(false);
            a.timeout = null;
        }
    }

    private void timedOut(GroupQueue g, Attempt a) {
        if (closed || g.current != a) {
            return;
        }
        a.timeout = null;
        release(a);
        RadiusServer server = a.server();
        a.tries++;
        if (a.tries <= server.retransmit()) {
            ERR.debug("VRRS/ACCT/ERR: {} no response from {} ({}), retransmit {}/{}", g.name, server.name(),
                    server.endpoint(), a.tries, server.retransmit());
            transmit(g, a);
            return;
        }
        counters(server.name()).failed++;
        a.index++;
        a.tries = 0;
        if (a.index < a.route.size()) {
            ERR.debug("VRRS/ACCT/ERR: {} {} failed after {} tries, failing over to {}", g.name, server.name(),
                    server.retransmit() + 1, a.server().name());
            transmit(g, a);
            return;
        }
        long retry = model.retryInterval().toMillis();
        ERR.debug("VRRS/ACCT/ERR: {} every server of the method list failed: {} record(s) stay queued, retry in {} s",
                g.name, g.pending.size(), retry / 1000);
        g.current = null;
        g.lastResult = "queued, every server failed";
        wakeIn(g, retry);
    }

    private void received(InetSocketAddress from, byte[] datagram) {
        run(() -> response(from, datagram));
    }

    private void response(InetSocketAddress from, byte[] datagram) {
        IdSpace space = ids.get(from);
        int id = RadiusPacket.identifier(datagram, datagram.length);
        Attempt a = space == null || id < 0 ? null : space.slots[id];
        if (a == null) {
            unexpected++;
            ERR.debug("VRRS/ACCT/ERR: unexpected datagram from {} (id {}): no request outstanding, dropped", from, id);
            return;
        }
        RadiusServer server = a.server();
        GroupQueue g = groups.get(a.record.group());
        switch (RadiusPacket.checkResponse(datagram, datagram.length, a.request, server.secret())) {
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
                release(a);
                counters(server.name()).acknowledged++;
                AccountingRecord r = a.record;
                try {
                    queue.remove(r);
                } catch (IOException e) {
                    LOG.error("Accounting: cannot remove acknowledged record {} from {}: {}", r.seq(),
                            queue.directory(), e.getMessage());
                }
                g.pending.remove(r);
                g.current = null;
                g.lastResult = "acknowledged by " + server.name();
                EV.debug("VRRS/ACCT/EV: {} {} session {} acknowledged by {}, id {}", g.name, r.typeName(),
                        r.sessionId(), server.name(), id);
                pump(g);
            }
        }
    }

    private Counters counters(String server) {
        return counters.computeIfAbsent(server, k -> new Counters());
    }

    private void run(Runnable task) {
        try {
            exec.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("Accounting: internal error", e);
                }
            });
        } catch (RejectedExecutionException e) {
            // closed: what was queued stays on disk for the next start
        }
    }

    // ---- status

    /** A consistent snapshot, taken on the delivery thread. */
    public AccountingStatus status() {
        try {
            return exec.submit(this::snapshot).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            throw new IllegalStateException("accounting status unavailable: " + e);
        }
    }

    private AccountingStatus snapshot() {
        AccountingModel m = model;
        Map<String, Integer> queuedBy = new HashMap<>();
        List<AccountingStatus.Group> gs = new ArrayList<>();
        int total = 0;
        for (GroupQueue g : groups.values()) {
            total += g.pending.size();
            if (!g.pending.isEmpty()) {
                String target = g.current != null ? g.current.server().name()
                        : m.route(g.name).stream().findFirst().map(RadiusServer::name).orElse("");
                queuedBy.merge(target, g.pending.size(), Integer::sum);
            }
            AccountingRecord r = g.last;
            gs.add(new AccountingStatus.Group(g.name, g.pending.size(), r == null ? "" : r.typeName(),
                    r == null ? "" : r.sessionId(), r == null ? 0 : r.eventMillis(), g.lastResult));
        }
        TreeSet<String> names = new TreeSet<>(m.servers().keySet());
        names.addAll(counters.keySet());
        List<AccountingStatus.Server> ss = new ArrayList<>();
        for (String n : names) {
            Counters c = counters.getOrDefault(n, new Counters());
            RadiusServer s = m.servers().get(n);
            ss.add(new AccountingStatus.Server(n, s == null ? "(removed)" : s.endpoint(), c.sent, c.acknowledged,
                    c.retransmitted, c.failed, c.badAuthenticator, c.malformed, queuedBy.getOrDefault(n, 0)));
        }
        return new AccountingStatus(ss, gs, total, unexpected, queue.directory().toString());
    }

    @Override
    public void close() {
        closed = true;
        exec.shutdownNow();
        try {
            exec.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        transport.close();
    }
}
