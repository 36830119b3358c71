package org.openvrrs.net.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SystemSchedulerTest {
    private final SystemScheduler scheduler = new SystemScheduler("test-scheduler");
    private final List<String> ran = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        scheduler.close();
    }

    @Test
    void runsTimersInTimeOrder() {
        scheduler.schedule(Duration.ofMillis(60), () -> ran.add("third"));
        scheduler.schedule(Duration.ofMillis(20), () -> ran.add("first"));
        scheduler.schedule(Duration.ofMillis(40), () -> ran.add("second"));
        await().atMost(Duration.ofSeconds(5)).until(() -> ran.size() == 3);
        assertThat(ran).containsExactly("first", "second", "third");
    }

    @Test
    void runsExecutedTasksFirstInFirstOutOnOneThread() {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 100; i++) {
            String name = Integer.toString(i);
            scheduler.execute(() -> {
                threads.add(Thread.currentThread());
                ran.add(name);
            });
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> ran.size() == 100);
        assertThat(ran).isEqualTo(IntStream.range(0, 100).mapToObj(Integer::toString).toList());
        assertThat(threads).singleElement().satisfies(t -> {
            assertThat(t.getName()).isEqualTo("test-scheduler");
            assertThat(t.isDaemon()).isTrue();
        });
    }

    @Test
    void cancelledTimerDoesNotRun() {
        AtomicBoolean cancelledRan = new AtomicBoolean();
        Scheduler.Timer timer = scheduler.schedule(Duration.ofMillis(50), () -> cancelledRan.set(true));
        timer.cancel();
        scheduler.schedule(Duration.ofMillis(100), () -> ran.add("later"));
        await().atMost(Duration.ofSeconds(5)).until(() -> ran.contains("later"));
        assertThat(timer.isCancelled()).isTrue();
        assertThat(cancelledRan).isFalse();
    }

    @Test
    void failingTaskDoesNotStopTheScheduler() {
        scheduler.execute(() -> {
            throw new IllegalStateException("expected by the test");
        });
        scheduler.execute(() -> ran.add("after"));
        await().atMost(Duration.ofSeconds(5)).until(() -> ran.contains("after"));
    }

    @Test
    void refusesTasksOnceClosed() {
        scheduler.close();
        assertThatThrownBy(() -> scheduler.execute(() -> { })).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void exactTimerRunsAtItsDeadlineNotBefore() {
        List<Long> lateness = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 20; i++) {
            long due = System.nanoTime() + Duration.ofMillis(5).toNanos();
            scheduler.scheduleExact(Duration.ofMillis(5).toNanos(), () -> lateness.add(System.nanoTime() - due));
            int expected = i + 1;
            await().atMost(Duration.ofSeconds(5)).until(() -> lateness.size() == expected);
        }
        assertThat(lateness).allSatisfy(late -> assertThat(late).isNotNegative());
    }

    @Test
    void workSubmittedWhileSpinningRunsBeforeTheDeadlineAndCanCancelTheTimer() {
        // a spin window longer than the whole timer: the thread spins from the start
        try (SystemScheduler spinning = new SystemScheduler("spinning", Duration.ofSeconds(2).toNanos())) {
            AtomicBoolean takeover = new AtomicBoolean();
            long due = System.nanoTime() + Duration.ofMillis(500).toNanos();
            Scheduler.Timer masterDown = spinning.scheduleExact(Duration.ofMillis(500).toNanos(),
                    () -> takeover.set(true));
            List<Long> advertRanAt = new CopyOnWriteArrayList<>();
            spinning.execute(() -> {
                advertRanAt.add(System.nanoTime());
                masterDown.cancel();
            });
            spinning.schedule(Duration.ofMillis(600), () -> ran.add("after the deadline"));
            await().atMost(Duration.ofSeconds(5)).until(() -> ran.contains("after the deadline"));
            assertThat(advertRanAt).singleElement().satisfies(at -> assertThat(at).isLessThan(due));
            assertThat(takeover).isFalse();
        }
    }

    @Test
    void cancelledTimersAreSweptNotKeptUntilDue() {
        for (int i = 0; i < 100_000; i++) {
            scheduler.scheduleExact(Duration.ofHours(1).toNanos(), () -> ran.add("never")).cancel();
        }
        scheduler.execute(() -> ran.add("swept"));
        await().atMost(Duration.ofSeconds(5)).until(() -> ran.contains("swept"));
        assertThat(scheduler.cancelledHeld()).isLessThanOrEqualTo(SystemScheduler.SWEEP_THRESHOLD);
        assertThat(ran).containsExactly("swept");
    }

    @Test
    void nanoTimeIsMonotonic() {
        long before = scheduler.nanoTime();
        assertThat(scheduler.nanoTime()).isGreaterThanOrEqualTo(before);
    }
}
