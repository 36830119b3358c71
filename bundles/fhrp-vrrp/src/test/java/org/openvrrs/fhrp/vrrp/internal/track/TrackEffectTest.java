package org.openvrrs.fhrp.vrrp.internal.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How track objects' states become a group's priority: IOS's decrement, keepalived's weights, clamped 1-254. */
class TrackEffectTest {

    static TrackState state(int id, TrackType type, boolean up, long value, int weight) {
        TrackConfig c = new TrackConfig(id, type, "", "eth1", null, type == TrackType.SCRIPT ? List.of("x")
                : List.of(), type == TrackType.FILE ? Path.of("/f") : null, 1, 1, 1, 1, weight);
        return new TrackState(id, c, up, value, 1, 0, "");
    }

    static TrackEffect effect(String[] lines, TrackState... states) {
        Map<Integer, TrackState> m = new java.util.HashMap<>();
        for (TrackState s : states) {
            m.put(s.id(), s);
        }
        return TrackBinding.effect(GroupTracking.parse(lines, "").refs(), m);
    }

    @Test
    void decrementsAddUpAndThePriorityStaysWithin1To254() {
        TrackEffect e = effect(new String[] {"1 decrement 60", "2 decrement 60", "3 decrement 10"},
                state(1, TrackType.INTERFACE, false, 0, 0), state(2, TrackType.INTERFACE, false, 0, 0),
                state(3, TrackType.INTERFACE, true, 0, 0));
        assertThat(e.delta()).isEqualTo(-120);
        assertThat(e.priority(150)).isEqualTo(30);
        assertThat(e.priority(100)).as("never below 1").isEqualTo(1);
        assertThat(e.initCause(false)).isNull();
        assertThat(e.lines()).containsExactly(
                "Track object 1 state Down since 1970-01-01T00:00:00Z, decrement 60",
                "Track object 2 state Down since 1970-01-01T00:00:00Z, decrement 60",
                "Track object 3 state Up, decrement 10");

        TrackEffect raised = effect(new String[] {"4", "5"}, state(4, TrackType.SCRIPT, true, 0, 100),
                state(5, TrackType.SCRIPT, true, 0, 100));
        assertThat(raised.priority(200)).as("never above 254: 255 is the owner's").isEqualTo(254);
    }

    @Test
    void keepalivedWeightsAndShutdown() {
        assertThat(effect(new String[] {"1"}, state(1, TrackType.INTERFACE, false, 0, 0)).initCause(false))
                .as("weight 0: Init while down").isEqualTo("track 1 (interface eth1 line-protocol) down");
        assertThat(effect(new String[] {"1 shutdown"}, state(1, TrackType.SCRIPT, false, 0, -20)).initCause(false))
                .isNotNull();
        assertThat(effect(new String[] {"1"}, state(1, TrackType.SCRIPT, false, 0, -20)).delta()).isEqualTo(-20);
        assertThat(effect(new String[] {"1"}, state(1, TrackType.SCRIPT, true, 0, -20)).delta()).isZero();
        assertThat(effect(new String[] {"1"}, state(1, TrackType.SCRIPT, false, 0, 20)).delta())
                .as("positive weight: added while up only").isZero();
        assertThat(effect(new String[] {"1"}, state(1, TrackType.FILE, false, 3, -10)).delta())
                .as("file: weight x value").isEqualTo(-30);
        assertThat(effect(new String[] {"1"}, state(1, TrackType.FILE, false, 30, -10)).initCause(false))
                .as("keepalived: -254 or less is a fault").isNotNull();
        assertThat(effect(new String[] {"1"}, state(1, TrackType.FILE, false, 2, 0)).initCause(false))
                .as("file with weight 0: Init while not 0").isNotNull();
        assertThat(effect(new String[] {"7 decrement 20"}).delta()).as("not configured: ignored").isZero();
    }

    @Test
    void anAddressOwnerIsNeverLoweredItStopsInstead() {
        TrackEffect e = effect(new String[] {"1 decrement 20"}, state(1, TrackType.INTERFACE, false, 0, 0));
        assertThat(e.initCause(false)).isNull();
        assertThat(e.initCause(true)).isEqualTo("track 1 (interface eth1 line-protocol) down (address owner: not "
                + "lowered, stopped)");
        TrackEffect up = effect(new String[] {"1 decrement 20"}, state(1, TrackType.INTERFACE, true, 0, 0));
        assertThat(up.initCause(true)).isNull();
    }

    @Test
    void badTrackLinesAreRefusedInOneLine() {
        assertThatThrownBy(() -> GroupTracking.parse(new String[] {"1 decrement"}, ""))
                .hasMessage("track '1 decrement' is not 'N', 'N decrement D' or 'N shutdown'");
        assertThatThrownBy(() -> GroupTracking.parse(new String[] {"1 decrement 300"}, ""))
                .hasMessage("track '1 decrement 300': decrement outside 1-254");
        assertThatThrownBy(() -> GroupTracking.parse(new String[] {"1", "1 shutdown"}, ""))
                .hasMessage("track '1 shutdown': object 1 is tracked twice");
        assertThatThrownBy(() -> GroupTracking.parse(new String[0], "a b"))
                .hasMessageStartingWith("syncGroup 'a b' is not a name");
    }
}
