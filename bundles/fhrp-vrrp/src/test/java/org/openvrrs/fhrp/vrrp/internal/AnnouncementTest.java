package org.openvrrs.fhrp.vrrp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openvrrs.fhrp.vrrp.internal.SimulatedLanTest.MS;
import static org.openvrrs.fhrp.vrrp.internal.SimulatedLanTest.SECOND;
import static org.openvrrs.fhrp.vrrp.internal.SimulatedLanTest.VIP;
import static org.openvrrs.fhrp.vrrp.internal.SimulatedLanTest.ip;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openvrrs.fhrp.vrrp.internal.VirtualRouter.State;
import org.openvrrs.fhrp.vrrp.internal.packet.Ipv4ChecksumMode;
import org.openvrrs.fhrp.vrrp.internal.packet.VrrpAdvert;
import org.openvrrs.fhrp.vrrp.internal.packet.VrrpCodec;
import org.openvrrs.net.api.ArpPacket;
import org.openvrrs.net.api.Frames;
import org.openvrrs.vrrs.api.AddressFamily;
import org.openvrrs.vrrs.api.MacAddress;

/**
 * A Master's gratuitous ARPs as a host on the simulated LAN sees them, on the virtual clock: how many at takeover,
 * the second round, the refresh, the repeat on hearing a lower priority, and nothing once the router left Master.
 */
class AnnouncementTest {
    /** The Master_Down_Interval of a priority-100 router at 1 s: when a lone router takes over. */
    static final long TAKEOVER = 3 * SECOND + (256L - 100) * SECOND / 256;
    static final InetAddress VIP2 = ip("192.0.2.50");
    static final MacAddress VMAC = MacAddress.parse("0000.5e00.0107");

    final SimulatedLanTest lan = new SimulatedLanTest();

    /** Router rN with group 7 at {@code priority}, announcing as {@code announcements} say. */
    VrrpGroup router(int n, int priority, Announcer.Settings announcements, InetAddress... vips) {
        VrrpGroup g = lan.router(n, priority, 3, AddressFamily.IPV4, List.of(vips));
        announcing(lan.handles.get(lan.handles.size() - 1), announcements);
        return g;
    }

    /** Changes the announcements of a running group, nothing else. */
    void announcing(VrrpEngine.Handle handle, Announcer.Settings announcements) {
        VrrpGroupConfig c = handle.group().config();
        lan.engine.reconfigure(handle, new VrrpGroupConfig(c.network(), c.interfaceName(), c.vrid(), c.family(),
                c.version(), c.addresses(), c.priority(), c.advertIntervalMillis(), c.preempt(),
                c.preemptDelaySeconds(), c.acceptMode(), c.shutdown(), c.description(), c.vrrsName(), c.checksum(),
                announcements, c.useVirtualMac(), c.authenticationText()));
        lan.clock.runUntilIdle();
    }

    /** Gratuitous ARPs for {@code ip} with the virtual MAC the host has received so far. */
    long garps(InetAddress ip) {
        return lan.host.received().stream().map(Frames::parseArp).flatMap(Optional::stream)
                .filter(ArpPacket::isGratuitous)
                .filter(a -> a.senderIp().equals(ip) && a.senderMac().equals(VMAC)).count();
    }

    /** A priority-50 advert for group 7 from 192.0.2.9, a router that believes it is Master, put on the LAN. */
    void sendLowerPriorityAdvert() {
        VrrpAdvert lower = VrrpAdvert.v3(7, 50, ip("192.0.2.9"), List.of(VIP), 100);
        byte[] frame = new byte[VrrpCodec.frameLength(lower)];
        VrrpCodec.encodeInto(frame, lower, VMAC, Ipv4ChecksumMode.PSEUDO_HEADER);
        lan.host.send(frame);
    }

    @Test
    void keepalivedsDefaultsFiveAtTakeoverAndFiveMoreFiveSecondsLaterPerAddress() {
        VrrpGroup g = router(1, 100, Announcer.Settings.DEFAULTS, VIP, VIP2);
        lan.clock.advance(TAKEOVER - MS);
        assertThat(g.status().state()).isEqualTo(State.BACKUP);
        assertThat(garps(VIP)).isZero();

        lan.clock.advance(MS); // takes over now
        assertThat(g.status().state()).isEqualTo(State.MASTER);
        assertThat(garps(VIP)).isEqualTo(5);
        assertThat(garps(VIP2)).isEqualTo(5);

        lan.clock.advance(5 * SECOND - MS);
        assertThat(garps(VIP)).isEqualTo(5);
        lan.clock.advance(MS);
        assertThat(garps(VIP)).isEqualTo(10);
        assertThat(garps(VIP2)).isEqualTo(10);

        lan.clock.advance(120 * SECOND); // no refresh by default
        assertThat(garps(VIP)).isEqualTo(10);
    }

