package org.openvrrs.fhrp.vrrp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openvrrs.fhrp.vrrp.internal.packet.GroupStatistics;
import org.openvrrs.fhrp.vrrp.internal.packet.Ipv4ChecksumMode;
import org.openvrrs.fhrp.vrrp.internal.packet.VrrpVersion;
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
        return VrrpGroupComponent.READER.read(props);
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
        assertThat(c.version()).isEqualTo(VrrpVersion.V3);
        assertThat(c.preempt()).isTrue();
        assertThat(c.advertIntervalCentis()).isEqualTo(100);
        assertThat(c.addresses()).containsExactly(ip("192.0.2.1"), ip("192.0.2.5"));
        assertThat(c.checksum()).isEqualTo(Ipv4ChecksumMode.PSEUDO_HEADER);
        assertThat(c.key()).isEqualTo("eth0/IPv4/1");
    }

    @Test
    void badValuesAreRefusedWithTheOperatorsWords() {
        Map<String, Object> m = minimal();
        m.put("priority", "high");
        assertThatThrownBy(() -> parse(m)).hasMessage("configuration: priority = 'high': not a whole number");
        m.put("priority", "100");
        m.put("preempt", "maybe");
        assertThatThrownBy(() -> parse(m)).hasMessage("configuration: preempt = 'maybe': not true or false");
        m.put("preempt", "true");
        m.put("version", "2");
        m.put("family", "ipv6");
        assertThatThrownBy(() -> parse(m))
                .hasMessage("configuration: VRRP version 2 is IPv4 only; use version 3 for IPv6");
        m.put("family", "ipv4");
        m.put("advertIntervalMillis", "1500");
        assertThatThrownBy(() -> parse(m)).hasMessage("configuration: advertisement interval 1500 ms is not 1-255 "
                + "whole seconds (VRRPv2)");
        Map<String, Object> noInterface = minimal();
        noInterface.remove("interfaceName");
        assertThatThrownBy(() -> parse(noInterface)).hasMessage("configuration: interfaceName is required and not set");
        Map<String, Object> v6 = minimal();
        v6.put("family", "ipv6");
        v6.put("addresses", "2001:db8::1");
        assertThat(parse(v6).addresses()).containsExactly(SimulatedLanTest.ip("2001:db8::1")); // as keepalived users
        v6.put("addresses", "2001:db8::1, fe80::1");
        assertThat(parse(v6).addresses().get(0).isLinkLocalAddress()).isTrue();
    }

    @Test
    void theFileSyntaxInUseReadsAsTheEnums() {
        Map<String, Object> m = minimal();
        m.put("family", "ipv4");
        m.put("version", "2");
        m.put("checksum", "rfc9568");
        VrrpGroupConfig c = parse(m);
        assertThat(c.family()).isEqualTo(AddressFamily.IPV4);
        assertThat(c.version()).isEqualTo(VrrpVersion.V2);
        assertThat(c.checksum()).isEqualTo(Ipv4ChecksumMode.VRRP_ONLY);
        m.put("version", 3); // vrrp:configure --version 3 writes an Integer
        m.put("checksum", "RFC5798");
        m.put("family", "IPv4");
        assertThat(parse(m).version()).isEqualTo(VrrpVersion.V3);
        assertThat(parse(m).checksum()).isEqualTo(Ipv4ChecksumMode.PSEUDO_HEADER);
        m.put("checksum", "cisco");
        assertThatThrownBy(() -> parse(m)).hasMessage("configuration: checksum = 'cisco': not one of rfc5798, rfc9568");
        m.put("checksum", "rfc5798");
        m.put("version", "4");
        assertThatThrownBy(() -> parse(m)).hasMessage("configuration: version = '4': not one of 2, 3");
        m.put("version", "3");
        m.put("family", "ipv5");
        assertThatThrownBy(() -> parse(m)).hasMessage("configuration: family = 'ipv5': not one of ipv4, ipv6");
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
