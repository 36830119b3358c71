package org.openvrrs.cli.ios.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openvrrs.net.api.InterfaceAddress;
import org.openvrrs.net.api.NetInterface;
import org.openvrrs.net.sim.SimLan;
import org.openvrrs.net.sim.SimRouter;
import org.openvrrs.net.sim.VirtualScheduler;
import org.openvrrs.vrrs.api.MacAddress;

class InterfaceApplierTest {
    final VirtualScheduler clock = new VirtualScheduler();
    final SimRouter router = new SimRouter("local", clock);

    InterfaceApplierTest() {
        router.addInterface("GigabitEthernet0/0/0", new SimLan("lan1", clock), MacAddress.parse("aabb.cc00.fb00"),
                InterfaceAddress.parse("fe80::1/64"), InterfaceAddress.parse("192.0.2.9/24"));
    }

    NetInterface find(String name) {
        return router.find(name).orElseThrow();
    }

    @Test
    void aSubinterfaceIsCreatedOnItsVlanWithItsAddressesPrimaryFirst() {
        InterfaceSettings s = InterfaceSettings.of("GigabitEthernet0/0/0.2").withIpv4("192.168.42.1/24", false)
                .withIpv4("192.168.52.1/24", true);
        InterfaceApplier.apply(router, s);
        assertThat(find("GigabitEthernet0/0/0.2").vlanId()).isEqualTo(2);
        assertThat(find("GigabitEthernet0/0/0.2").addresses()).containsExactly(
                InterfaceAddress.parse("192.168.42.1/24"), InterfaceAddress.parse("192.168.52.1/24"));

        InterfaceApplier.apply(router, s.withIpv4("192.168.62.1/24", false).withVlan(20, false));
        assertThat(find("GigabitEthernet0/0/0.2").vlanId()).isEqualTo(20);
        assertThat(find("GigabitEthernet0/0/0.2").addresses()).containsExactly(
                InterfaceAddress.parse("192.168.62.1/24"), InterfaceAddress.parse("192.168.52.1/24"));

        InterfaceApplier.undo(router, s);
        assertThat(router.find("GigabitEthernet0/0/0.2")).isEmpty();
    }

    @Test
    void noIpAddressKeepsTheLinkLocalAndShutdownIsTheAdminState() {
        InterfaceSettings s = InterfaceSettings.of("GigabitEthernet0/0/0").withShutdown(true);
        InterfaceApplier.apply(router, s);
        assertThat(find("GigabitEthernet0/0/0").addresses()).containsExactly(InterfaceAddress.parse("fe80::1/64"));
        assertThat(find("GigabitEthernet0/0/0").adminUp()).isFalse();

        InterfaceApplier.apply(router, s.withShutdown(false).withIpv6(List.of("2001:db8::1/64")));
        assertThat(find("GigabitEthernet0/0/0").adminUp()).isTrue();
        assertThat(find("GigabitEthernet0/0/0").addresses()).contains(InterfaceAddress.parse("2001:db8::1/64"),
                InterfaceAddress.parse("fe80::1/64"));
    }

    @Test
    void aMissingMainInterfaceOrAVlanInUseIsOneLine() {
        assertThatThrownBy(() -> InterfaceApplier.apply(router, InterfaceSettings.of("GigabitEthernet0/0/1")))
                .hasMessage("no interface named GigabitEthernet0/0/1");
        InterfaceApplier.apply(router, InterfaceSettings.of("GigabitEthernet0/0/0.2"));
        assertThatThrownBy(() -> InterfaceApplier.apply(router, InterfaceSettings.of("GigabitEthernet0/0/0.3")
                .withVlan(2, false))).hasMessage("VLAN 2 is already in use on GigabitEthernet0/0/0");
    }
}
