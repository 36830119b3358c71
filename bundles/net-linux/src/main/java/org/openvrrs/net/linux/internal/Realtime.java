package org.openvrrs.net.linux.internal;

/**
 * Real-time scheduling ({@code SCHED_FIFO}) for the threads a takeover waits on: the protocol thread, where the
 * Master_Down_Timer fires, and the receive threads. Under the normal scheduler a thread that wakes at its deadline
 * queues for a CPU behind whatever else is runnable: 1 to 7 ms late in 3 of 100 takeovers on two vCPUs, with no GC or
 * safepoint anywhere near (docs/benchmarks-linux.md). A {@code SCHED_FIFO} thread runs as soon as it wakes.
 *
 * <p>The default priority, 10, is below the kernel's threaded interrupt handlers (50), so the interrupts that bring
 * adverts in still come first. Should one of these threads ever loop, the kernel's real-time throttling
 * ({@code kernel.sched_rt_runtime_us}, 95 % of each second by default) leaves the rest of the CPU to everything else.
 */
final class Realtime {
    static final int DEFAULT_PRIORITY = 10;
    private static final int SCHED_FIFO = 1;
    /**
     * Threads and processes this thread creates start on the normal scheduler: without it the ip batch writer, which
     * the protocol thread starts lazily, and any {@code ip} it forks would inherit real-time priority.
     */
    private static final int SCHED_RESET_ON_FORK = 0x40000000;
    private static final int MAX_PRIORITY = 99;

    private Realtime() {
    }

    /** @throws IllegalArgumentException when {@code priority} is not 0 (off) to 99 */
    static int validate(int priority) {
        if (priority < 0 || priority > MAX_PRIORITY) {
            throw new IllegalArgumentException("realtimePriority " + priority
                    + " is outside 0-99 (0 keeps the normal scheduler)");
        }
        return priority;
    }

    /**
     * Puts the calling thread under {@code SCHED_FIFO} at {@code priority}; 0 leaves it alone.
     *
     * @return null when done (or nothing asked), else why not, as the kernel says it
     */
    static String raiseCurrentThread(int priority) {
        if (priority == 0) {
            return null;
        }
        try {
            return LibC.sched_setscheduler(0, SCHED_FIFO | SCHED_RESET_ON_FORK, new int[] {priority}) == 0 ? null
                    : LibC.lastError();
        } catch (UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError e) {
            return "libc cannot be bound: " + e.getMessage();
        }
    }
}
