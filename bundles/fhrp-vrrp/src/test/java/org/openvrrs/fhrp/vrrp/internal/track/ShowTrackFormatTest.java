package org.openvrrs.fhrp.vrrp.internal.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openvrrs.net.api.InterfaceAddress;

/** {@code track:show --json} says what the text says, field by field (docs/json.md). */
class ShowTrackFormatTest {
    private final TrackConfig route = new TrackConfig(2, TrackType.ROUTE, "local", "",
            InterfaceAddress.parse("198.51.100.0/24"), List.of(), null, 1, 2, 1, 1, 0);
    private final Tracker.Snapshot snapshot = new Tracker.Snapshot(
            List.of(new TrackState(2, route, false, 0, 3, 1_796_520_000_000L, "no route")),
            Map.of(2, List.of("GigabitEthernet0/0/0/IPv4/1")));

    @Test
    void eachObjectIsOneJsonObjectWithItsStateAndTheGroupsTrackingIt() throws Exception {
        List<Map<String, Object>> json = ShowTrackFormat.json(snapshot, null);

        assertThat(json).singleElement().satisfies(m -> {
            assertThat(m).containsEntry("id", 2).containsEntry("type", "route").containsEntry("up", false)
                    .containsEntry("detail", "no route").containsEntry("changes", 3L).containsEntry("value", null)
                    .containsEntry("trackedBy", List.of("GigabitEthernet0/0/0/IPv4/1"));
            assertThat(m.get("object")).asString().contains("198.51.100.0/24");
        });
        assertThat(ShowTrackFormat.show(snapshot)).contains("Reachability is Down (no route)", "3 changes");
        assertThat(ShowTrackFormat.JSON_OUT.asString(json)).contains("\"value\":null");
        assertThat(ShowTrackFormat.json(snapshot, 7)).isEmpty();
    }
}
