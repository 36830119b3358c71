package org.openvrrs.net.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openvrrs.net.api.Scheduler;

class VirtualSchedulerTest {
    private final VirtualScheduler scheduler = new VirtualScheduler();
    private final List<String> ran = new ArrayList<>();

    @Test
    void runsInTimeOrderThenFirstInFirstOut() {
        scheduler.schedule(Duration.ofMillis(30), () -> ran.add("30ms"));
        scheduler.schedule(Duration.ofMillis(10), () -> ran.add("10ms-a"));
        scheduler.execute(() -> ran.add("now"));
        scheduler.schedule(Duration.ofMillis(10), () -> ran.add("10ms-b"));
        assertThat(ran).isEmpty();

        scheduler.advance(Duration.ofMillis(10));
        assertThat(ran).containsExactly("now", "10ms-a", "10ms-b");
        assertThat(scheduler.nanoTime()).isEqualTo(Duration.ofMillis(10).toNanos());

        scheduler.advance(Duration.ofMillis(100));
        assertThat(ran).containsExactly("now", "10ms-a", "10ms-b", "30ms");
        assertThat(scheduler.nanoTime()).isEqualTo(Duration.ofMillis(110).toNanos());
        assertThat(scheduler.pendingTasks()).isZero();
    }

    @Test
    void tasksSeeTheirDueTimeAndTheirFollowUpsRunInTheSameAdvance() {
        List<Long> times = new ArrayList<>();
        scheduler.schedule(1_000, () -> {
            times.add(scheduler.nanoTime());
            scheduler.schedule(500, () -> times.add(scheduler.nanoTime()));
            scheduler.schedule(5_000, () -> times.add(scheduler.nanoTime()));
        });
        scheduler.advance(2_000);
        assertThat(times).containsExactly(1_000L, 1_500L);
        assertThat(scheduler.pendingTasks()).isEqualTo(1);
    }

    @Test
    void runUntilIdleRunsWhatIsDueWithoutMovingTime() {
        scheduler.schedule(Duration.ofSeconds(1), () -> ran.add("later"));
        scheduler.execute(() -> {
            ran.add("first");
            scheduler.execute(() -> ran.add("follow-up"));
        });
        scheduler.runUntilIdle();
        assertThat(ran).containsExactly("first", "follow-up");
        assertThat(scheduler.nanoTime()).isZero();
        assertThat(scheduler.pendingTasks()).isEqualTo(1);
    }

    @Test
    void cancelledTimerNeverRuns() {
        Scheduler.Timer timer = scheduler.schedule(Duration.ofMillis(5), () -> ran.add("cancelled"));
        Scheduler.Timer kept = scheduler.schedule(Duration.ofMillis(5), () -> ran.add("kept"));
        timer.cancel();
        timer.cancel();
        scheduler.advance(Duration.ofMillis(5));
        assertThat(ran).containsExactly("kept");
        assertThat(timer.isCancelled()).isTrue();
        kept.cancel();
        assertThat(kept.isCancelled()).as("cancel after it ran does nothing").isFalse();
    }

    @Test
    void negativeDelayIsOverdueNotAnError() {
        scheduler.advance(100);
        scheduler.schedule(-50, () -> ran.add("overdue"));
        scheduler.runUntilIdle();
        assertThat(ran).containsExactly("overdue");
    }

    @Test
    void failingTaskIsRecordedAndOthersRun() {
        scheduler.execute(() -> {
            throw new IllegalStateException("expected by the test");
        });
        scheduler.execute(() -> ran.add("after"));
        scheduler.runUntilIdle();
        assertThat(ran).containsExactly("after");
        assertThat(scheduler.failures()).singleElement().isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesToGoBackOrToAdvanceFromATask() {
        assertThatThrownBy(() -> scheduler.advance(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot go back");
        scheduler.execute(scheduler::runUntilIdle);
        scheduler.runUntilIdle();
        assertThat(scheduler.failures()).singleElement().isInstanceOf(IllegalStateException.class);
    }
}
