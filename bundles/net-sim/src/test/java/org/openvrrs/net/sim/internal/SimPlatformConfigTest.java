package org.openvrrs.net.sim.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openvrrs.config.test.LogCapture;

/** A refused simulated LAN is one log line, no LAN, and sim: commands that say why. */
class SimPlatformConfigTest {
    @Test
    void aRefusedConfigurationRunsNoLan() throws Exception {
        SimPlatform[] platform = new SimPlatform[1];
        List<String> log = LogCapture.of(() -> platform[0] = new SimPlatform(null, Map.of("service.pid",
                SimPlatform.PID, "interfaces", "r1 eth0 lan0 0200.0000.0101 192.0.2.2/24", "host", "h1")));
        assertThat(LogCapture.errors(log)).containsExactly("org.openvrrs.net.sim: host = 'h1': unknown key (known: "
                + "hosts, interfaces, subinterfaces) (refused: nothing runs from it until it is corrected)");
        assertThatThrownBy(() -> platform[0].router("r1")).hasMessage("the simulated LAN is not running: its "
                + "configuration org.openvrrs.net.sim was refused (see the log)");
        platform[0].deactivate();
    }
}
