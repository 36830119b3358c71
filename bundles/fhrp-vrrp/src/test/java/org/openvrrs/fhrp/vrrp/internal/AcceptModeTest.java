package org.openvrrs.fhrp.vrrp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvrrs.fhrp.vrrp.internal.SimulatedLanTest.SECOND;
import static org.openvrrs.fhrp.vrrp.internal.SimulatedLanTest.VIP;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openvrrs.fhrp.vrrp.internal.VirtualRouter.State;
import org.openvrrs.fhrp.vrrp.internal.packet.Ipv4ChecksumMode;
import org.openvrrs.fhrp.vrrp.internal.packet.VrrpVersion;
import org.openvrrs.net.api.InterfaceAddress;
import org.openvrrs.net.sim.SimLan;
import org.openvrrs.net.sim.SimRouter;
import org.openvrrs.net.sim.VirtualScheduler;
import org.openvrrs.vrrs.api.AddressFamily;
import org.openvrrs.vrrs.api.MacAddress;

/** RFC 5798 6.1 accept mode as the group asks the network for it (Network.setAcceptMode), on a simulated LAN. */
class AcceptModeTest {
    private final VirtualScheduler clock = new VirtualScheduler();
    private final SimLan lan = new SimLan("lan0", clock);
    private final VrrpEngine engine = new VrrpEngine(Map.of(), true);
    private final SimRouter r1 = new SimRouter("r1", clock);

    private static VrrpGroupConfig config(int priority, boolean acceptMode, boolean shutdown) {
        return new VrrpGroupConfig("r1", "eth0", 7, AddressFamily.IPV4, VrrpVersion.V3, List.of(VIP), priority,
                1000, true, 0, acceptMode, shutdown, "", "", Ipv4ChecksumMode.PSEUDO_HEADER);
    }

    private VrrpEngine.Handle master(String interfaceAddress, VrrpGroupConfig config) {
        r1.addInterface("eth0", lan, MacAddress.parse("0200.0000.0101"), InterfaceAddress.parse(interfaceAddress));
        engine.addNetwork("r1", r1);
        VrrpEngine.Handle h = engine.add(config, (t, update) -> { });
        clock.advance(5 * SECOND);
        assertThat(h.group().status().state()).isEqualTo(State.MASTER);
        return h;
    }

    @Test
    void aNonOwnerMasterWithoutAcceptModeRefusesTrafficUntilItLeavesMaster() {
        VrrpEngine.Handle h = master("192.0.2.2/24", config(100, false, false));
        assertThat(r1.acceptsTrafficTo("eth0", VIP)).isFalse();

        engine.reconfigure(h, config(100, false, true)); // shutdown: no longer Master
        clock.runUntilIdle();
        assertThat(h.group().status().state()).isEqualTo(State.INITIALIZE);
        assertThat(r1.acceptsTrafficTo("eth0", VIP)).isTrue();
    }

    @Test
    void acceptModeOnAcceptsAndAChangeAppliesLiveWhileMaster() {
        VrrpEngine.Handle h = master("192.0.2.2/24", config(100, true, false));
        assertThat(r1.acceptsTrafficTo("eth0", VIP)).isTrue();

        engine.reconfigure(h, config(100, false, false));
        clock.runUntilIdle();
        assertThat(r1.acceptsTrafficTo("eth0", VIP)).isFalse();
        engine.reconfigure(h, config(100, true, false));
        clock.runUntilIdle();
        assertThat(r1.acceptsTrafficTo("eth0", VIP)).isTrue();
    }

    @Test
    void theAddressOwnerAcceptsWhateverIsConfigured() {
        master("192.0.2.1/24", config(100, false, false));
        assertThat(r1.acceptsTrafficTo("eth0", VIP)).isTrue();
    }

    @Test
    void aGroupFileWithoutAcceptModeAccepts() {
        VrrpService service = new VrrpService(Map.of("component.name", VrrpService.class.getName()));
        new VrrpGroupComponent(service, Map.of("interfaceName", "eth0", "vrid", "1", "addresses", "192.0.2.1"),
                (org.openvrrs.vrrs.api.VrrsWhiteboard) null);
        assertThat(service.status()).singleElement().satisfies(s -> assertThat(s.config().acceptMode()).isTrue());
    }
}
