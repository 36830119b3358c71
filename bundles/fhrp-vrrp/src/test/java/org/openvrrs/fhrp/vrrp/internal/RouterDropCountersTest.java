package org.openvrrs.fhrp.vrrp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvrrs.fhrp.vrrp.internal.SimulatedLanTest.ip;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openvrrs.fhrp.vrrp.internal.packet.ChecksumKind;
import org.openvrrs.fhrp.vrrp.internal.packet.DropReason;
import org.openvrrs.fhrp.vrrp.internal.packet.Ipv4ChecksumMode;
import org.openvrrs.fhrp.vrrp.internal.packet.VrrpAdvert;
import org.openvrrs.fhrp.vrrp.internal.packet.VrrpCodec;
import org.openvrrs.fhrp.vrrp.internal.packet.VrrpStatistics;
import org.openvrrs.fhrp.vrrp.internal.packet.VrrpVersion;
import org.openvrrs.net.api.InterfaceAddress;
import org.openvrrs.net.sim.SimLan;
import org.openvrrs.net.sim.SimRouter;
import org.openvrrs.net.sim.VirtualScheduler;
import org.openvrrs.vrrs.api.AddressFamily;
import org.openvrrs.vrrs.api.MacAddress;

/** Every frame the receive path drops is counted once in the router-wide drop counters of vrrp:statistics. */
class RouterDropCountersTest {
    static final InetAddress PEER = ip("192.0.2.9");
    static final InetAddress PEER6 = ip("fe80::9");

    final VirtualScheduler clock = new VirtualScheduler();
    final SimRouter router = new SimRouter("r1", clock);
    final VrrpStatistics statistics = new VrrpStatistics();
    final VrrpInterface eth0;
    final VrrpGroup v3;
    final VrrpGroup v2;
    final VrrpGroup v6;

    RouterDropCountersTest() {
        router.addInterface("eth0", new SimLan("lan0", clock), MacAddress.parse("0200.0000.0101"),
                InterfaceAddress.parse("192.0.2.2/24"), InterfaceAddress.parse("fe80::2/64"));
        eth0 = new VrrpInterface(router, "eth0", statistics, 0, InterfaceDelay.NONE);
        v3 = group(7, AddressFamily.IPV4, VrrpVersion.V3, ip("192.0.2.1"));
        v2 = group(8, AddressFamily.IPV4, VrrpVersion.V2, ip("192.0.2.1"));
        v6 = group(7, AddressFamily.IPV6, VrrpVersion.V3, ip("2001:db8::1"));
        clock.runUntilIdle();
    }

    private VrrpGroup group(int vrid, AddressFamily family, VrrpVersion version, InetAddress vip) {
        VrrpGroup g = new VrrpGroup(router, new VrrpGroupConfig("r1", "eth0", vrid, family, version, List.of(vip), 100,
                1000, true, 0, false, false, "", "", Ipv4ChecksumMode.PSEUDO_HEADER));
        eth0.add(g);
        return g;
    }

    static byte[] frame(VrrpAdvert advert) {
        byte[] frame = new byte[VrrpCodec.frameLength(advert)];
        VrrpCodec.encodeInto(frame, advert, MacAddress.vrrp(advert.family(), advert.vrid()),
                Ipv4ChecksumMode.PSEUDO_HEADER);
        return frame;
    }

    static byte[] v3Frame(int vrid, InetAddress source, InetAddress vip) {
        return frame(VrrpAdvert.v3(vrid, 200, source, List.of(vip), 100));
    }

    static byte[] v2Frame(int vrid, int intervalCentis) {
        return frame(new VrrpAdvert(VrrpVersion.V2, vrid, 200, AddressFamily.IPV4, PEER, List.of(ip("192.0.2.1")),
                intervalCentis, VrrpAdvert.AUTH_NONE, 0, ChecksumKind.VRRP_ONLY));
    }

    /** Receives {@code frame}: it is dropped, counted once router-wide, for {@code reason}. */
    private void assertDroppedOnce(byte[] frame, DropReason reason) {
        long before = statistics.totalDrops();
        long reasonBefore = statistics.drops(reason);
        eth0.receive(frame, clock.nanoTime());
        assertThat(statistics.totalDrops()).as("total drops").isEqualTo(before + 1);
        assertThat(statistics.drops(reason)).as(reason.name()).isEqualTo(reasonBefore + 1);
    }

    @Test
    void anIpHeaderClaimingMoreBytesThanArrivedIsCountedAsMalformed() {
        byte[] v4 = v3Frame(7, PEER, ip("192.0.2.1"));
        assertDroppedOnce(Arrays.copyOf(v4, v4.length - 2), DropReason.MALFORMED);
        byte[] v6frame = v3Frame(7, PEER6, ip("2001:db8::1"));
        assertDroppedOnce(Arrays.copyOf(v6frame, v6frame.length - 2), DropReason.MALFORMED);
        assertThat(v3.statistics().rcvdAdvertisements() + v6.statistics().rcvdAdvertisements()).isZero();
    }

    @Test
    void aVersion2IntervalMismatchIsCountedRouterWideAndForTheGroup() {
        assertDroppedOnce(v2Frame(8, 200), DropReason.ADVERT_INTERVAL);
        assertThat(v2.statistics().advIntervalErrors()).isEqualTo(1);
        assertThat(v2.statistics().rcvdAdvertisements()).isZero();
        long before = statistics.totalDrops();
        eth0.receive(v2Frame(8, 100), clock.nanoTime());
        assertThat(statistics.totalDrops()).isEqualTo(before); // the configured interval: accepted
        assertThat(v2.statistics().rcvdAdvertisements()).isEqualTo(1);
    }

    @Test
    void anUnconfiguredVridAVersionMismatchATtlAndACorruptedAdvertAreEachCountedOnce() {
        assertDroppedOnce(v3Frame(99, PEER, ip("192.0.2.1")), DropReason.VRID);
        assertDroppedOnce(v2Frame(7, 100), DropReason.VERSION); // v2 advert for the v3 group
        byte[] ttl = v3Frame(7, PEER, ip("192.0.2.1"));
        ttl[14 + 8] = 64;
        assertDroppedOnce(ttl, DropReason.MALFORMED); // the IPv4 header checksum no longer matches
        byte[] corrupted = v3Frame(7, PEER, ip("192.0.2.1"));
        corrupted[corrupted.length - 1] ^= 1;
        assertDroppedOnce(corrupted, DropReason.CHECKSUM);
        assertThat(v3.statistics().protoErrReason().name()).isEqualTo("CHECKSUM_ERROR");
        assertThat(statistics.totalDrops()).isEqualTo(4);
    }
}
