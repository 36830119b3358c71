package org.openvrrs.fhrp.vrrp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvrrs.fhrp.vrrp.internal.SimulatedLanTest.SECOND;
import static org.openvrrs.fhrp.vrrp.internal.SimulatedLanTest.ip;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.openvrrs.config.test.LogCapture;
import org.openvrrs.fhrp.vrrp.internal.VirtualRouter.State;
import org.openvrrs.fhrp.vrrp.internal.packet.DecodeResult;
import org.openvrrs.fhrp.vrrp.internal.packet.VrrpCodec;
import org.openvrrs.net.api.FrameKind;
import org.openvrrs.vrrs.api.AddressFamily;

/**
 * IPv6 groups as keepalived and FRRouting users configure them: global virtual addresses only, no link-local. The
 * group runs with exactly those addresses, and a peer listing others is counted and logged at most once a minute.
 */
class Ipv6GlobalOnlyTest {
    static final InetAddress VIP6 = ip("2001:db8::1");

    final SimulatedLanTest lan = new SimulatedLanTest();
    final List<List<InetAddress>> advertised = new CopyOnWriteArrayList<>();

    Ipv6GlobalOnlyTest() {
        lan.lan.dropMatching(frame -> { // a sniffer that never drops
            if (FrameKind.classify(frame) == FrameKind.VRRP) {
                DecodeResult r = VrrpCodec.decodeFrame(frame);
                if (r.isAccepted()) {
                    advertised.add(r.advert().addresses());
                }
            }
            return false;
        });
    }

    @Test
    void aGroupWithoutLinkLocalIsAcceptedWithOneWarningAndAdvertsExactlyItsAddresses() throws Exception {
        List<InetAddress> vips = List.of(VIP6, ip("2001:db8::100"));
        VrrpGroupConfig c = SimulatedLanTest.config("r1", 100, 3, AddressFamily.IPV6, vips);
        assertThat(c.addresses()).containsExactlyElementsOf(vips);
        assertThat(c.lacksLinkLocal()).isTrue();
        assertThat(SimulatedLanTest.config("r1", 100, 3, AddressFamily.IPV6, List.of(VIP6, ip("fe80::100")))
                .lacksLinkLocal()).isFalse();

        VrrpGroup[] groups = new VrrpGroup[2];
        List<String> log = LogCapture.of(() -> {
            groups[0] = lan.router(1, 100, 3, AddressFamily.IPV6, vips);
            groups[1] = lan.router(2, 200, 3, AddressFamily.IPV6, vips);
            lan.clock.advance(10 * SECOND);
        });
        List<String> warnings = log.stream().filter(l -> l.contains(" WARN ")).toList();
        assertThat(warnings).hasSize(2) // one per group, none per advert
                .allMatch(l -> l.contains("no link-local virtual address; RFC 5798 prefers one (fe80::/10)"));
        assertThat(List.of(lan.state(groups[0]), lan.state(groups[1]))).containsExactly(State.BACKUP, State.MASTER);
        assertThat(advertised).isNotEmpty().allMatch(vips::equals);
        assertThat(groups[0].status().masterAddress()).isEqualTo(ip("fe80::2")); // sent from the link-local
        assertThat(groups[0].statistics().addressListErrors()).isZero();
        assertThat(lan.routers.get(1).virtualAddresses("eth0")).containsOnlyKeys(vips);
    }

    @Test
    void aPeerListingOtherAddressesIsCountedEveryAdvertAndLoggedOnceAMinute() throws Exception {
        VrrpGroup[] backup = new VrrpGroup[1];
        List<String> log = LogCapture.of(() -> {
            backup[0] = lan.router(1, 100, 3, AddressFamily.IPV6, List.of(VIP6));
            lan.router(2, 200, 3, AddressFamily.IPV6, List.of(VIP6, ip("fe80::100")));
            lan.clock.advance(130 * SECOND);
        });
        List<String> lines = log.stream().filter(l -> l.contains(" WARN ") && l.contains("advert from fe80::2 lists"))
                .toList();
        long received = backup[0].statistics().rcvdAdvertisements();
        assertThat(received).isGreaterThan(120);
        assertThat(backup[0].statistics().addressListErrors()).isEqualTo(received);
        assertThat(lines).hasSize(3); // the first, then one a minute
        assertThat(lines.get(0)).doesNotContain("more such adverts");
        assertThat(lines.get(1)).contains("(59 more such adverts since the last line");
        assertThat(lan.state(backup[0])).isEqualTo(State.BACKUP); // RFC 9568: logged, the election goes on
    }

    @Test
    void theRateLimitLetsTheFirstThroughThenOneAPeriodWithTheCountHeldBack() {
        RateLimit limit = new RateLimit(60 * SECOND);
        assertThat(limit.admit(5 * SECOND)).isZero();
        assertThat(limit.admit(6 * SECOND)).isEqualTo(RateLimit.HOLD);
        assertThat(limit.admit(64 * SECOND)).isEqualTo(RateLimit.HOLD);
        assertThat(limit.admit(65 * SECOND)).isEqualTo(2);
        assertThat(limit.admit(500 * SECOND)).isZero();
    }
}
