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
    void nanoTimeIsMonotonic() {
        long before = scheduler.nanoTime();
        assertThat(scheduler.nanoTime()).isGreaterThanOrEqualTo(before);
    }
}
