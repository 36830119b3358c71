package org.openvrrs.fhrp.vrrp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvrrs.fhrp.vrrp.internal.SimulatedLanTest.ip;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openvrrs.fhrp.vrrp.internal.packet.ChecksumKind;
import org.openvrrs.fhrp.vrrp.internal.packet.DecodeResult;
import org.openvrrs.fhrp.vrrp.internal.packet.DropReason;
import org.openvrrs.fhrp.vrrp.internal.packet.Ipv4ChecksumMode;
import org.openvrrs.fhrp.vrrp.internal.packet.VrrpAdvert;
import org.openvrrs.fhrp.vrrp.internal.packet.VrrpCodec;
import org.openvrrs.fhrp.vrrp.internal.packet.VrrpStatistics;
import org.openvrrs.fhrp.vrrp.internal.packet.VrrpVersion;
import org.openvrrs.net.api.FrameKind;
import org.openvrrs.net.api.InterfaceAddress;
import org.openvrrs.net.sim.SimLan;
import org.openvrrs.net.sim.SimRouter;
import org.openvrrs.net.sim.VirtualScheduler;
import org.openvrrs.vrrs.api.AddressFamily;
import org.openvrrs.vrrs.api.MacAddress;

/** VRRPv2 simple text authentication (RFC 2338): sent in every advert, required of every advert received. */
class TextAuthenticationTest {
    static final InetAddress PEER = ip("192.0.2.9");
    static final InetAddress VIP = ip("192.0.2.1");

    final VirtualScheduler clock = new VirtualScheduler();
    final SimLan lan = new SimLan("lan0", clock);
    final SimRouter router = new SimRouter("r1", clock);
    final VrrpStatistics statistics = new VrrpStatistics();
    final VrrpInterface eth0;

    TextAuthenticationTest() {
        router.addInterface("eth0", lan, MacAddress.parse("0200.0000.0101"),
                InterfaceAddress.parse("192.0.2.2/24"));
        eth0 = new VrrpInterface(router, "eth0", statistics, 0, InterfaceDelay.NONE);
    }

    private VrrpGroup group(int vrid, String password) {
        VrrpGroup g = new VrrpGroup(router, new VrrpGroupConfig("r1", "eth0", vrid, AddressFamily.IPV4,
                VrrpVersion.V2, List.of(VIP), 100, 1000, true, 0, false, false, "", "",
                Ipv4ChecksumMode.PSEUDO_HEADER, null, true, password));
        eth0.add(g);
        clock.runUntilIdle();
        return g;
    }

    private static VrrpAdvert peerAdvert(int vrid) {
        return new VrrpAdvert(VrrpVersion.V2, vrid, 200, AddressFamily.IPV4, PEER, List.of(VIP), 100,
                VrrpAdvert.AUTH_NONE, 0, ChecksumKind.VRRP_ONLY);
    }

    private void receive(VrrpAdvert advert) {
        eth0.receive(RouterDropCountersTest.frame(advert), clock.nanoTime());
    }

    @Test
    void advertsCarryTypeOneAndThePasswordZeroPadded() {
        List<byte[]> sent = new ArrayList<>();
        SimRouter sniffer = new SimRouter("sniffer", clock);
        sniffer.addInterface("eth0", lan, MacAddress.parse("0200.0000.0199"), InterfaceAddress.parse("192.0.2.99/24"));
        sniffer.receive("eth0", FrameKind.VRRP, (ifname, frame, rx) -> sent.add(frame.clone()));
        group(5, "s3cret");
        clock.advance(4_000_000_000L); // Master_Down_Interval passes: Master, advertising

        assertThat(sent).isNotEmpty();
        DecodeResult decoded = VrrpCodec.decodeFrame(sent.get(0));
        assertThat(decoded.isAccepted()).isTrue();
        VrrpAdvert advert = decoded.advert();
        assertThat(advert.authType()).isEqualTo(VrrpAdvert.AUTH_SIMPLE_TEXT);
        assertThat(advert.authDataText()).isEqualTo("s3cret");
        assertThat(advert.authData()).isEqualTo(0x7333637265740000L); // "s3cret" then two zero bytes
    }

    @Test
    void theRightPasswordIsAccepted() {
        VrrpGroup g = group(5, "s3cret");

        receive(peerAdvert(5).withSimpleTextPassword("s3cret"));

        assertThat(statistics.totalDrops()).isZero();
        assertThat(g.statistics().rcvdAdvertisements()).isEqualTo(1);
        assertThat(g.status().state()).isEqualTo(VirtualRouter.State.BACKUP);
    }

