package org.openvrrs.net.linux.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What counts as a usable route in {@code ip -json route show exact} output. */
class KernelRoutesTest {
    @Test
    void aUnicastRouteWhoseLinkIsUpIsUsable() {
        assertThat(KernelRoutes.usable("[{\"dst\":\"198.51.100.0/24\",\"gateway\":\"192.0.2.254\",\"dev\":\"eth0\","
                + "\"flags\":[]}]")).isTrue();
        assertThat(KernelRoutes.usable("[{\"dst\":\"198.51.100.0/24\",\"dev\":\"eth1\",\"protocol\":\"kernel\","
                + "\"scope\":\"link\",\"prefsrc\":\"198.51.100.2\",\"flags\":[]}]")).isTrue();
    }

    @Test
    void noRouteAnUnreachableOneOrOneOnALinkWithoutCarrierIsNot() {
        assertThat(KernelRoutes.usable("")).isFalse();
        assertThat(KernelRoutes.usable("[]\n")).isFalse();
        assertThat(KernelRoutes.usable("[{\"type\":\"unreachable\",\"dst\":\"198.51.100.0/24\",\"flags\":[]}]"))
                .isFalse();
        assertThat(KernelRoutes.usable("[{\"type\":\"blackhole\",\"dst\":\"198.51.100.0/24\",\"flags\":[]}]"))
                .isFalse();
        assertThat(KernelRoutes.usable("[{\"dst\":\"198.51.100.0/24\",\"gateway\":\"192.0.2.254\",\"dev\":\"eth0\","
                + "\"flags\":[\"linkdown\"]}]")).isFalse();
    }
}
