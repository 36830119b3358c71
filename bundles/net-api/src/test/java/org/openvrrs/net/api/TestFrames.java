package org.openvrrs.net.api;

import java.nio.ByteBuffer;
import org.openvrrs.vrrs.api.MacAddress;

/** Hand-built IP frames for the tests, independent of {@link Frames}' builders. */
final class TestFrames {
    static final MacAddress SOURCE = MacAddress.parse("0200.0000.0001");

    private TestFrames() {
    }

    /** An IPv4 frame with a 20-byte header carrying {@code protocol} and 8 bytes of payload. */
    static byte[] ipv4(int protocol) {
        byte[] ip = ByteBuffer.allocate(28).put((byte) 0x45).put((byte) 0xc0).putShort((short) 28)
                .putInt(0).put((byte) 255).put((byte) protocol).putShort((short) 0)
                .put(new byte[] {(byte) 192, 0, 2, 1}).put(new byte[] {(byte) 224, 0, 0, 18})
                .put(new byte[8]).array();
        return Frames.ethernet(MacAddress.parse("0100.5e00.0012"), SOURCE, Frames.ETHERTYPE_IPV4, ip);
    }

    /** An IPv6 frame with next header {@code nextHeader} whose payload starts with {@code firstPayloadByte}. */
    static byte[] ipv6(int nextHeader, int firstPayloadByte) {
        byte[] ip = ByteBuffer.allocate(48).putInt(0x6000_0000).putShort((short) 8).put((byte) nextHeader)
                .put((byte) 255).put(new byte[16]).put(new byte[16]).put((byte) firstPayloadByte).put(new byte[7])
                .array();
        return Frames.ethernet(MacAddress.parse("3333.0000.0012"), SOURCE, Frames.ETHERTYPE_IPV6, ip);
    }
}
