package org.openvrrs.net.api;

import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wall-clock {@link Scheduler}: one daemon thread on {@link System#nanoTime()}, for real networks and demos.
 * Tasks due at the same instant run in submission order. {@link #close()} stops the thread.
 *
 * <p>Own loop rather than a {@code ScheduledThreadPoolExecutor}, for {@link #scheduleExact}: a parked thread wakes
 * 0.1-0.3 ms late at the median and several ms late at the tail (docs/benchmarks-linux.md), which would add straight
 * to a VRRP takeover. For an exact timer the thread stops sleeping {@link #DEFAULT_SPIN_NANOS} before the deadline
 * and spins, still running every task submitted meanwhile (an advertisement that arrives in the last millisecond
 * cancels the takeover as it should). While spinning it yields, so a thread of its own real-time priority on the
 * same CPU (a receive thread with that advertisement) still runs. A longer window does not buy more: on a virtual
 * machine the rare late wake-ups (3-6 ms) are the host's, a timer interrupt delivered late to an idle vCPU or a
 * running vCPU descheduled, and 10 ms of spinning measured no better than 1 ms.
 */
public final class SystemScheduler implements Scheduler, AutoCloseable {
    /** How long before an exact deadline the thread spins instead of sleeping. */
    public static final long DEFAULT_SPIN_NANOS = 1_000_000;
    private static final Logger LOG = LoggerFactory.getLogger(SystemScheduler.class);
    /** Cancelled timers left in the queue before it is swept (they would otherwise stay until their due time). */
    static final int SWEEP_THRESHOLD = 1024;

    private final Thread thread;
    private final long spinNanos;
    private final ConcurrentLinkedQueue<Task> submitted = new ConcurrentLinkedQueue<>();
    private final PriorityQueue<Task> queue = new PriorityQueue<>(); // only touched by the scheduler's thread
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicInteger cancelledInQueue = new AtomicInteger();
    private volatile boolean closed;

    /** @param threadName name of the scheduler's thread, shown in thread dumps */
    public SystemScheduler(String threadName) {
        this(threadName, DEFAULT_SPIN_NANOS);
    }

    SystemScheduler(String threadName, long spinNanos) {
        Objects.requireNonNull(threadName, "thread name is required");
        this.spinNanos = spinNanos;
        thread = new Thread(this::loop, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Timer schedule(long delayNanos, Runnable task) {
        return submit(delayNanos, task, false);
    }

    @Override
    public Timer scheduleExact(long delayNanos, Runnable task) {
        return submit(delayNanos, task, true);
    }

    @Override
    public void execute(Runnable task) {
        submit(0, task, false);
    }

    /** Stops the thread; pending tasks are dropped. Idempotent. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
    }

    /** Cancelled timers still held, waiting to be swept or to come due (for tests). */
    int cancelledHeld() {
        return cancelledInQueue.get();
    }

    private Task submit(long delayNanos, Runnable task, boolean exact) {
        Objects.requireNonNull(task, "task is required");
        if (closed) {
            throw new IllegalStateException("the scheduler is closed");
        }
        Task t = new Task(System.nanoTime() + Math.max(0, delayNanos), sequence.getAndIncrement(), exact, task);
        submitted.add(t);
        if (Thread.currentThread() != thread) {
            LockSupport.unpark(thread);
        }
        return t;
    }

    private void loop() {
        while (!closed) {
            Thread.interrupted(); // a task that interrupts its thread must not turn parking into spinning
            for (Task t; (t = submitted.poll()) != null; ) {
                queue.add(t);
            }
            if (cancelledInQueue.get() > SWEEP_THRESHOLD && cancelledInQueue.get() > queue.size() / 2) {
                queue.removeIf(this::removeIfCancelled);
            }
            Task head = queue.peek();
            if (head == null) {
                LockSupport.park(this);
                continue;
            }
            if (head.state == Task.CANCELLED) {
                removeIfCancelled(queue.poll());
                continue;
            }
            long wait = head.due - System.nanoTime();
            if (wait <= 0) {
                queue.poll();
                if (Task.STATE.compareAndSet(head, Task.PENDING, Task.RAN)) {
                    runLogged(head.task);
                } else {
                    removeIfCancelled(head);
                }
            } else if (head.exact && wait <= spinNanos) {
                Thread.yield(); // and look at new submissions again: they may be due before the deadline
            } else {
                LockSupport.parkNanos(this, head.exact ? wait - spinNanos : wait);
            }
        }
        submitted.clear();
        queue.clear();
    }

    private boolean removeIfCancelled(Task t) {
        if (t.state == Task.CANCELLED) {
            cancelledInQueue.decrementAndGet();
            return true;
        }
        return false;
    }

    private static void runLogged(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            LOG.error("scheduled task {} failed", task, e);
        }
    }

    private final class Task implements Timer, Comparable<Task> {
        static final int PENDING = 0;
        static final int RAN = 1;
        static final int CANCELLED = 2;
        static final AtomicIntegerFieldUpdater<Task> STATE = AtomicIntegerFieldUpdater.newUpdater(Task.class,
                "state");

        final long due;
        final long seq;
        final boolean exact;
        final Runnable task;
        volatile int state;

        Task(long due, long seq, boolean exact, Runnable task) {
            this.due = due;
            this.seq = seq;
            this.exact = exact;
            this.task = task;
        }

        @Override
        public void cancel() {
            if (STATE.compareAndSet(this, PENDING, CANCELLED)) {
                cancelledInQueue.incrementAndGet();
            }
        }

        @Override
        public boolean isCancelled() {
            return state == CANCELLED;
        }

        @Override
        public int compareTo(Task o) {
            int byTime = Long.compare(due - o.due, 0); // nanoTime may wrap: compare differences
            return byTime != 0 ? byTime : Long.compare(seq, o.seq);
        }
    }
}
