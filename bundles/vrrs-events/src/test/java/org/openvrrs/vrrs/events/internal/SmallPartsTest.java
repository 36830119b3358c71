package org.openvrrs.vrrs.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.openvrrs.config.test.LogCapture;
import org.openvrrs.vrrs.api.GroupState;
import org.openvrrs.vrrs.api.VrrsState;
import org.slf4j.LoggerFactory;

/** The replay window's arithmetic and the rate limit of warnings, on their own. */
class SmallPartsTest {

    private static GroupState state(VrrsState s) {
        return GroupState.of("EVT-G", "VRRP", VrrsState.INIT, EventsTestBed.update(s));
    }

    @Test
    void resumingGivesEachKeptEventOnceAndSaysWhatIsGone() {
        EventStream stream = new EventStream(5, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        for (int i = 0; i < 8; i++) {
            stream.groupChanged(state(i % 2 == 0 ? VrrsState.ACTIVE : VrrsState.BACKUP));
        }
        assertThat(stream.firstSeq()).isEqualTo(4);
        EventStream.Resume inside = stream.resume(5, 8);
        assertThat(inside.events()).extracting(TransitionEvent::seq).containsExactly(6L, 7L, 8L);
        assertThat(inside.gap()).isFalse();
        EventStream.Resume edge = stream.resume(3, 8); // 4 is the oldest kept: nothing missing
        assertThat(edge.events()).extracting(TransitionEvent::seq).containsExactly(4L, 5L, 6L, 7L, 8L);
        assertThat(edge.gap()).isFalse();
        EventStream.Resume gone = stream.resume(1, 8);
        assertThat(gone.gap()).isTrue();
        assertThat(gone.continuesWith()).isEqualTo(4);
        EventStream.Resume upToSubscription = stream.resume(5, 7); // events after 7 come live
        assertThat(upToSubscription.events()).extracting(TransitionEvent::seq).containsExactly(6L, 7L);
        EventStream.Resume nothing = stream.resume(8, 8);
        assertThat(nothing.events()).isEmpty();
        assertThat(nothing.gap()).isFalse();
        assertThat(nothing.continuesWith()).isEqualTo(9);
    }

    @Test
    void onlyAStateChangeOrAGroupsFirstEventIsATransition() {
        EventStream stream = new EventStream(10, Clock.systemUTC());
        List<Boolean> transitions = new java.util.ArrayList<>();
        stream.subscribe(e -> transitions.add(e.transition()));
        stream.groupChanged(state(VrrsState.BACKUP));
        stream.groupChanged(state(VrrsState.BACKUP));
        stream.groupChanged(state(VrrsState.ACTIVE));
        assertThat(transitions).containsExactly(true, false, true);
    }

    @Test
    void aWarningRepeatsAtMostOnceAMinuteWithTheNumberLeftOut() throws Exception {
        AtomicLong now = new AtomicLong();
        RateLimitedLog log = new RateLimitedLog(LoggerFactory.getLogger(SmallPartsTest.class), now::get);
        List<String> lines = LogCapture.of(() -> {
            log.warn("a", "script a is missing");
            log.warn("a", "script a is missing");
            log.warn("b", "script b is missing");
            now.addAndGet(RateLimitedLog.INTERVAL_NANOS - 1);
            log.warn("a", "script a is missing");
            now.addAndGet(1);
            log.warn("a", "script a is missing");
        });
        assertThat(lines.stream().map(l -> l.substring(l.indexOf(" - ") + 3)).toList()).containsExactly(
                "script a is missing", "script b is missing",
                "script a is missing (2 more like it in the last minute not logged)");
    }
}
