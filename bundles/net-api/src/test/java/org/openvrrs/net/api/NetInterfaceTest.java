package org.openvrrs.net.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openvrrs.vrrs.api.AddressFamily;
import org.openvrrs.vrrs.api.MacAddress;

class NetInterfaceTest {
    private static final MacAddress MAC = MacAddress.parse("0200.0000.0001");
    private static final MacAddress VMAC = MacAddress.parse("0000.5e00.0101");

    @Test
    void primaryAddressIsTheFirstOfTheFamily() {
        NetInterface eth0 = new NetInterface("eth0", 1, MAC, MAC,
                List.of(InterfaceAddress.parse("fe80::1/64"), InterfaceAddress.parse("192.0.2.1/24"),
                        InterfaceAddress.parse("192.0.2.2/24")),
                true, true, null, 0, Set.of());
        assertThat(eth0.primaryAddress(AddressFamily.IPV4)).contains(InterfaceAddress.parse("192.0.2.1/24"));
        assertThat(eth0.primaryAddress(AddressFamily.IPV6)).contains(InterfaceAddress.parse("fe80::1/64"));
        assertThat(eth0.hasAddress(InterfaceAddress.parseLiteral("192.0.2.2"))).isTrue();
        assertThat(eth0.isSubinterface()).isFalse();
        assertThat(eth0.parentName()).isEmpty();
    }

    @Test
    void acceptsGroupOwnAndFilteredMacs() {
        NetInterface eth0 = new NetInterface("eth0", 1, MAC, MAC, List.of(), true, true, null, 0, Set.of(VMAC));
        assertThat(eth0.accepts(Frames.BROADCAST)).isTrue();
        assertThat(eth0.accepts(MAC)).isTrue();
        assertThat(eth0.accepts(VMAC)).isTrue();
        assertThat(eth0.accepts(MacAddress.parse("0200.0000.0002"))).isFalse();
    }

    @Test
    void validates() {
        assertThatThrownBy(() -> new NetInterface(" ", 1, MAC, MAC, List.of(), true, true, null, 0, Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NetInterface("eth0.5", 2, MAC, MAC, List.of(), true, true, null, 5, Set.of()))
                .hasMessageContaining("needs a parent");
        assertThatThrownBy(() -> new NetInterface("eth0.5", 2, MAC, MAC, List.of(), true, true, "eth0", 4095,
                Set.of())).hasMessageContaining("outside 0-4094");
    }
}
