package org.openvrrs.net.sim.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openvrrs.net.sim.VirtualScheduler;

class SimTopologyTest {
    final VirtualScheduler clock = new VirtualScheduler();

    @Test
    void buildsRoutersAndHostsOnSharedLans() {
        SimTopology t = new SimTopology(clock, new String[] {
            "r1 eth0 lan0 0200.0000.0101 192.0.2.2/24 fe80::2/64",
            "r2 eth0 lan0 0200.0000.0102 192.0.2.3/24",
            "r2 eth1 lan1 0200.0000.0202 198.51.100.3/24"},
                new String[] {"host1 lan0 0200.0000.0110 192.0.2.10/24"});
        assertThat(t.routers()).containsOnlyKeys("r1", "r2");
        assertThat(t.lans()).containsOnlyKeys("lan0", "lan1");
        assertThat(t.routers().get("r1").find("eth0").orElseThrow().addresses()).hasSize(2);
        assertThat(t.routers().get("r2").interfaces()).hasSize(2);
        assertThat(t.hosts().get("host1").address().toString()).isEqualTo("192.0.2.10/24");
    }

    @Test
    void refusesBrokenSpecsNamingTheLine() {
        assertThatThrownBy(() -> new SimTopology(clock, new String[] {"r1 eth0 lan0"}, new String[0]))
                .hasMessage("interface 'r1 eth0 lan0' is not ROUTER IFNAME LAN MAC [ADDRESS/PREFIX...]");
        assertThatThrownBy(() -> new SimTopology(clock, new String[] {"r1 eth0 lan0 zz 192.0.2.2/24"},
                new String[0])).hasMessageStartingWith("'r1 eth0 lan0 zz 192.0.2.2/24': 'zz' is not a MAC address");
        assertThatThrownBy(() -> new SimTopology(clock, new String[0],
                new String[] {"h lan0 0200.0000.0110 192.0.2.10"})).hasMessageContaining("192.0.2.10");
    }

    @Test
    void buildsVlanSubinterfacesAndHostsInAVlan() {
        SimTopology t = new SimTopology(clock, new String[] {"r1 eth0 lan0 0200.0000.0101"},
                new String[] {"r1 eth0 2 198.51.100.1/26, r1 eth0 3 198.51.100.65/26"},
                new String[] {"h2 lan0 0200.0000.0120 198.51.100.10/26 vlan 2"});
        var sub = t.routers().get("r1").find("eth0.2").orElseThrow();
        assertThat(sub.parent()).isEqualTo("eth0");
        assertThat(sub.vlanId()).isEqualTo(2);
        assertThat(sub.addresses()).extracting(Object::toString).containsExactly("198.51.100.1/26");
        assertThat(t.routers().get("r1").find("eth0.3")).isPresent();
        assertThat(t.hosts().get("h2").address().toString()).isEqualTo("198.51.100.10/26");
        assertThatThrownBy(() -> new SimTopology(clock, new String[] {"r1 eth0 lan0 0200.0000.0101"},
                new String[] {"r9 eth0 2 198.51.100.1/26"}, new String[0]))
                .hasMessage("subinterface 'r9 eth0 2 198.51.100.1/26': no router r9 among the interfaces");
    }
}
