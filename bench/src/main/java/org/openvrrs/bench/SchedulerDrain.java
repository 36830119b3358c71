package org.openvrrs.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openvrrs.net.api.Scheduler;

/** Lets the work a measured call left on a scheduler (announcement rounds, interface events) finish first. */
public final class SchedulerDrain {
    private SchedulerDrain() {
    }

    /** Waits until {@code scheduler} has run three empty tasks in a row: what was queued before them is done. */
    public static void drain(Scheduler scheduler) throws InterruptedException {
        for (int round = 0; round < 3; round++) {
            CountDownLatch done = new CountDownLatch(1);
            scheduler.execute(done::countDown);
            if (!done.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("LAN scheduler still busy after 30 s");
            }
        }
    }
}
