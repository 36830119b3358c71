package org.openvrrs.net.linux.internal;

import java.sql.Timestamp;
import java.time.Instant;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frames received on one Linux device through libpcap, raw bytes only (pcap4j's packet factories are not used:
 * inside OSGi they silently yield UnknownPacket). The handle is filtered in the kernel to what the appliance needs and
 * to incoming frames only, and read by one thread of its own. Sending goes through {@link PacketSocket}, one socket
 * for every device.
 */
final class PcapPort implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PcapPort.class);
    /** VRRP over IPv4 and IPv6, ARP, and IPv6 neighbour discovery (ICMPv6 133-137, no extension headers). */
    static final String FILTER = "(ip proto 112) or (ip6 proto 112) or arp"
            + " or (icmp6 and ip6[40] >= 133 and ip6[40] <= 137)";
    private static final int SNAPLEN = 2048;
    private static final int POLL_MILLIS = 100;
    private static final int BUFFER_BYTES = 4 << 20;
    /** A kernel timestamp further in the past than this is taken for a clock step and ignored. */
    private static final long MAX_AGE_NANOS = 1_000_000_000L;

    /** Where received frames go, on the receive thread. */
    interface FrameSink {
        /**
         * @param frame    the whole frame
         * @param ageNanos how long ago the kernel received it (its capture timestamp), 0 when unknown; lets the
         *                 protocol time the frame from its arrival, not from when this thread woke up
         */
        void frame(byte[] frame, long ageNanos);
    }

    private final String device;
    private final Runnable onStart;
    private final FrameSink onFrame;
    private final PcapHandle receiveHandle;
    private final Thread thread;
    private volatile boolean closed;

    /**
     * Opens the handle and starts the receive thread.
     *
     * @param onStart run first on the receive thread (to set its scheduling)
     * @param onFrame called on the receive thread with each frame; must not block
     */
    PcapPort(String device, Runnable onStart, FrameSink onFrame) throws PcapNativeException, NotOpenException {
        this.device = device;
        this.onStart = onStart;
        this.onFrame = onFrame;
        this.receiveHandle = new PcapHandle.Builder(device).snaplen(SNAPLEN)
                .promiscuousMode(PcapNetworkInterface.PromiscuousMode.NONPROMISCUOUS).timeoutMillis(POLL_MILLIS)
                .bufferSize(BUFFER_BYTES).immediateMode(true).build();
        try {
            receiveHandle.setFilter(FILTER, BpfProgram.BpfCompileMode.OPTIMIZE);
            receiveHandle.setDirection(PcapHandle.PcapDirection.IN);
        } catch (PcapNativeException | NotOpenException | RuntimeException e) {
            receiveHandle.close();
            throw e;
        }
        this.thread = new Thread(this::receiveLoop, "net-linux-rx-" + device);
        thread.setDaemon(true);
        thread.start();
    }

    private void receiveLoop() {
        try {
            onStart.run();
            while (!closed) {
                byte[] frame;
                try {
                    frame = receiveHandle.getNextRawPacket();
                } catch (NotOpenException e) {
                    return;
                }
                if (frame != null) {
                    onFrame.frame(frame, ageNanos(receiveHandle.getTimestamp(), Instant.now()));
                }
            }
        } catch (RuntimeException e) {
            LOG.error("{}: receive loop stopped: {}", device, e.toString());
        } finally {
            receiveHandle.close(); // closed here, never under a thread still reading it
        }
    }

    /**
     * How long before {@code now} the kernel stamped a frame; both are wall-clock (CLOCK_REALTIME) times. 0 when
     * there is no stamp or it is implausible (in the future, or older than a second: the clock was stepped).
     */
    static long ageNanos(Timestamp stamp, Instant now) {
        if (stamp == null) {
            return 0;
        }
        long age = (now.getEpochSecond() - Math.floorDiv(stamp.getTime(), 1000)) * 1_000_000_000L
                + now.getNano() - stamp.getNanos();
        return age >= 0 && age < MAX_AGE_NANOS ? age : 0;
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(2 * POLL_MILLIS + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
