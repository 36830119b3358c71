package org.openvrrs.net.linux.internal;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;

/**
 * Raw IP sockets for unicast VRRP (keepalived's {@code unicast_peer}), one per device and family, opened when first
 * needed: a packet is handed over with its IP header ({@code IP_HDRINCL} / {@code IPV6_HDRINCL}) and the kernel
 * routes it out of the bound device ({@code SO_BINDTODEVICE}) and resolves the peer's MAC (ARP / neighbour
 * discovery), as keepalived does. An {@code AF_PACKET} frame would need that MAC first, and the neighbour table
 * only has it after traffic.
 *
 * <p>The sockets never read: a filter that drops everything keeps the kernel from queueing received VRRP to them
 * (pcap captures it), while their existence tells the kernel protocol 112 is handled, so unicast adverts to this
 * host get no ICMP protocol unreachable back. Thread-safe.
 */
final class RawIpSockets implements AutoCloseable {
    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;
    private static final int SOCK_RAW = 3;
    private static final int IPPROTO_VRRP = 112;
    private static final int SOL_SOCKET = 1;
    private static final int SO_BINDTODEVICE = 25;
    private static final int SO_ATTACH_FILTER = 26;
    private static final int IPPROTO_IP = 0;
    private static final int IP_HDRINCL = 3;
    private static final int IPPROTO_IPV6 = 41;
    private static final int IPV6_HDRINCL = 36;
    private static final int MSG_DONTWAIT = 0x40;
    private static final int BPF_RET_K = 0x06;

    private final Map<String, Integer> sockets = new HashMap<>(); // "dev/4" or "dev/6" -> fd

    /**
     * Sends {@code ipPacket} (IP header included) to {@code destination} out of {@code dev}.
     *
     * @throws IllegalStateException with the kernel's reason; the socket is closed and opened anew next time (the
     *                               device may have been re-created)
     */
    void send(String dev, int ifindex, InetAddress destination, byte[] ipPacket) {
        boolean v4 = destination instanceof Inet4Address;
        int fd = socket(dev, v4);
        byte[] address = v4 ? sockaddrIn(destination) : sockaddrIn6(destination, ifindex);
        long sent = LibC.sendto(fd, ipPacket, new NativeLong(ipPacket.length), MSG_DONTWAIT, address,
                address.length).longValue();
        if (sent < 0) {
            String error = LibC.lastError();
            close(dev, v4);
            throw new IllegalStateException(error);
        }
    }

    /** Opens both families' sockets on {@code dev} now (a device whose groups receive), if not open yet. */
    void prepare(String dev) {
        socket(dev, true);
        socket(dev, false);
    }

    private synchronized int socket(String dev, boolean v4) {
        Integer open = sockets.get(key(dev, v4));
        if (open != null) {
            return open;
        }
        int fd = LibC.socket(v4 ? AF_INET : AF_INET6, SOCK_RAW, IPPROTO_VRRP);
        if (fd < 0) {
            throw new IllegalStateException("cannot open a raw IP socket: " + LibC.lastError());
        }
        try {
            option(fd, v4 ? IPPROTO_IP : IPPROTO_IPV6, v4 ? IP_HDRINCL : IPV6_HDRINCL, intValue(1), 4);
            Memory name = new Memory(dev.length() + 1L);
            name.setString(0, dev, "US-ASCII");
            option(fd, SOL_SOCKET, SO_BINDTODEVICE, name, (int) name.size());
            Memory dropAll = new Memory(8); // struct sock_filter: code, jt, jf, k = "ret 0"
            dropAll.clear();
            dropAll.setShort(0, (short) BPF_RET_K);
            Memory program = new Memory(2L * Native.POINTER_SIZE); // struct sock_fprog: length, then the pointer
            program.clear();
            program.setShort(0, (short) 1);
            program.setPointer(Native.POINTER_SIZE, dropAll);
            option(fd, SOL_SOCKET, SO_ATTACH_FILTER, program, (int) program.size());
        } catch (IllegalStateException e) {
            LibC.close(fd);
            throw e;
        }
        sockets.put(key(dev, v4), fd);
        return fd;
    }

    private static void option(int fd, int level, int name, Pointer value, int length) {
        if (LibC.setsockopt(fd, level, name, value, length) < 0) {
            throw new IllegalStateException("setsockopt " + name + " on a raw IP socket: " + LibC.lastError());
        }
    }

    private static Memory intValue(int v) {
        Memory m = new Memory(4);
        m.setInt(0, v);
        return m;
    }

    /** Closes the sockets of {@code dev}, which went away. */
    void forget(String dev) {
        close(dev, true);
        close(dev, false);
    }

    private synchronized void close(String dev, boolean v4) {
        Integer fd = sockets.remove(key(dev, v4));
        if (fd != null) {
            LibC.close(fd);
        }
    }

    private static String key(String dev, boolean v4) {
        return dev + (v4 ? "/4" : "/6");
    }

    /** {@code struct sockaddr_in}: family in host order, port 0, the address. */
    static byte[] sockaddrIn(InetAddress a) {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder());
        b.putShort(0, (short) AF_INET);
        b.put(4, a.getAddress());
        return b.array();
    }

    /** {@code struct sockaddr_in6}: family in host order, port and flow info 0, the address, scope = the device. */
    static byte[] sockaddrIn6(InetAddress a, int ifindex) {
        ByteBuffer b = ByteBuffer.allocate(28).order(ByteOrder.nativeOrder());
        b.putShort(0, (short) AF_INET6);
        b.put(8, a.getAddress());
        b.putInt(24, ifindex);
        return b.array();
    }

    @Override
    public synchronized void close() {
        sockets.values().forEach(LibC::close);
        sockets.clear();
    }
}
