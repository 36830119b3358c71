package org.openvrrs.net.api;

import java.time.Duration;

/**
 * Monotonic time and timers for protocol code, so the same code runs on the wall clock and on a virtual clock a test
 * drives.
 *
 * <p>All tasks of one scheduler run on one logical thread, in time order, first-in first-out for equal times: code
 * that only touches its state from scheduler tasks needs no locks. A task that throws is logged; it does not stop the
 * scheduler.
 */
public interface Scheduler {

    /** Monotonic time in nanoseconds; only differences are meaningful. */
    long nanoTime();

    /**
     * Runs {@code task} once, {@code delayNanos} from now. A negative delay means "overdue" and is treated as zero.
     *
     * @return a handle to cancel the task before it runs
     */
    Timer schedule(long delayNanos, Runnable task);

    /** {@link #schedule(long, Runnable)} with a {@link Duration}. */
    default Timer schedule(Duration delay, Runnable task) {
        return schedule(delay.toNanos(), task);
    }

    /**
     * {@link #schedule(long, Runnable)} for a deadline where every late microsecond counts (the VRRP
     * Master_Down_Timer): a wall-clock scheduler may spend CPU near the deadline to run it on time. Use it for
     * timers that rarely fire, not for periodic work.
     */
    default Timer scheduleExact(long delayNanos, Runnable task) {
        return schedule(delayNanos, task);
    }

    /** Runs {@code task} soon on the scheduler's thread, after the tasks already due. */
    void execute(Runnable task);

    /** A scheduled task that may still be cancelled. */
    interface Timer {
        /** Prevents the task from running if it has not started yet. Idempotent; does nothing after it ran. */
        void cancel();

        /** Whether {@link #cancel()} was called before the task ran. */
        boolean isCancelled();
    }
}
