package org.openvrrs.net.linux.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** The raw send socket against the real kernel (needs CAP_NET_RAW: root in CI, skipped otherwise). */
class PacketSocketTest {

    private static void assumeRawSockets() {
        assumeTrue("root".equals(System.getProperty("user.name")),
                "not root: a raw packet socket needs CAP_NET_RAW; PacketSocket not checked");
    }

    @Test
    void aFrameForADeviceThatDoesNotExistIsRefusedWithTheKernelsReason() {
        assumeRawSockets();
        try (PacketSocket socket = new PacketSocket()) {
            socket.warmUp(); // sends nothing: descriptor -1
            byte[] frame = new byte[60];
            frame[12] = 0x08;
            frame[13] = 0x06;
            assertThatThrownBy(() -> socket.send(Integer.MAX_VALUE, frame)).isInstanceOf(IllegalStateException.class)
                    .hasMessageEndingWith("(errno 6)"); // ENXIO: no device with that ifindex
        }
    }
}
