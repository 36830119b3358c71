package org.openvrrs.fhrp.vrrp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvrrs.fhrp.vrrp.internal.SimulatedLanTest.ip;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openvrrs.fhrp.vrrp.api.VrrpGroupView;
import org.openvrrs.fhrp.vrrp.api.VrrpRouterCounters;
import org.openvrrs.fhrp.vrrp.api.VrrpState;
import org.openvrrs.fhrp.vrrp.internal.packet.DropReason;
import org.openvrrs.fhrp.vrrp.internal.packet.Ipv4ChecksumMode;
import org.openvrrs.fhrp.vrrp.internal.packet.VrrpAdvert;
import org.openvrrs.fhrp.vrrp.internal.packet.VrrpStatistics;
import org.openvrrs.fhrp.vrrp.internal.packet.VrrpVersion;
import org.openvrrs.net.api.InterfaceAddress;
import org.openvrrs.net.sim.SimLan;
import org.openvrrs.net.sim.SimRouter;
import org.openvrrs.net.sim.VirtualScheduler;
import org.openvrrs.vrrs.api.AddressFamily;
import org.openvrrs.vrrs.api.MacAddress;

/** What monitoring bundles read (SNMP, Prometheus) is what the server runs and counts. */
class MonitorViewsTest {
    final VirtualScheduler clock = new VirtualScheduler();
    final SimRouter router = new SimRouter("r1", clock);
    final VrrpStatistics statistics = new VrrpStatistics();
    final VrrpInterface eth0;
    final VrrpGroup group;

    MonitorViewsTest() {
        router.addInterface("eth0", new SimLan("lan0", clock), MacAddress.parse("0200.0000.0101"),
                InterfaceAddress.parse("192.0.2.2/24"));
        eth0 = new VrrpInterface(router, "eth0", statistics, 0, InterfaceDelay.NONE);
        group = new VrrpGroup(router, new VrrpGroupConfig("r1", "eth0", 7, AddressFamily.IPV4, VrrpVersion.V3,
                List.of(ip("192.0.2.1"), ip("192.0.2.5")), 120, 1000, true, 0, false, false, "uplink", "name7",
                Ipv4ChecksumMode.PSEUDO_HEADER));
        eth0.add(group);
        clock.runUntilIdle();
    }

    @Test
    void aGroupThatTookOverShowsAsMasterWithItsCountersAndConfiguration() {
        clock.advance(Duration.ofSeconds(5));
        VrrpGroupView view = MonitorViews.of(GroupStatus.of(group));

        assertThat(view.state()).isEqualTo(VrrpState.MASTER);
        assertThat(view.state().mibValue()).isEqualTo(3);
        assertThat(view.vrid()).isEqualTo(7);
        assertThat(view.version()).isEqualTo(3);
        assertThat(view.vrrsName()).isEqualTo("name7");
        assertThat(view.description()).isEqualTo("uplink");
        assertThat(view.priority()).isEqualTo(120);
        assertThat(view.virtualAddresses()).containsExactly(ip("192.0.2.1"), ip("192.0.2.5"));
        assertThat(view.primaryAddress()).isEqualTo(ip("192.0.2.2"));
        assertThat(view.advertIntervalCentis()).isEqualTo(100);
        assertThat(view.counters().masterTransitions()).isEqualTo(1);
        assertThat(view.counters().newMasterReason()).isEqualTo(group.statistics().newMasterReason().ordinal())
                .isPositive();
        assertThat(view.counters().sentAdvertisements()).isEqualTo(group.statistics().sentAdvertisements())
                .isPositive();
    }

    @Test
    void aDroppedFrameIsCountedUnderTheNameVrrpStatisticsPrints() {
        byte[] frame = RouterDropCountersTest.frame(VrrpAdvert.v3(99, 200, ip("192.0.2.9"), List.of(ip("192.0.2.1")),
                100));
        eth0.receive(frame, clock.nanoTime());

        VrrpRouterCounters counters = MonitorViews.of(statistics);
        assertThat(counters.vrIdErrors()).isEqualTo(1);
        assertThat(counters.drops()).containsEntry(MonitorViews.dropName(DropReason.VRID), 1L);
    }

    @Test
    @SuppressWarnings("unchecked")
    void statisticsJsonHasTheRouterCountersEveryDropReasonAndEachGroupsCounters() throws Exception {
        clock.advance(Duration.ofSeconds(5));
        eth0.receive(RouterDropCountersTest.frame(VrrpAdvert.v3(99, 200, ip("192.0.2.9"), List.of(ip("192.0.2.1")),
                100)), clock.nanoTime());
        String text = ShowVrrpFormat.JSON_OUT.asString(ShowVrrpFormat.statisticsJson(statistics,
                List.of(GroupStatus.of(group))));
        java.util.Map<String, Object> json = com.fasterxml.jackson.jr.ob.JSON.std.mapFrom(text);

        java.util.Map<String, Object> router = (java.util.Map<String, Object>) json.get("router");
        assertThat(router).containsEntry("vrIdErrors", 1).containsEntry("checksumErrors", 0)
                .containsEntry("versionErrors", 0);
        java.util.Map<String, Object> drops = (java.util.Map<String, Object>) router.get("drops");
        assertThat(drops).containsEntry(MonitorViews.dropName(DropReason.VRID), 1)
                .hasSize(DropReason.values().length); // every reason, zero or not
        List<java.util.Map<String, Object>> groups = (List<java.util.Map<String, Object>>) json.get("groups");
        assertThat(groups).singleElement().satisfies(g -> {
            assertThat(g.keySet()).containsExactly("network", "interface", "vrid", "addressFamily", "version",
                    "masterTransitions", "newMasterReason", "sentAdvertisements", "rcvdAdvertisements",
                    "sentPriZeroPackets", "rcvdPriZeroPackets", "advIntervalErrors", "ipTtlErrors",
                    "rcvdInvalidTypePackets", "addressListErrors", "packetLengthErrors", "protoErrReason",
                    "authFailures", "authTypeMismatch", "invalidAuthType", "rcvdPseudoHeaderChecksums",
                    "rcvdVrrpOnlyChecksums");
            assertThat(g).containsEntry("network", "r1").containsEntry("interface", "eth0").containsEntry("vrid", 7)
                    .containsEntry("addressFamily", "IPv4").containsEntry("version", 3)
                    .containsEntry("masterTransitions", 1)
                    .containsEntry("newMasterReason", group.statistics().newMasterReason().name()
                            .toLowerCase(java.util.Locale.ROOT))
                    .containsEntry("protoErrReason", "no_error")
                    .containsEntry("authFailures", null); // VRRPv3: RFC 2787's counters do not apply
            assertThat(((Number) g.get("sentAdvertisements")).longValue())
                    .isEqualTo(group.statistics().sentAdvertisements()).isPositive();
        });
    }
}
