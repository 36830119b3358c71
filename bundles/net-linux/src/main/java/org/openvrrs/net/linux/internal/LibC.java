package org.openvrrs.net.linux.internal;

import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * The libc calls net-linux makes itself, bound when first used with JNA's direct mapping (static natives, several
 * times cheaper per call than a proxy interface; JNA is a bundle of the container already, pcap4j needs it).
 */
final class LibC {
    static {
        Native.register(LibC.class, "c");
    }

    private LibC() {
    }

    static native int socket(int domain, int type, int protocol);

    static native NativeLong sendto(int fd, byte[] buffer, NativeLong length, int flags, byte[] address,
            int addressLength);

    static native int close(int fd);

    static native int setsockopt(int fd, int level, int name, Pointer value, int length);

    static native String strerror(int errno);

    /** {@code param} is {@code struct sched_param}: one int, the priority. */
    static native int sched_setscheduler(int pid, int policy, int[] param);

    /** The calling thread's last error as the kernel words it: "Operation not permitted (errno 1)". */
    static String lastError() {
        int errno = Native.getLastError();
        return strerror(errno) + " (errno " + errno + ")";
    }
}
