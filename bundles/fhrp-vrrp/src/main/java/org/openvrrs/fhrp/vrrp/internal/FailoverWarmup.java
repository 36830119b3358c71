package org.openvrrs.fhrp.vrrp.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openvrrs.fhrp.vrrp.internal.packet.Ipv4ChecksumMode;
import org.openvrrs.fhrp.vrrp.internal.packet.VrrpAdvert;
import org.openvrrs.fhrp.vrrp.internal.packet.VrrpCodec;
import org.openvrrs.net.api.Frames;
import org.openvrrs.vrrs.api.AddressFamily;
import org.openvrrs.vrrs.api.MacAddress;

/**
 * Runs the code a Backup first needs at its takeover (encoding its first advertisement, building gratuitous ARPs and
 * neighbour advertisements) until the JIT has compiled it, once per JVM at start, so the first failover does not run
 * interpreted. Sends nothing: it only builds frames into memory.
 */
final class FailoverWarmup {
    private static final AtomicBoolean DONE = new AtomicBoolean();
    private static final int ROUNDS = 20_000;

    private FailoverWarmup() {
    }

    static void once() {
        if (!DONE.compareAndSet(false, true)) {
            return;
        }
        try {
            InetAddress v4 = InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1});
            InetAddress v6 = InetAddress.getByAddress(new byte[] {(byte) 0xfe, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 1});
            VrrpAdvert a4 = VrrpAdvert.v3(1, 100, v4, List.of(v4), 100);
            VrrpAdvert a6 = VrrpAdvert.v3(1, 100, v6, List.of(v6), 100);
            MacAddress mac = MacAddress.vrrp(AddressFamily.IPV4, 1);
            byte[] buffer = new byte[128];
            long sink = 0;
            for (int i = 0; i < ROUNDS; i++) {
                sink += VrrpCodec.encodeInto(buffer, (i & 1) == 0 ? a4 : a6, mac, Ipv4ChecksumMode.PSEUDO_HEADER);
                sink += VrrpCodec.decodeFrame(buffer).vrid();
                sink += Frames.gratuitousArp((Inet4Address) v4, mac).length;
                sink += Frames.unsolicitedNeighborAdvert((Inet6Address) v6, mac).length;
            }
            if (sink == 42) {
                throw new AssertionError(); // keeps the work from being optimised away
            }
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e); // literal byte arrays of the right length
        }
    }
}
