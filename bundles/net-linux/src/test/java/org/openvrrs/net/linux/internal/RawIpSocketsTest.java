package org.openvrrs.net.linux.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** The socket addresses unicast VRRP is sent to, byte for byte as the kernel reads them. */
class RawIpSocketsTest {

    @Test
    void ipv4AddressIsFamilyPortZeroThenTheAddress() throws Exception {
        byte[] a = RawIpSockets.sockaddrIn(InetAddress.getByName("192.0.2.3"));
        assertThat(a).hasSize(16);
        assertThat(ByteBuffer.wrap(a).order(ByteOrder.nativeOrder()).getShort(0)).isEqualTo((short) 2);
        assertThat(new byte[] {a[2], a[3]}).containsExactly(0, 0);
        assertThat(new byte[] {a[4], a[5], a[6], a[7]}).containsExactly(192, 0, 2, 3);
    }

    @Test
    void ipv6AddressCarriesTheDeviceAsScope() throws Exception {
        byte[] a = RawIpSockets.sockaddrIn6(InetAddress.getByName("fe80::3"), 7);
        assertThat(a).hasSize(28);
        ByteBuffer b = ByteBuffer.wrap(a).order(ByteOrder.nativeOrder());
        assertThat(b.getShort(0)).isEqualTo((short) 10);
        assertThat(b.getShort(2)).as("port: 0, the socket's protocol").isZero();
        assertThat(a[8]).isEqualTo((byte) 0xfe);
        assertThat(a[23]).isEqualTo((byte) 3);
        assertThat(b.getInt(24)).isEqualTo(7);
    }
}
