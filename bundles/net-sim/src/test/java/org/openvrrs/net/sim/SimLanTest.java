package org.openvrrs.net.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvrrs.net.sim.SimTestLan.MAC1;
import static org.openvrrs.net.sim.SimTestLan.MAC2;
import static org.openvrrs.net.sim.SimTestLan.R1_IP;
import static org.openvrrs.net.sim.SimTestLan.VIP;
import static org.openvrrs.net.sim.SimTestLan.VMAC;
import static org.openvrrs.net.sim.SimTestLan.record;
import static org.openvrrs.net.sim.SimTestLan.vrrp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openvrrs.net.api.FrameKind;
import org.openvrrs.net.api.Frames;
import org.openvrrs.net.api.Registration;

class SimLanTest {
    private final SimTestLan net = new SimTestLan();

    @Test
    void deliversToEveryoneButTheSender() {
        List<String> at1 = record(net.r1, "eth0", FrameKind.VRRP);
        List<String> at2 = record(net.r2, "eth0", FrameKind.VRRP);
        List<String> at3 = record(net.r3, "eth0", FrameKind.VRRP);

        net.r1.send("eth0", vrrp(MAC1));
        assertThat(at2).as("delivered as a scheduler task, not inline").isEmpty();
        net.clock.runUntilIdle();

        assertThat(at1).isEmpty();
        assertThat(at2).containsExactly("eth0 VRRP from " + MAC1);
        assertThat(at3).containsExactly("eth0 VRRP from " + MAC1);
        assertThat(net.lan.transmitted()).isEqualTo(1);
        assertThat(net.lan.delivered()).isEqualTo(2);
    }

    @Test
    void listenersGetOnlyTheirKind() {
        List<String> arp = record(net.r2, "eth0", FrameKind.ARP);
        List<String> vrrp = record(net.r2, "eth0", FrameKind.VRRP);
        List<String> nd = record(net.r2, "eth0", FrameKind.NEIGHBOR_DISCOVERY);

        net.r1.send("eth0", vrrp(MAC1));
        net.r1.sendGratuitousArp("eth0", VIP, VMAC);
        net.r1.send("eth0", SimTestLan.ipv4(Frames.BROADCAST, MAC1, 17)); // UDP: no kind
        net.clock.runUntilIdle();

        assertThat(vrrp).containsExactly("eth0 VRRP from " + MAC1);
        assertThat(arp).containsExactly("eth0 ARP from " + VMAC);
        assertThat(nd).isEmpty();
    }

    @Test
    void unicastGoesOnlyToTheOwnerOfTheMacOrItsFilter() {
        List<String> at2 = record(net.r2, "eth0", FrameKind.VRRP);
        List<String> at3 = record(net.r3, "eth0", FrameKind.VRRP);

        net.r1.send("eth0", SimTestLan.ipv4(MAC2, MAC1, 112));
        net.r1.send("eth0", SimTestLan.ipv4(VMAC, MAC1, 112));
        net.clock.runUntilIdle();
        assertThat(at2).hasSize(1);
        assertThat(at3).isEmpty();

        net.r3.addMacFilter("eth0", VMAC);
        net.r1.send("eth0", SimTestLan.ipv4(VMAC, MAC1, 112));
        net.clock.runUntilIdle();
        assertThat(at3).hasSize(1);
        assertThat(at2).hasSize(1);
    }

    @Test
    void downInterfacesNeitherSendNorReceive() {
        List<String> at1 = record(net.r1, "eth0", FrameKind.VRRP);
        List<String> at2 = record(net.r2, "eth0", FrameKind.VRRP);

        net.r2.setAdminState("eth0", false);
        net.r1.send("eth0", vrrp(MAC1));
        net.r2.send("eth0", vrrp(MAC2));
        net.clock.runUntilIdle();
        assertThat(at1).isEmpty();
        assertThat(at2).isEmpty();

        net.r2.setAdminState("eth0", true);
        net.r2.setLink("eth0", false);
        net.r1.send("eth0", vrrp(MAC1));
        net.clock.runUntilIdle();
        assertThat(at2).isEmpty();

        net.r2.setLink("eth0", true);
        net.r2.setLineProtocol("eth0", false);
        net.r2.send("eth0", vrrp(MAC2));
        net.clock.runUntilIdle();
        assertThat(at1).isEmpty();

        net.r2.setLineProtocol("eth0", true);
        net.r2.send("eth0", vrrp(MAC2));
        net.clock.runUntilIdle();
        assertThat(at1).containsExactly("eth0 VRRP from " + MAC2);
    }

    @Test
    void framesArriveAfterTheDelayStampedWithArrivalTime() {
        List<Long> arrivals = new ArrayList<>();
        net.r2.receive("eth0", FrameKind.VRRP, (name, frame, nanos) -> arrivals.add(nanos));
        net.lan.setDelay(Duration.ofMillis(5));

        net.r1.send("eth0", vrrp(MAC1));
        net.clock.advance(Duration.ofMillis(4));
        assertThat(arrivals).isEmpty();
        net.clock.advance(Duration.ofMillis(1));
        assertThat(arrivals).containsExactly(Duration.ofMillis(5).toNanos());
    }

    @Test
    void dropsTheNextFrames() {
        List<String> at2 = record(net.r2, "eth0", FrameKind.VRRP);
        net.lan.dropNext(2);
        for (int i = 0; i < 3; i++) {
            net.r1.send("eth0", vrrp(MAC1));
        }
        net.clock.runUntilIdle();
        assertThat(at2).hasSize(1);
        assertThat(net.lan.dropped()).isEqualTo(2);
        assertThat(net.lan.transmitted()).isEqualTo(1);
    }

    @Test
    void dropsFramesMatchingARuleUntilItIsClosed() {
        List<String> vrrpAt3 = record(net.r3, "eth0", FrameKind.VRRP);
        List<String> arpAt3 = record(net.r3, "eth0", FrameKind.ARP);
        Registration rule = net.lan.dropMatching(SimLan.framesOf(FrameKind.VRRP, MAC1));

        net.r1.send("eth0", vrrp(MAC1));
        net.r2.send("eth0", vrrp(MAC2));
        net.r1.sendGratuitousArp("eth0", R1_IP, MAC1);
        net.clock.runUntilIdle();
        assertThat(vrrpAt3).containsExactly("eth0 VRRP from " + MAC2);
        assertThat(arpAt3).containsExactly("eth0 ARP from " + MAC1);
        assertThat(net.lan.dropped()).isEqualTo(1);

        rule.close();
        net.r1.send("eth0", vrrp(MAC1));
        net.clock.runUntilIdle();
        assertThat(vrrpAt3).containsExactly("eth0 VRRP from " + MAC2, "eth0 VRRP from " + MAC1);
    }
}
