package org.openvrrs.net.linux.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The kernel capture stamp turned into "how long ago": what the Master_Down_Timer counts from. */
class PcapPortTest {

    private static Timestamp stamp(Instant at) {
        return Timestamp.from(at);
    }

    @Test
    void ageIsTheTimeSinceTheKernelStampedTheFrame() {
        Instant now = Instant.ofEpochSecond(1_796_000_000L, 500_000_000);
        assertThat(PcapPort.ageNanos(stamp(now.minusNanos(250_000)), now)).isEqualTo(250_000);
        assertThat(PcapPort.ageNanos(stamp(now), now)).isZero();
    }

    @Test
    void ageAcrossASecondBoundary() {
        Instant stamped = Instant.ofEpochSecond(1_796_000_000L, 999_999_000);
        Instant now = Instant.ofEpochSecond(1_796_000_001L, 100_000);
        assertThat(PcapPort.ageNanos(stamp(stamped), now)).isEqualTo(101_000);
    }

    @Test
    void implausibleStampsAreIgnored() {
        Instant now = Instant.ofEpochSecond(1_796_000_000L, 0);
        assertThat(PcapPort.ageNanos(null, now)).as("no stamp").isZero();
        assertThat(PcapPort.ageNanos(stamp(now.plusMillis(3)), now)).as("in the future: clock stepped back").isZero();
        assertThat(PcapPort.ageNanos(stamp(now.minusSeconds(5)), now)).as("older than a second: clock stepped")
                .isZero();
    }

    /** struct sockaddr_ll for sendto: family, EtherType (network order), ifindex, MAC length, destination MAC. */
    @Test
    void sendAddressNamesTheDeviceAndTheFramesProtocol() {
        byte[] arp = new byte[42];
        for (int i = 0; i < 6; i++) {
            arp[i] = (byte) 0xff;
        }
        arp[12] = 0x08;
        arp[13] = 0x06;
        java.nio.ByteBuffer a = java.nio.ByteBuffer.wrap(PacketSocket.address(0x01020304, arp))
                .order(java.nio.ByteOrder.nativeOrder());
        assertThat(a.capacity()).isEqualTo(20);
        assertThat(a.getShort(0)).isEqualTo((short) 17); // AF_PACKET
        assertThat(a.get(2)).isEqualTo((byte) 0x08);
        assertThat(a.get(3)).isEqualTo((byte) 0x06);
        assertThat(a.getInt(4)).isEqualTo(0x01020304);
        assertThat(a.get(11)).isEqualTo((byte) 6);
        for (int i = 12; i < 18; i++) {
            assertThat(a.get(i)).isEqualTo((byte) 0xff);
        }
    }
}
