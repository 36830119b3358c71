package org.openvrrs.net.linux.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Real-time scheduling of a thread, against the real kernel (needs CAP_SYS_NICE: root in CI, skipped otherwise). */
class RealtimeTest {

    /** rt_priority and policy (0 = SCHED_OTHER, 1 = SCHED_FIFO): fields 40 and 41 of /proc/thread-self/stat. */
    private static String[] schedulingOfCurrentThread() throws java.io.IOException {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new String[] {fields[40 - 3], fields[41 - 3]};
    }

    /** Runs raiseCurrentThread(priority) on a new thread; returns its answer, then rt_priority and policy. */
    private static String[] raiseOnNewThread(int priority) throws Exception {
        CompletableFuture<String[]> seen = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                String refused = Realtime.raiseCurrentThread(priority);
                String[] scheduling = schedulingOfCurrentThread();
                seen.complete(new String[] {String.valueOf(refused), scheduling[0], scheduling[1]});
            } catch (Exception e) {
                seen.completeExceptionally(e);
            }
        });
        t.start();
        return seen.get();
    }

    @Test
    void aThreadAskingForPriority10RunsUnderSchedFifoAtThatPriority() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")),
                "not root: SCHED_FIFO needs CAP_SYS_NICE; real-time scheduling not checked");
        assertThat(raiseOnNewThread(10)).containsExactly("null", "10", "1");
    }

    @Test
    void aThreadStartedByARealtimeThreadStartsOnTheNormalScheduler() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")),
                "not root: SCHED_FIFO needs CAP_SYS_NICE; real-time scheduling not checked");
        CompletableFuture<String[]> child = new CompletableFuture<>();
        Thread parent = new Thread(() -> {
            Realtime.raiseCurrentThread(10);
            Thread t = new Thread(() -> {
                try {
                    child.complete(schedulingOfCurrentThread());
                } catch (Exception e) {
                    child.completeExceptionally(e);
                }
            });
            t.start();
        });
        parent.start();
        assertThat(child.get()).containsExactly("0", "0"); // rt_priority 0, SCHED_OTHER
    }

    @Test
    void priorityZeroLeavesTheThreadOnTheNormalScheduler() throws Exception {
        assertThat(raiseOnNewThread(0)).containsExactly("null", "0", "0");
    }

    @Test
    void aRefusalComesBackAsTheKernelsReasonNotAnException() {
        // 100 is past SCHED_FIFO's range: the kernel answers EINVAL, as it answers EPERM without CAP_SYS_NICE
        assertThat(Realtime.raiseCurrentThread(100)).isEqualTo("Invalid argument (errno 22)");
    }

    @Test
    void aPriorityOutside0To99IsAConfigurationError() {
        assertThat(Realtime.validate(0)).isZero();
        assertThat(Realtime.validate(99)).isEqualTo(99);
        assertThatThrownBy(() -> Realtime.validate(100)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("realtimePriority 100 is outside 0-99 (0 keeps the normal scheduler)");
        assertThatThrownBy(() -> Realtime.validate(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
