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
}
