package org.openvrrs.cli.ios.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openvrrs.cli.ios.internal.parse.Mode;

class TrackCommandsTest {
    final FakeAppliance app = new FakeAppliance();
    final VrrpCommands vrrp = new VrrpCommands();
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final CliSession session = new CliSession(CliSessionTest.grammar(vrrp), app, new PrintStream(bytes, true,
            StandardCharsets.UTF_8), Mode.CONFIG);

    int n;

    void lines(String... lines) {
        for (String line : lines) {
            session.execute(line, ++n);
        }
    }

    String output() {
        String s = bytes.toString(StandardCharsets.UTF_8);
        bytes.reset();
        return s;
    }

    List<String> tracks(String family, int vrid) throws Exception {
        return ConfigValues.strings(VrrpCommands.group(app, "GigabitEthernet0/0/0", family, vrid).orElseThrow()
                .get("track"));
    }

    @Test
    void globalTrackLinesCallVrrpTrack() {
        lines("track 1 interface GigabitEthernet0/0/0 line-protocol", "track 2 ip route 198.51.100.0/24 reachability",
                "track 3 ipv6 route 2001:db8:1::/48 reachability", "no track 2");
        assertThat(session.errors()).isEmpty();
        assertThat(app.commands).containsExactly("vrrp:track 1 interface GigabitEthernet0/0/0",
                "vrrp:track 2 route 198.51.100.0/24", "vrrp:track 3 route 2001:db8:1::/48", "vrrp:track --remove 2");
        assertThat(RunningConfigTest.running(app).lines()).containsSequence("hostname Router", "!",
                "track 1 interface GigabitEthernet0/0/0 line-protocol",
                "track 3 ipv6 route 2001:db8:1::/48 reachability", "!", "interface GigabitEthernet0/0/0");
    }

    @Test
    void aGroupsTrackListIsEditedLineByLine() throws Exception {
        lines("interface GigabitEthernet0/0/0", "vrrp 1 ip 10.9.9.1", "vrrp 1 track 1 decrement 20",
                "vrrp 1 track 2", "vrrp 1 track 1 shutdown", "vrrp 1 track 3 weight");
        assertThat(session.errors()).isEmpty();
        // IOS: no decrement given is decrement 10; weight hands it to the object (fhrp-vrrp's bare form)
        assertThat(tracks("ipv4", 1)).containsExactly("1 shutdown", "2 decrement 10", "3");
        assertThat(app.commands).contains("vrrp:configure --family=ipv4 --track=1 shutdown --track=2 decrement 10 "
                + "GigabitEthernet0/0/0 1");
        assertThat(new RunningConfig(app, () -> null, vrrp).lines()).containsSequence(" vrrp 1 track 1 shutdown",
                " vrrp 1 track 2 decrement 10", " vrrp 1 track 3 weight");
        lines("no vrrp 1 track 1", "no vrrp 1 track 2 decrement 10", "no vrrp 1 track 3");
        assertThat(session.errors()).isEmpty();
        assertThat(tracks("ipv4", 1)).isEmpty();
        assertThat(app.commands).last().isEqualTo("vrrp:configure --family=ipv4 --track= GigabitEthernet0/0/0 1");
    }

    @Test
    void theAddressFamilySubModeTracksToo() throws Exception {
        lines("interface GigabitEthernet0/0/0", "vrrp 3 address-family ipv6", "track 4 decrement 30",
                "address 2001:db8::100", "track 5", "no track 4");
        assertThat(session.errors()).isEmpty();
        assertThat(tracks("ipv6", 3)).containsExactly("5 decrement 10");
    }

    @Test
    void trackingBeforeTheFirstAddressIsHeldAndPrinted() throws Exception {
        lines("interface GigabitEthernet0/0/0", "vrrp 1 track 7 decrement 15", "vrrp 1 track 8");
        assertThat(app.commands).isEmpty();
        assertThat(new RunningConfig(app, () -> null, vrrp).lines()).contains(" vrrp 1 track 7 decrement 15",
                " vrrp 1 track 8 decrement 10");
        lines("vrrp 1 ip 10.9.9.1");
        assertThat(tracks("ipv4", 1)).containsExactly("7 decrement 15", "8 decrement 10");
    }

    @Test
    void badNumbersAndPrefixesAreRefusedAndChangeNothing() {
        lines("track 1001 interface GigabitEthernet0/0/0 line-protocol", "track 0 ip route 198.51.100.0/24 "
                + "reachability", "track 1 ip route 198.51.100.0/33 reachability",
                "track 1 ip route 198.51.100.0 reachability", "track 1 ipv6 route 2001:db8::/129 reachability",
                "track 1 ip route 2001:db8::/64 reachability", "interface GigabitEthernet0/0/0",
                "vrrp 1 ip 10.9.9.1", "vrrp 1 track 1001", "vrrp 1 track 1 decrement 255", "vrrp 256 track 1");
        assertThat(session.errors()).hasSize(9).allMatch(e -> e.contains("% Invalid input detected at '^' marker."));
        assertThat(app.commands).containsExactly("vrrp:configure --family=ipv4 --address=10.9.9.1 "
                + "GigabitEthernet0/0/0 1");
        assertThat(app.list(TrackCommands.TRACK_PID)).isEmpty();
    }

    @Test
    void removingWhatIsNotTrackedSaysSo() {
        lines("interface GigabitEthernet0/0/0", "vrrp 1 ip 10.9.9.1");
        output();
        lines("no vrrp 1 track 5");
        assertThat(output()).contains("% Object 5 is not tracked by VRRP group 1");
        assertThat(app.commands).hasSize(1);
    }

    @Test
    void showTrackRunsTrackShow() {
        lines("do show track", "do show track 3");
        assertThat(app.commands).containsExactly("track:show ", "track:show 3");
        assertThat(output()).contains("output of track:show 3");
    }

    @Test
    void scriptAndFileObjectsAreNeitherPrintedNorReplaced() {
        app.list(TrackCommands.TRACK_PID).add(new HashMap<>(Map.of("network", "", "id", 9, "type", "script",
                "script", "/usr/local/bin/check")));
        RunningConfig running = RunningConfigTest.running(app);
        assertThat(running.merge(List.of("track 1 interface GigabitEthernet0/0/0 line-protocol")).ok()).isTrue();
        assertThat(running.lines()).noneMatch(l -> l.contains("check") || l.startsWith("track 9"));
        assertThat(running.replace(List.of("track 2 ip route 198.51.100.0/24 reachability")).ok()).isTrue();
        assertThat(running.lines()).contains("track 2 ip route 198.51.100.0/24 reachability")
                .noneMatch(l -> l.startsWith("track 1 "));
        assertThat(app.list(TrackCommands.TRACK_PID)).anyMatch(p -> p.get("id").equals(9));
    }
}
