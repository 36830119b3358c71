package org.openvrrs.vrrs.events.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openvrrs.config.test.LogCapture;
import org.openvrrs.vrrs.api.ClientPriority;
import org.openvrrs.vrrs.api.ClientSpec;
import org.openvrrs.vrrs.api.VrrsState;

/**
 * A socket reader that stops reading is disconnected (counted, one line) once it falls its queue's length behind,
 * while another reader gets everything and the registry's other clients are served as before: their delivery
 * latency with and without the stuck reader is measured and printed, not asserted.
 */
@Timeout(300) // a safety net against a hang, not a measure
class SlowReaderTest {
    private static final int QUEUE = 256;
    @TempDir
    Path dir;
    private EventsTestBed bed;
    private final AtomicLong otherReceived = new AtomicLong();

    @AfterEach
    void tearDown() {
        if (bed != null) {
            bed.close();
        }
    }

    /** Flips EVT-A {@code flips} times; the time from each update to the other client's callback, in µs. */
    private long[] flipAndMeasure(int flips, Runnable every100) {
        long[] micros = new long[flips];
        for (int i = 0; i < flips; i++) {
            if (i % 100 == 0) {
                every100.run();
            }
            long expected = otherReceived.get() + 1;
            long before = bed.recorded("EVT-A");
            long t0 = System.nanoTime();
            bed.set("EVT-A", i % 2 == 0 ? VrrsState.ACTIVE : VrrsState.BACKUP);
            while (otherReceived.get() < expected) {
                Thread.onSpinWait();
            }
            micros[i] = (System.nanoTime() - t0) / 1000;
            bed.awaitRecorded("EVT-A", before + 1);
        }
        return micros;
    }

    private static String summary(long[] micros) {
        long[] s = micros.clone();
        Arrays.sort(s);
        return "median " + s[s.length / 2] + " µs, p99 " + s[(int) (s.length * 0.99)] + " µs (" + s.length
                + " flips)";
    }

    @Test
    void aReaderThatStopsReadingIsDroppedAndDelaysNoOne() throws Exception {
        bed = new EventsTestBed(dir, Map.of("readerQueue", QUEUE));
        bed.registry.whiteboard().client(s -> otherReceived.incrementAndGet(),
                ClientSpec.following("OTHER", ClientPriority.HIGH, Set.of("EVT-A")));
        bed.publish("EVT-A"); // the stream (Low) is told after OTHER (High): OTHER has taken every state so far
        long[] warmUp = flipAndMeasure(500, () -> { });
        long[] without = flipAndMeasure(2000, () -> { });

        List<Long> goodSeqs = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicLong goodLast = new AtomicLong();
        // the reading reader is kept within 100 events (its queue holds QUEUE), however busy the machine
        Runnable keepUp = () -> {
            long now = bed.events.stream().lastSeq();
            await().atMost(Duration.ofSeconds(60)).until(() -> goodLast.get() >= now - 100);
        };
        List<String> log;
        long[] reading;
        long[] readingAndStuck;
        try (EventsTestBed.Reader good = bed.connect()) {
            long from = bed.events.stream().lastSeq();
            good.send("{\"resume-after\": " + from + "}");
            goodLast.set(from);
            Thread reader = new Thread(() -> {
                try {
                    for (Map<String, Object> m = good.next(); m != null; m = good.next()) {
                        if (m.containsKey("seq")) {
                            goodSeqs.add(((Number) m.get("seq")).longValue());
                            goodLast.set(((Number) m.get("seq")).longValue());
                        }
                    }
                } catch (Exception closed) {
                    // the test ends it
                }
            });
            reader.start();
            reading = flipAndMeasure(2000, keepUp);
            long[][] measured = new long[1][];
            try (EventsTestBed.Reader stuck = bed.connect()) {
                stuck.send("{\"resume-after\": " + bed.events.stream().lastSeq() + "}"); // then never reads
                log = LogCapture.of(() -> {
                    measured[0] = flipAndMeasure(4000, keepUp);
                    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(bed.events.status())
                            .containsEntry("socketReadersDropped", 1L));
                });
            }
            readingAndStuck = measured[0];
            long last = bed.events.stream().lastSeq();
            await().atMost(Duration.ofSeconds(60)).until(() -> goodSeqs.size() >= last - from);
            List<Long> expected = new ArrayList<>();
            for (long s = from + 1; s <= last; s++) {
                expected.add(s);
            }
            assertThat(goodSeqs).as("the reader that keeps up gets every event once, in order").isEqualTo(expected);
            good.close();
            reader.join();
        }
        assertThat(log.stream().filter(l -> l.contains(" WARN "))).as(String.join("\n", log)).singleElement()
                .satisfies(l -> assertThat(l).endsWith(" fell " + QUEUE
                        + " events behind and was disconnected (it may reconnect and resume)"));
        // a reader that hung up is noticed at the next write (one that only shut its sending side still reads)
        bed.setAndAwait("EVT-A", VrrsState.INIT);
        await().untilAsserted(() -> assertThat(bed.events.status()).containsEntry("socketReaders", 0));
        System.out.println("Delivery to another registry client (update to its callback), warm-up: "
                + summary(warmUp));
        System.out.println("  no socket reader: " + summary(without));
        System.out.println("  one socket reader reading: " + summary(reading));
        System.out.println("  the same and one that stops reading (dropped once " + QUEUE + " behind): "
                + summary(readingAndStuck));
    }
}
