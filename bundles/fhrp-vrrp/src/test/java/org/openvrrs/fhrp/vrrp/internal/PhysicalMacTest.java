package org.openvrrs.fhrp.vrrp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvrrs.fhrp.vrrp.internal.SimulatedLanTest.MS;
import static org.openvrrs.fhrp.vrrp.internal.SimulatedLanTest.SECOND;
import static org.openvrrs.fhrp.vrrp.internal.SimulatedLanTest.VIP;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openvrrs.fhrp.vrrp.internal.VirtualRouter.State;
import org.openvrrs.net.api.ArpPacket;
import org.openvrrs.net.api.Frames;
import org.openvrrs.net.api.InterfaceAddress;
import org.openvrrs.vrrs.api.MacAddress;

/**
 * Physical-MAC mode ({@code useVirtualMac = false}) on the simulated LAN: hosts learn the Master's own MAC for the
 * virtual address, from its announcements and its ARP replies, and the new Master's after a failover.
 */
class PhysicalMacTest {
    static final MacAddress R1_MAC = MacAddress.parse("0200.0000.0101");
    static final MacAddress R2_MAC = MacAddress.parse("0200.0000.0102");
    static final MacAddress VMAC = MacAddress.parse("0000.5e00.0107");

    final SimulatedLanTest lan = new SimulatedLanTest();

    /** Router rN with group 7 at {@code priority}, switched to physical-MAC mode. */
    VrrpGroup router(int n, int priority) {
        VrrpGroup g = lan.router(n, priority);
        VrrpEngine.Handle handle = lan.handles.get(lan.handles.size() - 1);
        VrrpGroupConfig c = handle.group().config();
        lan.engine.reconfigure(handle, new VrrpGroupConfig(c.network(), c.interfaceName(), c.vrid(), c.family(),
                c.version(), c.addresses(), c.priority(), c.advertIntervalMillis(), c.preempt(),
                c.preemptDelaySeconds(), c.acceptMode(), c.shutdown(), c.description(), c.vrrsName(), c.checksum(),
                c.announcements(), false, c.authenticationText()));
        lan.clock.runUntilIdle();
        return g;
    }

    /** The MAC the host's ARP request for the virtual address is answered with, asked afresh. */
    Optional<MacAddress> arpedMac() {
        lan.host.forget(VIP);
        lan.host.arp(VIP);
        lan.clock.advance(MS);
        return lan.host.macFor(VIP);
    }

    /** The sender MACs of the gratuitous ARPs for the virtual address the host received since it was last cleared. */
    List<MacAddress> announcedMacs() {
        return lan.host.received().stream().map(Frames::parseArp).flatMap(Optional::stream)
                .filter(ArpPacket::isGratuitous).filter(a -> a.senderIp().equals(VIP))
                .map(ArpPacket::senderMac).distinct().toList();
    }

    /** The source MACs of the VRRP adverts (IP protocol 112) the host received. */
    List<MacAddress> advertSourceMacs() {
        return lan.host.received().stream()
                .filter(f -> f.length > 23 && f[12] == 0x08 && f[13] == 0x00 && f[23] == 112)
                .map(f -> MacAddress.of(Arrays.copyOfRange(f, 6, 12))).distinct().toList();
    }

    @Test
    void hostsLearnTheMastersOwnMacAndAfterAFailoverTheNewMasters() {
        VrrpGroup backup = router(1, 100);
        VrrpGroup master = router(2, 200);
        lan.host.clearReceived();
        lan.clock.advance(5 * SECOND);
        assertThat(master.status().state()).isEqualTo(State.MASTER);
        assertThat(arpedMac()).contains(R2_MAC);
        assertThat(advertSourceMacs()).containsExactly(R2_MAC);
        assertThat(master.status().virtualMac()).isEqualTo(R2_MAC);

        lan.host.clearReceived();
        lan.routers.get(1).stop();
        lan.clock.advance(4 * SECOND);
        assertThat(backup.status().state()).isEqualTo(State.MASTER);
        assertThat(announcedMacs()).containsExactly(R1_MAC); // the takeover's gratuitous ARPs
        assertThat(advertSourceMacs()).containsExactly(R1_MAC);
        assertThat(arpedMac()).contains(R1_MAC);
        assertThat(lan.routers.get(1).virtualAddresses("eth0")).isEmpty();
    }

    @Test
    void switchingTheModeWhileMasterMovesTheAddressAndTellsTheLan() {
        router(1, 100);
        VrrpEngine.Handle handle = lan.handles.get(0);
        lan.clock.advance(5 * SECOND);
        assertThat(arpedMac()).contains(R1_MAC);

        lan.host.clearReceived();
        VrrpGroupConfig c = handle.group().config();
        lan.engine.reconfigure(handle, new VrrpGroupConfig(c.network(), c.interfaceName(), c.vrid(), c.family(),
                c.version(), c.addresses(), c.priority(), c.advertIntervalMillis(), c.preempt(),
                c.preemptDelaySeconds(), c.acceptMode(), c.shutdown(), c.description(), c.vrrsName(), c.checksum(),
                c.announcements(), true, c.authenticationText()));
        lan.clock.runUntilIdle();
        assertThat(announcedMacs()).containsExactly(VMAC);
        assertThat(arpedMac()).contains(VMAC);
    }

    /** On Linux the Master's own virtual address shows on the interface as /32: that is not ownership (255). */
    @Test
    void theVirtualAddressOnTheInterfaceAsAHostAddressIsNotOwnershipButWithItsSubnetItIs() {
        VrrpGroup g = router(1, 100);
        lan.clock.advance(5 * SECOND);
        lan.routers.get(0).addAddress("eth0", InterfaceAddress.parse("192.0.2.1/32"));
        lan.clock.advance(MS);
        assertThat(g.status().priority()).isEqualTo(100);

        lan.routers.get(0).removeAddress("eth0", InterfaceAddress.parse("192.0.2.1/32"));
        lan.routers.get(0).addAddress("eth0", InterfaceAddress.parse("192.0.2.1/24"));
        lan.clock.advance(MS);
        assertThat(g.status().priority()).isEqualTo(255);
    }
}
