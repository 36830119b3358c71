package org.openvrrs.net.linux.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code interfaces} setting of org.openvrrs.net.linux: Linux devices, optionally under router names. */
class InterfaceMapTest {

    @Test
    void plainDevicesKeepTheirNamesInOneStringOrAList() {
        assertThat(InterfaceMap.parse(new String[] {"eth0, veth-r1", "eth1"}))
                .containsExactly(entry("eth0", "eth0"), entry("veth-r1", "veth-r1"), entry("eth1", "eth1"));
    }

    @Test
    void routerNamesMapToLinuxDevices() {
        assertThat(InterfaceMap.parse(new String[] {
            "GigabitEthernet0/0/0=eth0, GigabitEthernet0/0/0.10 = eth0.10", "eth1"}))
                .containsExactly(entry("GigabitEthernet0/0/0", "eth0"), entry("GigabitEthernet0/0/0.10", "eth0.10"),
                        entry("eth1", "eth1"));
    }

    @Test
    void mistakesAreRefusedWithTheEntryNamed() {
        assertThatThrownBy(() -> InterfaceMap.parse(new String[] {"Gi0/0=eth0, Gi0/1=eth0"}))
                .hasMessage("Linux device eth0 is configured twice, as Gi0/0 and Gi0/1");
        assertThatThrownBy(() -> InterfaceMap.parse(new String[] {"Gi0/0=eth0, Gi0/0=eth1"}))
                .hasMessage("interface Gi0/0 is listed twice");
        assertThatThrownBy(() -> InterfaceMap.parse(new String[] {"Gi0/0=a-very-long-device-name"}))
                .hasMessage("'a-very-long-device-name' is not a Linux interface name");
        assertThatThrownBy(() -> InterfaceMap.parse(new String[] {"Gi0/0;reboot=eth0"}))
                .hasMessageStartingWith("'Gi0/0;reboot' is not an interface name");
        assertThatThrownBy(() -> InterfaceMap.parse(new String[] {"=eth0"}))
                .hasMessageStartingWith("'' is not an interface name");
        assertThatThrownBy(() -> InterfaceMap.parse(new String[] {" "})).hasMessageContaining("no interfaces");
        assertThatThrownBy(() -> InterfaceMap.parse(null)).hasMessageContaining("no interfaces");
    }

    @Test
    void identityKeepsOrder() {
        assertThat(InterfaceMap.identity(List.of("eth1", "eth0"))).containsExactly(entry("eth1", "eth1"),
                entry("eth0", "eth0"));
    }
}
