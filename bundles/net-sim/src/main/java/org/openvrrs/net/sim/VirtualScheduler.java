package org.openvrrs.net.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import org.openvrrs.net.api.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Scheduler} whose time moves only when a test says so, so protocol timers are tested exactly and without
 * sleeps. Tasks run on the thread that calls {@link #advance(long)} or {@link #runUntilIdle()}, in time order,
 * first-in first-out for equal times. Time starts at 0.
 *
 * <p>A task that throws is logged and kept in {@link #failures()}; the others still run.
 */
public final class VirtualScheduler implements Scheduler {
    private static final Logger LOG = LoggerFactory.getLogger(VirtualScheduler.class);

    private final PriorityQueue<VirtualTimer> queue = new PriorityQueue<>(
            Comparator.comparingLong((VirtualTimer t) -> t.dueNanos).thenComparingLong(t -> t.sequence));
    private final List<Throwable> failures = new ArrayList<>();
    private long now;
    private long nextSequence;
    private boolean running;

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized Timer schedule(long delayNanos, Runnable task) {
        Objects.requireNonNull(task, "task is required");
        VirtualTimer timer = new VirtualTimer(now + Math.max(0, delayNanos), nextSequence++, task);
        queue.add(timer);
        return timer;
    }

    @Override
    public void execute(Runnable task) {
        schedule(0, task);
    }

    /** Moves time forward by {@code nanos}, running every task that falls due, including tasks scheduled meanwhile. */
    public void advance(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("time cannot go back (advance by " + nanos + " ns)");
        }
        long target;
        synchronized (this) {
            target = Math.addExact(now, nanos);
        }
        runUntil(target);
    }

    public void advance(Duration duration) {
        advance(duration.toNanos());
    }

    /** Runs everything due now, including tasks those tasks schedule with no delay; time does not move. */
    public void runUntilIdle() {
        advance(0);
    }

    /** Tasks scheduled and neither run nor cancelled. */
    public synchronized int pendingTasks() {
        return queue.size();
    }

    /** The exceptions tasks threw, oldest first. */
    public synchronized List<Throwable> failures() {
        return List.copyOf(failures);
    }

    private void runUntil(long target) {
        synchronized (this) {
            if (running) {
                throw new IllegalStateException("advance() or runUntilIdle() called from a scheduled task");
            }
            running = true;
        }
        try {
            VirtualTimer next;
            while ((next = takeDue(target)) != null) {
                runLogged(next.task);
            }
        } finally {
            synchronized (this) {
                now = Math.max(now, target);
                running = false;
            }
        }
    }

    private synchronized VirtualTimer takeDue(long target) {
        VirtualTimer head = queue.peek();
        if (head == null || head.dueNanos > target) {
            return null;
        }
        queue.poll();
        head.state = TimerState.RAN;
        now = head.dueNanos;
        return head;
    }

    private void runLogged(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | AssertionError e) {
            LOG.error("scheduled task {} failed at virtual time {} ns", task, nanoTime(), e);
            synchronized (this) {
                failures.add(e);
            }
        }
    }

    private enum TimerState { PENDING, RAN, CANCELLED }

    private final class VirtualTimer implements Timer {
        final long dueNanos;
        final long sequence;
        final Runnable task;
        TimerState state = TimerState.PENDING;

        VirtualTimer(long dueNanos, long sequence, Runnable task) {
            this.dueNanos = dueNanos;
            this.sequence = sequence;
            this.task = task;
        }

        @Override
        public void cancel() {
            synchronized (VirtualScheduler.this) {
                if (state == TimerState.PENDING) {
                    state = TimerState.CANCELLED;
                    queue.remove(this);
                }
            }
        }

        @Override
        public boolean isCancelled() {
            synchronized (VirtualScheduler.this) {
                return state == TimerState.CANCELLED;
            }
        }
    }
}
