package org.openvrrs.fhrp.vrrp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openvrrs.fhrp.vrrp.internal.SimulatedLanTest.ip;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openvrrs.fhrp.vrrp.api.VrrpEventListener;
import org.openvrrs.fhrp.vrrp.api.VrrpGroupView;
import org.openvrrs.fhrp.vrrp.api.VrrpState;
import org.openvrrs.net.api.InterfaceAddress;
import org.openvrrs.net.sim.SimLan;
import org.openvrrs.net.sim.SimRouter;
import org.openvrrs.net.sim.VirtualScheduler;
import org.openvrrs.vrrs.api.MacAddress;

/** VrrpEventListener services hear of a new Master and of protocol errors, off the protocol thread. */
class MonitorEventsTest {
    final VirtualScheduler clock = new VirtualScheduler();
    final SimLan lan = new SimLan("lan0", clock);
    final SimRouter router = new SimRouter("r1", clock);
    final SimRouter peer = new SimRouter("r2", clock); // runs no VRRP: sends the bad advert
    final VrrpEngine engine = new VrrpEngine(java.util.Map.of(), true);
    final List<String> heard = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();
    final VrrpEventListener listener = new VrrpEventListener() {
        @Override
        public void newMaster(VrrpGroupView group) {
            threads.add(Thread.currentThread().getName());
            heard.add("newMaster " + group.vrid() + " " + group.state());
        }

        @Override
        public void protocolError(VrrpGroupView group, int protoErrReason) {
            heard.add("protoError " + group.vrid() + " " + protoErrReason);
        }
    };

    MonitorEventsTest() {
        router.addInterface("eth0", lan, MacAddress.parse("0200.0000.0101"), InterfaceAddress.parse("192.0.2.2/24"));
        peer.addInterface("eth0", lan, MacAddress.parse("0200.0000.0102"), InterfaceAddress.parse("192.0.2.9/24"));
        engine.addNetwork("r1", router);
    }

    @AfterEach
    void close() {
        engine.events().close();
    }

    @Test
    void aTakeoverAndACorruptedAdvertReachTheListenerOnItsOwnThread() {
        engine.events().add(listener);
        engine.add(SimulatedLanTest.config("r1", 120, 3,
                org.openvrrs.vrrs.api.AddressFamily.IPV4, List.of(ip("192.0.2.1"))), (t, u) -> { });
        clock.advance(Duration.ofSeconds(5));
        await().atMost(Duration.ofSeconds(5)).until(() -> heard.contains("newMaster 7 " + VrrpState.MASTER));
        assertThat(threads).containsOnly("vrrp-events");

        byte[] corrupted = RouterDropCountersTest.v3Frame(7, ip("192.0.2.9"), ip("192.0.2.1"));
        corrupted[corrupted.length - 1] ^= 1;
        peer.send("eth0", corrupted);
        clock.runUntilIdle();
        await().atMost(Duration.ofSeconds(5)).until(() -> heard.contains("protoError 7 3"));
        assertThat(heard).containsExactly("newMaster 7 MASTER", "protoError 7 3");
    }

    @Test
    void withoutListenersNothingIsQueuedAndARemovedListenerHearsNothingMore() {
        engine.events().add(listener);
        engine.events().remove(listener);
        engine.add(SimulatedLanTest.config("r1", 120, 3, org.openvrrs.vrrs.api.AddressFamily.IPV4,
                List.of(ip("192.0.2.1"))), (t, u) -> { });
        clock.advance(Duration.ofSeconds(5));
        assertThat(heard).isEmpty();
    }
}
