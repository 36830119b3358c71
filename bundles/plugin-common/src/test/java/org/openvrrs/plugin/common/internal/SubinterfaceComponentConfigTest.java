package org.openvrrs.plugin.common.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openvrrs.config.test.LogCapture;

/** A subinterface's etc/ file as the component reads it: a broken file is one log line and changes nothing. */
class SubinterfaceComponentConfigTest {
    private static final String FILE = "file:/opt/openvrrs/etc/org.openvrrs.plugin.subinterface-r1-2.cfg";
    private final PluginDatabaseComponent database = new PluginDatabaseComponent(
            new org.openvrrs.vrrs.core.internal.StandaloneRegistry().whiteboard());

    private static Map<String, Object> file(Object... keyValues) {
        Map<String, Object> m = new HashMap<>(Map.of("felix.fileinstall.filename", FILE,
                "service.pid", "org.openvrrs.plugin.subinterface~r1-2", "service.factoryPid",
                SubinterfaceSettings.FACTORY_PID, "network", "r1", "interfaceName", "eth0.2", "follow", "DEMO-R1",
                "macAddress", "true", "arpInterval", "5"));
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] == null) {
                m.remove((String) keyValues[i]);
            } else {
                m.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return m;
    }

    private List<SubinterfaceSettings> configured() {
        return database.infrastructure().subinterfaces().stream().map(PluginInfrastructure.SubinterfaceView::settings)
                .toList();
    }

    private void refusedChange(SubinterfaceComponent component, Map<String, Object> broken, String message)
            throws Exception {
        List<String> log = LogCapture.of(() -> component.modified(broken));
        assertThat(LogCapture.errors(log)).containsExactly(message
                + " (refused: the last good configuration stays in use)");
        assertThat(log).hasSize(1);
        assertThat(configured()).containsExactly(SubinterfaceSettings.parse(file()));
    }

    @Test
    void aBrokenChangeIsOneLineNamingFileKeyAndValueAndTheLastGoodStays() throws Exception {
        SubinterfaceComponent component = new SubinterfaceComponent(database, file());
        assertThat(configured()).singleElement().satisfies(s -> {
            assertThat(s.follow()).isEqualTo("DEMO-R1");
            assertThat(s.macAddress()).isTrue();
        });
        String source = "etc/org.openvrrs.plugin.subinterface-r1-2.cfg: ";
        refusedChange(component, file("arpInterval", "often"), source + "arpInterval = 'often': not a whole number");
        refusedChange(component, file("macAddress", "yes"), source + "macAddress = 'yes': not true or false");
        refusedChange(component, file("follow", null), source + "follow is required and not set");
        refusedChange(component, file("arpIntervall", "10"), source + "arpIntervall = '10': unknown key (known: arp, "
                + "arpDuration, arpInterval, follow, interfaceName, interfaceState, macAddress, network)");
        refusedChange(component, file("follow", "TWO WORDS"), source + "follow 'TWO WORDS' of eth0.2 is not a VRRS "
                + "name (1-64 visible characters, no spaces)");

        component.modified(file("follow", "DEMO-R2"));
        assertThat(configured()).singleElement().satisfies(s -> assertThat(s.follow()).isEqualTo("DEMO-R2"));
        component.deactivate();
        assertThat(configured()).isEmpty();
    }

    @Test
    void aBrokenFileAtStartConfiguresNothingUntilItIsCorrected() throws Exception {
        SubinterfaceComponent[] component = new SubinterfaceComponent[1];
        List<String> log = LogCapture.of(() -> component[0] = new SubinterfaceComponent(database,
                file("arpDuration", "1.5")));
        assertThat(LogCapture.errors(log)).containsExactly("etc/org.openvrrs.plugin.subinterface-r1-2.cfg: "
                + "arpDuration = '1.5': not a whole number (refused: nothing runs from it until it is corrected)");
        assertThat(configured()).isEmpty();
        component[0].modified(file());
        assertThat(configured()).containsExactly(SubinterfaceSettings.parse(file()));
    }
}
