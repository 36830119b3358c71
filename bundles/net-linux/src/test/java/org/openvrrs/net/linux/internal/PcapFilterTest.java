package org.openvrrs.net.linux.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.namednumber.DataLinkType;

/** The capture filters compile with the host's libpcap (no root needed: pcap_open_dead). */
class PcapFilterTest {

    @Test
    void receiveFilterCompilesAndTakesOnlyWhatTheApplianceNeeds() throws Exception {
        assumeTrue(Platform.findLibpcap("", Platform.LIBRARY_DIRS).isPresent(),
                "libpcap is not installed (Debian: libpcap0.8); filter compilation not checked");
        Platform.configureLibpcap("");

        BpfProgram receive = Pcaps.compileFilter(2048, DataLinkType.EN10MB, PcapPort.FILTER,
                BpfProgram.BpfCompileMode.OPTIMIZE, (java.net.Inet4Address) java.net.InetAddress.getByName("255.255.255.255"));

        byte[] vrrp = new byte[60];
        vrrp[12] = 0x08; // IPv4
        vrrp[14] = 0x45;
        vrrp[23] = 112;
        byte[] other = vrrp.clone();
        other[23] = 17;
        assertThat(receive.applyFilter(vrrp)).isTrue();
        assertThat(receive.applyFilter(other)).isFalse();
        receive.free();
    }
}
