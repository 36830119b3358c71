package org.openvrrs.plugin.accounting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openvrrs.plugin.accounting.internal.Fixtures.factories;
import static org.openvrrs.plugin.accounting.internal.Fixtures.map;
import static org.openvrrs.plugin.accounting.internal.Fixtures.server;
import static org.openvrrs.plugin.accounting.internal.Fixtures.state;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openvrrs.plugin.accounting.internal.queue.DurableQueue;
import org.openvrrs.plugin.accounting.internal.radius.MinaTransport;
import org.openvrrs.plugin.accounting.internal.radius.RadiusAttribute;
import org.openvrrs.plugin.accounting.internal.radius.RadiusPacket;
import org.openvrrs.vrrs.api.VrrsState;

/** The engine against a scripted UDP responder on 127.0.0.1 (no FreeRADIUS needed). */
class AccountingEngineTest {
    private static final byte[] SECRET = RadiusPacket.secret("s3cret");
    @TempDir
    Path dir;
    private Responder responder;
    private AccountingEngine engine;

    /** Receives requests; answers each with a response signed by {@code key}, or not at all while it is null. */
    private static final class Responder extends Thread implements AutoCloseable {
        final DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        final List<byte[]> requests = new CopyOnWriteArrayList<>();
        volatile byte[] key;

        Responder(byte[] key) throws SocketException {
            this.key = key;
            setDaemon(true);
            start();
        }

        @Override
        public void run() {
            byte[] buf = new byte[4096];
            while (!socket.isClosed()) {
                try {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    socket.receive(p);
                    byte[] req = Arrays.copyOf(p.getData(), p.getLength());
                    requests.add(req);
                    byte[] k = key;
                    if (k != null) {
                        byte[] signed = Fixtures.response(req, k);
                        socket.send(new DatagramPacket(signed, signed.length, p.getSocketAddress()));
                    }
                } catch (Exception e) {
                    return;
                }
            }
        }

        @Override
        public void close() {
            socket.close();
        }
    }

    @AfterEach
    void tearDown() {
        if (engine != null) {
            engine.close();
        }
        if (responder != null) {
            responder.close();
        }
    }

    private AccountingEngine start(int retransmit) throws Exception {
        AccountingModel m = ConfigParser.parse(map("retryInterval", 1), factories(
                ConfigParser.SERVER_PID, server("rad1", responder.socket.getLocalPort(), "s3cret", 1, retransmit),
                ConfigParser.METHOD_LIST_PID, map("name", "default", "groups", "radius")));
        engine = new AccountingEngine(new DurableQueue(dir), m, Clock.systemUTC(), MinaTransport::new);
        return engine;
    }

    @Test
    void misKeyedResponsesAreDroppedAndCountedAndTheRecordStaysQueued() throws Exception {
        responder = new Responder(RadiusPacket.secret("not-ours"));
        start(1).groupChanged(state("G", VrrsState.BACKUP, VrrsState.ACTIVE));

        await().atMost(Duration.ofSeconds(10)).until(() -> engine.status().servers().get(0).failed() >= 1);
        AccountingStatus.Server s = engine.status().servers().get(0);
        assertThat(s.badAuthenticator()).isGreaterThanOrEqualTo(2);
        assertThat(s.acknowledged()).isZero();
        assertThat(engine.status().queued()).isEqualTo(1);

        responder.key = SECRET; // the key is fixed on the server: the record goes out on the next retry
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.status().queued() == 0);
        assertThat(engine.status().servers().get(0).acknowledged()).isEqualTo(1);
    }

    @Test
    void aRetransmissionIsANewPacketWithTheSameSession() throws Exception {
        responder = new Responder(null); // silent
        start(2).groupChanged(state("G", VrrsState.BACKUP, VrrsState.ACTIVE));
        await().atMost(Duration.ofSeconds(10)).until(() -> responder.requests.size() >= 3);
        List<byte[]> r = responder.requests.subList(0, 3);
        assertThat(r).extracting(p -> p[1]).doesNotHaveDuplicates();
        assertThat(r).extracting(p -> Arrays.toString(Arrays.copyOfRange(p, 4, 20))).doesNotHaveDuplicates();
        assertThat(r).allSatisfy(p -> assertThat(RadiusPacket.requestAuthenticatorValid(p, SECRET)).isTrue());
        assertThat(r).extracting(p -> session(p)).containsOnly(session(r.get(0)));
        assertThat(delay(r.get(1))).isGreaterThanOrEqualTo(1); // waited a timeout of 1 s
        assertThat(engine.status().servers().get(0).retransmitted()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void onlyTransitionsToAndFromActiveMakeRecords() throws Exception {
        responder = new Responder(SECRET);
        AccountingEngine e = start(1);
        e.groupChanged(state("G", VrrsState.INIT, VrrsState.BACKUP));
        e.groupChanged(state("G", VrrsState.BACKUP, VrrsState.INIT));
        e.groupChanged(state("G", VrrsState.INIT, VrrsState.ACTIVE));
        e.groupChanged(state("G", VrrsState.ACTIVE, VrrsState.ACTIVE)); // an update without a transition
        e.groupChanged(state("G", VrrsState.ACTIVE, VrrsState.INIT));
        await().atMost(Duration.ofSeconds(10)).until(() -> e.status().queued() == 0 && responder.requests.size() == 2);
        assertThat(responder.requests).extracting(p -> status(p)).containsExactly(7L, 8L);
    }

    private static String session(byte[] p) {
        return attr(p, RadiusAttribute.ACCT_SESSION_ID).stringValue();
    }

    private static long delay(byte[] p) {
        return attr(p, RadiusAttribute.ACCT_DELAY_TIME).intValue();
    }

    private static long status(byte[] p) {
        return attr(p, RadiusAttribute.ACCT_STATUS_TYPE).intValue();
    }

    private static RadiusAttribute attr(byte[] p, int type) {
        return RadiusPacket.attributes(p).stream().filter(a -> a.type() == type).findFirst().orElseThrow();
    }
}
