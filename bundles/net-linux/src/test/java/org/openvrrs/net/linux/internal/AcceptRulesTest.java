package org.openvrrs.net.linux.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.openvrrs.net.api.InterfaceAddress;

/** The nft lines accept mode needs, from the bookkeeping alone (no root, no kernel). */
class AcceptRulesTest {
    private final AcceptRules rules = new AcceptRules();

    private static InetAddress ip(String literal) {
        return InterfaceAddress.parseLiteral(literal);
    }

    @Test
    void theFirstRefusedAddressCreatesTheTableAndTheLastDeletesIt() {
        assertThat(rules.set("eth0", ip("192.0.2.1"), false)).containsExactly(
                "add table inet openvrrs",
                "add set inet openvrrs refused4 { type ipv4_addr; }",
                "add set inet openvrrs refused6 { type ipv6_addr; }",
                "add chain inet openvrrs input { type filter hook input priority filter; policy accept; }",
                "add rule inet openvrrs input ip daddr @refused4 drop",
                "add rule inet openvrrs input ip6 daddr @refused6 icmpv6 type { nd-router-solicit, "
                        + "nd-router-advert, nd-neighbor-solicit, nd-neighbor-advert, nd-redirect } accept",
                "add rule inet openvrrs input ip6 daddr @refused6 drop",
                "add element inet openvrrs refused4 { 192.0.2.1 }");
        assertThat(rules.set("eth0", ip("2001:db8::1"), false))
                .containsExactly("add element inet openvrrs refused6 { 2001:db8::1 }");
        assertThat(rules.set("eth0", ip("192.0.2.1"), true))
                .containsExactly("delete element inet openvrrs refused4 { 192.0.2.1 }");
        assertThat(rules.set("eth0", ip("2001:db8::1"), true)).containsExactly("delete table inet openvrrs");
        assertThat(rules.any()).isFalse();
    }

    @Test
    void repeatedRequestsChangeNothing() {
        rules.set("eth0", ip("192.0.2.1"), false);
        assertThat(rules.set("eth0", ip("192.0.2.1"), false)).isEmpty();
        assertThat(rules.set("eth0", ip("192.0.2.2"), true)).isEmpty();
        assertThat(rules.set("eth1", ip("192.0.2.9"), true)).isEmpty();
        assertThat(rules.any()).isTrue();
    }

    @Test
    void anAddressRefusedOnTwoDevicesStaysUntilBothAccept() {
        rules.set("eth0", ip("192.0.2.1"), false);
        assertThat(rules.set("eth1", ip("192.0.2.1"), false)).isEmpty();
        assertThat(rules.set("eth0", ip("192.0.2.1"), true)).isEmpty();
        assertThat(rules.set("eth1", ip("192.0.2.1"), true)).containsExactly("delete table inet openvrrs");
    }

    @Test
    void aScopedLinkLocalIsWrittenWithoutItsScope() throws Exception {
        InetAddress scoped = java.net.Inet6Address.getByAddress(null, ip("fe80::1").getAddress(), 1);
        assertThat(rules.set("eth0", scoped, false)).last()
                .isEqualTo("add element inet openvrrs refused6 { fe80::1 }");
        assertThat(rules.set("eth0", ip("fe80::1"), true)).containsExactly("delete table inet openvrrs");
    }

    @Test
    void stopDeletesTheTableOnlyWhenThereIsOne() {
        assertThat(rules.release()).isEmpty();
        rules.set("eth0", ip("192.0.2.1"), false);
        assertThat(rules.release()).containsExactly("delete table inet openvrrs");
        assertThat(rules.any()).isFalse();
    }
}
