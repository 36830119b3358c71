package org.openvrrs.plugin.accounting.internal;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openvrrs.net.sim.VirtualScheduler;
import org.openvrrs.plugin.accounting.internal.radius.RadiusAttribute;
import org.openvrrs.plugin.accounting.internal.radius.RadiusPacket;
import org.openvrrs.plugin.accounting.internal.radius.RadiusTransport;

/**
 * A transport on a virtual clock: keeps what is sent, with the virtual time it left at, and answers only when a test
 * says so. Nothing reaches a network.
 */
final class ScriptedTransport implements RadiusTransport {
    /** A request as it left, at {@code millis} on the virtual clock. */
    record Sent(long millis, InetSocketAddress to, byte[] datagram) {
        long attribute(int type) {
            return attr(type).intValue();
        }

        String text(int type) {
            return attr(type).stringValue();
        }

        private RadiusAttribute attr(int type) {
            return RadiusPacket.attributes(datagram).stream().filter(a -> a.type() == type).findFirst()
                    .orElseThrow();
        }
    }

    final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final VirtualScheduler scheduler;
    private final Receiver receiver;

    ScriptedTransport(VirtualScheduler scheduler, Receiver receiver) {
        this.scheduler = scheduler;
        this.receiver = receiver;
    }

    @Override
    public void send(InetSocketAddress to, byte[] datagram) {
        sent.add(new Sent(scheduler.nanoTime() / 1_000_000, to, datagram.clone()));
    }

    /** The server answers {@code request} with a response signed by {@code secret}, at the current virtual time. */
    void answer(Sent request, String secret) {
        receiver.received(request.to(), Fixtures.response(request.datagram(), RadiusPacket.secret(secret)));
        scheduler.runUntilIdle();
    }

    /** The virtual times requests left at. */
    List<Long> times() {
        return sent.stream().map(Sent::millis).toList();
    }

    @Override
    public void close() {
    }
}
