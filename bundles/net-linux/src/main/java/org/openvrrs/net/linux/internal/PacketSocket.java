package org.openvrrs.net.linux.internal;

import com.sun.jna.NativeLong;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One raw {@code AF_PACKET} socket that sends whole Ethernet frames on any device, chosen per frame by ifindex
 * ({@code sendto} with a {@code sockaddr_ll}). It is bound to no protocol, so the kernel delivers nothing to it.
 *
 * <p>Why not a pcap handle per device: every packet socket in a namespace is visited on every link event of that
 * namespace (the kernel's {@code packet_notifier}), so 4,000 subinterfaces each with a send handle made each of the
 * 12,000 link changes of one plug-in switch-over walk 4,000 sockets: seconds of kernel time, measured
 * (docs/benchmarks-plugins.md). One socket for all sends costs one visit.
 *
 * <p>{@link #warmUp()} lets the JIT compile the send path before the first takeover needs it.
 */
final class PacketSocket implements AutoCloseable {
    private static final int AF_PACKET = 17;
    private static final int SOCK_RAW = 3;
    private static final int MSG_DONTWAIT = 0x40;
    private static final int SOCKADDR_LL_SIZE = 20;
    private static final int WARM_UP_ROUNDS = 20_000;

    private final int fd;

    /** Opens the socket; needs CAP_NET_RAW. Throws {@link IllegalStateException} with the reason. */
    PacketSocket() {
        int opened;
        try {
            opened = LibC.socket(AF_PACKET, SOCK_RAW, 0);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError e) {
            throw new IllegalStateException("cannot bind libc for sending frames: " + e.getMessage());
        }
        if (opened < 0) {
            throw new IllegalStateException("cannot open a packet socket for sending: " + LibC.lastError());
        }
        fd = opened;
    }

    /**
     * Sends {@code frame} (Ethernet header included) on the device with {@code ifindex}, never blocking.
     *
     * @throws IllegalStateException with the kernel's reason (device down or gone, queue full)
     */
    void send(int ifindex, byte[] frame) {
        if (sendto(fd, ifindex, frame) < 0) {
            throw new IllegalStateException(LibC.lastError());
        }
    }

    /**
     * Runs the send path on an invalid descriptor (the kernel answers EBADF, nothing is sent) until the JIT has
     * compiled it, so a Backup's first advertisement as Master does not go through interpreted JNA glue.
     */
    void warmUp() {
        byte[] frame = new byte[60];
        long failed = 0;
        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            failed += sendto(-1, 1, frame) < 0 ? 1 : 0;
        }
        if (failed != WARM_UP_ROUNDS) {
            throw new AssertionError("a send on descriptor -1 succeeded");
        }
    }

    private static long sendto(int fd, int ifindex, byte[] frame) {
        return LibC.sendto(fd, frame, new NativeLong(frame.length), MSG_DONTWAIT, address(ifindex, frame),
                SOCKADDR_LL_SIZE).longValue();
    }

    /**
     * {@code struct sockaddr_ll}: family and ifindex in host order, the protocol (the frame's EtherType) in network
     * order, the destination MAC; hatype and pkttype are not used for sending.
     */
    static byte[] address(int ifindex, byte[] frame) {
        ByteBuffer a = ByteBuffer.allocate(SOCKADDR_LL_SIZE).order(ByteOrder.nativeOrder());
        a.putShort(0, (short) AF_PACKET);
        a.put(2, frame[12]).put(3, frame[13]);
        a.putInt(4, ifindex);
        a.put(11, (byte) 6);
        a.put(12, frame, 0, 6);
        return a.array();
    }

    @Override
    public void close() {
        LibC.close(fd);
    }
}
