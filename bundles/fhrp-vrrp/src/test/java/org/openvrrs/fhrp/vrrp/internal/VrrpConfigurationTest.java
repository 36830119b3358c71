package org.openvrrs.fhrp.vrrp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openvrrs.fhrp.vrrp.internal.packet.GroupStatistics;
import org.openvrrs.vrrs.api.AddressFamily;
import org.openvrrs.vrrs.api.MacAddress;
import org.openvrrs.vrrs.api.ServerUpdate;
import org.openvrrs.vrrs.api.StateReason;
import org.openvrrs.vrrs.api.VrrsState;

/** Configuration as the component and the shell read it, and how a group's state reads in VRRS. */
class VrrpConfigurationTest {
    static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    static VrrpGroupConfig parse(Map<String, Object> props) {
        return VrrpGroupComponent.toGroupConfig(TypedConfig.of(VrrpGroupComponent.Config.class, props));
    }

    static Map<String, Object> minimal() {
        Map<String, Object> m = new HashMap<>();
        m.put("interfaceName", "eth0");
        m.put("vrid", "1");
        m.put("addresses", "192.0.2.1, 192.0.2.5");
        return m;
    }

    @Test
    void defaultsAreTheAnnotationsAndStringsAreConverted() throws Exception {
        VrrpGroupConfig c = parse(minimal());
        assertThat(c.priority()).isEqualTo(100);
        assertThat(c.version()).isEqualTo(3);
        assertThat(c.preempt()).isTrue();
        assertThat(c.advertIntervalCentis()).isEqualTo(100);
        assertThat(c.addresses()).containsExactly(ip("192.0.2.1"), ip("192.0.2.5"));
        assertThat(c.checksum()).isEqualTo("rfc5798");
        assertThat(c.key()).isEqualTo("eth0/IPv4/1");
    }

    @Test
    void badValuesAreRefusedWithTheOperatorsWords() {
        Map<String, Object> m = minimal();
        m.put("priority", "high");
        assertThatThrownBy(() -> parse(m)).hasMessage("priority 'high' is not a whole number");
        m.put("priority", "100");
        m.put("preempt", "maybe");
        assertThatThrownBy(() -> parse(m)).hasMessage("preempt 'maybe' is not true or false");
        m.put("preempt", "true");
        m.put("version", "2");
        m.put("family", "ipv6");
        assertThatThrownBy(() -> parse(m)).hasMessage("VRRP version 2 is IPv4 only; use version 3 for IPv6");
        m.put("family", "ipv4");
        m.put("advertIntervalMillis", "1500");
        assertThatThrownBy(() -> parse(m)).hasMessage("advertisement interval 1500 ms is not 1-255 whole seconds "
                + "(VRRPv2)");
        Map<String, Object> noInterface = minimal();
        noInterface.remove("interfaceName");
        assertThatThrownBy(() -> parse(noInterface)).hasMessage("interfaceName is required");
        Map<String, Object> v6 = minimal();
        v6.put("family", "ipv6");
        v6.put("addresses", "2001:db8::1");
        assertThatThrownBy(() -> parse(v6)).hasMessageContaining("needs a link-local virtual address");
        v6.put("addresses", "2001:db8::1, fe80::1");
        assertThat(parse(v6).addresses().get(0).isLinkLocalAddress()).isTrue();
    }

    @Test
    void aMasterIsActiveWithItsOwnAddressAndABackupNamesTheMaster() throws Exception {
        VrrpGroupConfig c = parse(minimal());
        MacAddress vmac = MacAddress.vrrp(AddressFamily.IPV4, 1);
        VirtualRouter.Transition backup = new VirtualRouter.Transition(VirtualRouter.State.INITIALIZE,
                VirtualRouter.State.BACKUP, StateReason.PROTOCOL, ip("192.0.2.3"), 200, 100, ip("192.0.2.2"),
                ip("192.0.2.3"), null);
        ServerUpdate b = VrrsLink.update(backup, c, vmac);
        assertThat(b.state()).isEqualTo(VrrsState.BACKUP);
        assertThat(b.activeAddress()).isEqualTo(ip("192.0.2.3"));
        assertThat(b.standbyAddress()).isEqualTo(ip("192.0.2.2"));
        assertThat(b.virtualAddress()).isEqualTo(ip("192.0.2.1"));
        assertThat(b.virtualMac()).isEqualTo(vmac);

        VirtualRouter.Transition master = new VirtualRouter.Transition(VirtualRouter.State.BACKUP,
                VirtualRouter.State.MASTER, StateReason.PROTOCOL, ip("192.0.2.2"), 100, 100, ip("192.0.2.2"),
                ip("192.0.2.3"), null);
        ServerUpdate m = VrrsLink.update(master, c, vmac);
        assertThat(m.state()).isEqualTo(VrrsState.ACTIVE);
        assertThat(List.of(m.activeAddress(), m.standbyAddress())).containsExactly(ip("192.0.2.2"), ip("192.0.2.3"));

        VirtualRouter.Transition down = new VirtualRouter.Transition(VirtualRouter.State.MASTER,
                VirtualRouter.State.INITIALIZE, StateReason.INTERFACE, null, 0, 100, ip("192.0.2.2"),
                ip("192.0.2.3"), null);
        ServerUpdate i = VrrsLink.update(down, c, vmac);
        assertThat(i.state()).isEqualTo(VrrsState.INIT);
        assertThat(i.reason()).isEqualTo(StateReason.INTERFACE);
        assertThat(i.activeAddress()).isEqualTo(ip("0.0.0.0"));
    }
}