    @Test
    void aWrongPasswordIsDroppedAndCountedAsAnAuthenticationFailure() {
        VrrpGroup g = group(5, "s3cret");

        receive(peerAdvert(5).withSimpleTextPassword("s3cre"));   // a prefix is not the password
        receive(peerAdvert(5).withSimpleTextPassword("s3cret!")); // nor a longer one

        assertThat(statistics.drops(DropReason.AUTHENTICATION)).isEqualTo(2);
        assertThat(statistics.totalDrops()).isEqualTo(2);
        assertThat(g.statistics().authFailures()).isEqualTo(2);
        assertThat(g.statistics().authTypeMismatch()).isZero();
        assertThat(g.statistics().rcvdAdvertisements()).isZero();
    }

    @Test
    void aTypeMismatchIsDroppedAndCountedEitherWay() {
        VrrpGroup withPassword = group(5, "s3cret");
        VrrpGroup without = group(6, "");

        receive(peerAdvert(5));                                   // none, where text is configured
        receive(peerAdvert(6).withSimpleTextPassword("s3cret")); // text, where none is configured

        assertThat(statistics.drops(DropReason.AUTHENTICATION)).isEqualTo(2);
        assertThat(withPassword.statistics().authTypeMismatch()).isEqualTo(1);
        assertThat(without.statistics().authTypeMismatch()).isEqualTo(1);
        assertThat(withPassword.statistics().rcvdAdvertisements() + without.statistics().rcvdAdvertisements())
                .isZero();
    }

    @Test
    void anUnknownAuthTypeIsDroppedByTheCodecAndCountedForTheGroup() {
        VrrpGroup g = group(5, "s3cret");
        byte[] frame = RouterDropCountersTest.frame(new VrrpAdvert(VrrpVersion.V2, 5, 200, AddressFamily.IPV4, PEER,
                List.of(VIP), 100, 7, 0, ChecksumKind.VRRP_ONLY));

        eth0.receive(frame, clock.nanoTime());

        assertThat(statistics.drops(DropReason.AUTHENTICATION)).isEqualTo(1);
        assertThat(g.statistics().invalidAuthType()).isEqualTo(1);
    }

    /** Two routers of one group on a simulated LAN, each with {@code password}; returns [low, high]. */
    private List<VrrpGroup> pair(String lowPassword, String highPassword) {
        VrrpEngine engine = new VrrpEngine(java.util.Map.of(), true);
        List<VrrpGroup> groups = new ArrayList<>();
        String[] passwords = {lowPassword, highPassword};
        for (int n = 1; n <= 2; n++) {
            SimRouter r = new SimRouter("p" + n, clock);
            r.addInterface("eth0", lan, MacAddress.parse("0200.0000.020" + n),
                    InterfaceAddress.parse("192.0.2." + (20 + n) + "/24"));
            engine.addNetwork(r.name(), r);
            groups.add(engine.add(new VrrpGroupConfig(r.name(), "eth0", 9, AddressFamily.IPV4, VrrpVersion.V2,
                    List.of(VIP), 100 * n, 1000, true, 0, false, false, "", "", Ipv4ChecksumMode.PSEUDO_HEADER,
                    null, true, passwords[n - 1]), (t, update) -> { }).group());
        }
        clock.advance(10_000_000_000L);
        return groups;
    }

    @Test
    void twoRoutersWithTheSamePasswordElectOneMaster() {
        List<VrrpGroup> g = pair("s3cret", "s3cret");

        assertThat(g.get(1).status().state()).isEqualTo(VirtualRouter.State.MASTER);
        assertThat(g.get(0).status().state()).isEqualTo(VirtualRouter.State.BACKUP);
        assertThat(g.get(0).statistics().authFailures() + g.get(1).statistics().authFailures()).isZero();
    }

    @Test
    void differentPasswordsMakeBothMasterAndAreCountedOnBothSides() {
        List<VrrpGroup> g = pair("s3cret", "other");

        assertThat(g).allSatisfy(group -> {
            assertThat(group.status().state()).isEqualTo(VirtualRouter.State.MASTER);
            assertThat(group.statistics().authFailures()).isPositive();
            assertThat(group.statistics().rcvdAdvertisements()).isZero();
        });
    }

    @Test
    void thePasswordIsNeverShown() {
        VrrpGroup g = group(5, "s3cret");

        assertThat(g.config().toString()).doesNotContain("s3cret").contains("text <hidden>");
        GroupStatus status = g.status();
        assertThat(ShowVrrpFormat.detail(status)).doesNotContain("s3cret")
                .contains("Authentication text, string <hidden>");
        assertThat(ShowVrrpFormat.json(status).toString()).doesNotContain("s3cret").contains("authentication=text");
        assertThat(ShowVrrpFormat.statistics(statistics, List.of(status))).doesNotContain("s3cret")
                .contains("Authentication errors: wrong password 0");
    }
}
