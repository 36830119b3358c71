package org.openvrrs.snmp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openvrrs.net.api.InterfaceAddress;
import org.openvrrs.net.api.Network;
import org.openvrrs.net.sim.SimLan;
import org.openvrrs.net.sim.SimRouter;
import org.openvrrs.net.sim.VirtualScheduler;
import org.openvrrs.vrrs.api.MacAddress;

/** The appliance's own interfaces keep their own ifIndex; others get stable ones of their own, never the same. */
class InterfaceIndexesTest {
    final VirtualScheduler clock = new VirtualScheduler();
    final SimLan lan = new SimLan("lan0", clock);

    SimRouter router(String name) {
        SimRouter r = new SimRouter(name, clock);
        r.addInterface("eth0", lan, MacAddress.parse("0200.0000.0101"), InterfaceAddress.parse("192.0.2.2/24"));
        return r;
    }

    @Test
    void theLocalNetworksInterfacesKeepTheirIndexAndOthersAreNumberedApart() {
        InterfaceIndexes indexes = new InterfaceIndexes();
        SimRouter local = router("local");
        indexes.addNetwork(Network.LOCAL, local);
        indexes.addNetwork("r1", router("r1"));
        int kernel = local.find("eth0").orElseThrow().index();

        assertThat(indexes.of("", "eth0")).isEqualTo(kernel);
        assertThat(indexes.of("local", "eth0")).isEqualTo(kernel);
        int r1 = indexes.of("r1", "eth0");
        int r2 = indexes.of("r2", "eth0"); // its network is not there (yet)
        assertThat(r1).isGreaterThanOrEqualTo(InterfaceIndexes.FIRST_ASSIGNED);
        assertThat(r2).isEqualTo(r1 + 1);
        assertThat(indexes.of("r1", "eth0")).isEqualTo(r1);
        assertThat(indexes.of("", "eth9")).isEqualTo(r1 + 2); // a local interface that does not exist yet
        assertThat(indexes.known()).containsEntry(kernel, "local/eth0").containsEntry(r1, "r1/eth0")
                .containsEntry(r2, "r2/eth0").containsEntry(r1 + 2, "local/eth9");
    }
}