    @Test
    void theRefreshRepeatsOneAnnouncementWhileMasterAndStopsWithIt() {
        router(1, 100, new Announcer.Settings(1, 0, 10, 0), VIP);
        lan.clock.advance(TAKEOVER);
        assertThat(garps(VIP)).isEqualTo(1);
        lan.clock.advance(10 * SECOND - MS);
        assertThat(garps(VIP)).isEqualTo(1);
        lan.clock.advance(MS);
        assertThat(garps(VIP)).isEqualTo(2);
        lan.clock.advance(10 * SECOND);
        assertThat(garps(VIP)).isEqualTo(3);

        lan.engine.remove(lan.handles.get(0)); // resigns: Master no more
        lan.clock.advance(60 * SECOND);
        assertThat(garps(VIP)).isEqualTo(3);
        assertThat(lan.clock.failures()).isEmpty();
    }

    @Test
    void aRefreshConfiguredWhileMasterStartsFromTheChange() {
        router(1, 100, new Announcer.Settings(1, 0, 0, 0), VIP);
        lan.clock.advance(TAKEOVER + 30 * SECOND);
        assertThat(garps(VIP)).isEqualTo(1);

        announcing(lan.handles.get(0), new Announcer.Settings(1, 0, 4, 0));
        lan.clock.advance(4 * SECOND - MS);
        assertThat(garps(VIP)).isEqualTo(1);
        lan.clock.advance(MS);
        assertThat(garps(VIP)).isEqualTo(2);
    }

    @Test
    void leavingMasterCancelsTheSecondRound() {
        VrrpGroup g = router(1, 100, new Announcer.Settings(3, 5, 0, 0), VIP);
        lan.clock.advance(TAKEOVER);
        assertThat(garps(VIP)).isEqualTo(3);
        lan.clock.advance(2 * SECOND);
        lan.engine.remove(lan.handles.get(0));
        lan.clock.advance(10 * SECOND);
        assertThat(g.status().state()).isEqualTo(State.INITIALIZE);
        assertThat(garps(VIP)).isEqualTo(3);
    }

    @Test
    void aMasterThatHearsALowerPriorityAnnouncesAgainNowAndAfterTheDelay() {
        VrrpGroup master = router(1, 100, new Announcer.Settings(1, 2, 0, 3), VIP);
        lan.clock.advance(TAKEOVER + 10 * SECOND);
        assertThat(master.status().state()).isEqualTo(State.MASTER);
        assertThat(garps(VIP)).isEqualTo(2); // takeover: 1 now, 1 two seconds later

        sendLowerPriorityAdvert();
        lan.clock.advance(MS);
        assertThat(master.status().state()).isEqualTo(State.MASTER);
        assertThat(garps(VIP)).isEqualTo(2 + 3);
        lan.clock.advance(2 * SECOND - 2 * MS);
        assertThat(garps(VIP)).isEqualTo(2 + 3);
        lan.clock.advance(MS);
        assertThat(garps(VIP)).isEqualTo(2 + 3 + 3);
        lan.clock.advance(30 * SECOND);
        assertThat(garps(VIP)).isEqualTo(2 + 3 + 3);
    }

    @Test
    void aBackupThatHearsALowerPriorityAnnouncesNothing() {
        VrrpGroup backup = router(1, 100, Announcer.Settings.DEFAULTS, VIP);
        sendLowerPriorityAdvert();
        lan.clock.advance(MS);
        assertThat(backup.status().state()).isEqualTo(State.BACKUP);
        assertThat(garps(VIP)).isZero();
    }

    @Test
    void badSettingsAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> new Announcer.Settings(0, 5, 0, 5))
                .hasMessage("garpMasterRepeat 0 is outside 1-100");
        assertThatThrownBy(() -> new Announcer.Settings(5, -1, 0, 5))
                .hasMessage("garpMasterDelaySeconds -1 is outside 0-3600");
        assertThatThrownBy(() -> new Announcer.Settings(5, 5, 86_401, 5))
                .hasMessage("garpMasterRefreshSeconds 86401 is outside 0-86400");
        assertThatThrownBy(() -> new Announcer.Settings(5, 5, 0, 101))
                .hasMessage("garpLowerPrioRepeat 101 is outside 0-100");
    }
}
