package org.openvrrs.fhrp.vrrp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openvrrs.config.test.LogCapture;
import org.openvrrs.fhrp.vrrp.internal.track.TrackComponent;

/** Tracking keys in a group's etc/ file and track objects' files: a bad one is one line and changes nothing. */
class TrackingConfigTest {
    private static final String GROUP = "file:/opt/openvrrs/etc/org.openvrrs.vrrp.group-g1.cfg";
    private static final String TRACK = "file:/opt/openvrrs/etc/org.openvrrs.track-1.cfg";
    private final VrrpService service = new VrrpService(Map.of("component.name", VrrpService.class.getName()));

    @AfterEach
    void stop() {
        service.deactivate();
    }

    private static Map<String, Object> group(String... keyValues) {
        Map<String, Object> m = new HashMap<>(Map.of("felix.fileinstall.filename", GROUP,
                "interfaceName", "eth0", "vrid", "1", "addresses", "192.0.2.1", "priority", "120",
                "track", new String[] {"1 decrement 20"}));
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    @Test
    void aBadTrackLineIsOneLineAndTheGroupKeepsRunning() throws Exception {
        VrrpGroupComponent g = new VrrpGroupComponent(service, group(), (org.openvrrs.vrrs.api.VrrsWhiteboard) null);
        List<String> log = LogCapture.of(() -> g.modified(group("priority", "130", "track", "1 decrement lots")));
        assertThat(LogCapture.errors(log)).containsExactly("etc/org.openvrrs.vrrp.group-g1.cfg: track '1 decrement "
                + "lots' is not 'N', 'N decrement D' or 'N shutdown' (refused: the last good configuration stays in "
                + "use)");
        assertThat(log).hasSize(1);
        assertThat(service.status()).extracting(s -> s.config().priority()).containsExactly(120);
        g.deactivate();
    }

    @Test
    void aMalformedRouteIsOneLineAndNoObjectIsMade() throws Exception {
        Map<String, Object> props = new HashMap<>(Map.of("felix.fileinstall.filename", TRACK, "id", "1",
                "type", "route", "route", "198.51.100.0/99"));
        List<String> log = LogCapture.of(() -> new TrackComponent(service, props));
        assertThat(LogCapture.errors(log)).containsExactly("etc/org.openvrrs.track-1.cfg: route '198.51.100.0/99' "
                + "is not a prefix such as 198.51.100.0/24: prefix length 99 of 198.51.100.0 is outside 0-32 "
                + "(refused: nothing runs from it until it is corrected)");
        assertThat(service.tracking().tracker().snapshot().objects()).isEmpty();
    }

    @Test
    void aSecondFileForTheSameNumberIsRefusedInOneLine() throws Exception {
        new TrackComponent(service, new HashMap<>(Map.of("felix.fileinstall.filename", TRACK, "id", "1",
                "type", "interface", "interfaceName", "eth1")));
        Map<String, Object> other = new HashMap<>(Map.of("felix.fileinstall.filename",
                "file:/opt/openvrrs/etc/org.openvrrs.track-uplink.cfg", "id", "1", "type", "interface",
                "interfaceName", "eth2"));
        List<String> log = LogCapture.of(() -> new TrackComponent(service, other));
        assertThat(LogCapture.errors(log)).containsExactly("etc/org.openvrrs.track-uplink.cfg: id = 1: track object "
                + "1 is already defined by another file (refused: this file defines nothing)");
        assertThat(service.tracking().tracker().snapshot().objects()).singleElement()
                .satisfies(t -> assertThat(t.config().interfaceName()).isEqualTo("eth1"));
    }
}
