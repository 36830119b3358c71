package org.openvrrs.config.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openvrrs.config.test.InMemoryConfigAdmin;

class ConfigWriterTest {
    private static final String FACTORY = "org.example";
    private final InMemoryConfigAdmin configAdmin = new InMemoryConfigAdmin();
    private final ConfigWriter writer = new ConfigWriter(configAdmin);
    private final ConfigReader<Sample, String> reader = ConfigReader.of(Sample.class, s -> {
        if (s.priority() < 1 || s.priority() > 254) {
            throw new IllegalArgumentException("priority " + s.priority() + " is outside 1-254");
        }
        return s.name() + "/" + s.priority();
    });

    @Test
    void aNewEntryIsCreatedUnderItsNameWithThePropertiesGiven() throws Exception {
        String written = writer.write(ConfigTarget.factoryEntry(FACTORY, "eth0/1 v4"),
                Map.of("name", "n", "priority", 120), reader);
        assertThat(written).isEqualTo("n/120");
        assertThat(configAdmin.pids()).containsExactly("org.example~eth0_1_v4");
        assertThat(configAdmin.stored("org.example~eth0_1_v4").get("priority")).isEqualTo(120);
        assertThat(configAdmin.stored("org.example~eth0_1_v4").get("service.factoryPid")).isEqualTo(FACTORY);
    }

    @Test
    void aRefusedChangeWritesNothing() {
        ConfigTarget target = ConfigTarget.factoryEntry(FACTORY, "g1");
        assertThatThrownBy(() -> writer.write(target, Map.of("name", "n", "priority", "high"), reader))
                .isInstanceOf(ConfigException.class)
                .hasMessage("priority = 'high': not a whole number");
        assertThatThrownBy(() -> writer.write(target, Map.of("name", "n", "prority", "1"), reader))
                .hasMessageStartingWith("prority = '1': unknown key (known: ");
        assertThatThrownBy(() -> writer.write(target, Map.of("priority", "1"), reader))
                .hasMessage("name is required and not set");
        assertThatThrownBy(() -> writer.write(target, Map.of("name", "n", "priority", 300), reader))
                .hasMessage("priority 300 is outside 1-254");
        assertThat(configAdmin.writes()).isZero();
        assertThat(configAdmin.pids()).isEmpty();
    }

    @Test
    void anEntryFoundByContentIsChangedInItsOwnFile() throws Exception {
        configAdmin.putFile("org.example~mine", FACTORY, "org.example-mine.cfg", Map.of("name", "a", "priority", "5"));
        configAdmin.putFile("org.example~other", FACTORY, "org.example-other.cfg", Map.of("name", "b"));
        configAdmin.putFile("org.example~broken", FACTORY, "org.example-broken.cfg", Map.of("name", "a", "x", "1"));
        assertThat(writer.entries(FACTORY, Sample.class)).hasSize(2);
        ConfigEntry<Sample> entry = writer.find(FACTORY, Sample.class, s -> s.name().equals("a")).orElseThrow();
        assertThat(entry.source()).isEqualTo("etc/org.example-mine.cfg");
        assertThat(entry.properties()).isEqualTo(Map.of("name", "a", "priority", "5"));
        assertThat(entry.config().priority()).isEqualTo(5);

        Map<String, Object> changed = new HashMap<>(entry.properties());
        changed.put("priority", 6);
        assertThat(writer.write(entry.target(), changed, reader)).isEqualTo("a/6");
        assertThat(configAdmin.stored("org.example~mine").get("priority")).isEqualTo(6);
        assertThat(configAdmin.stored("org.example~mine").get("felix.fileinstall.filename"))
                .isEqualTo("file:/opt/openvrrs/etc/org.example-mine.cfg");

        changed.put("priority", 0);
        assertThatThrownBy(() -> writer.write(entry.target(), changed, reader))
                .hasMessage("priority 0 is outside 1-254");
        assertThat(configAdmin.stored("org.example~mine").get("priority")).isEqualTo(6);
        assertThat(writer.find(FACTORY, Sample.class, s -> s.name().equals("z"))).isEmpty();
    }

    @Test
    void frameworkKeysGivenAreNotWrittenAndTheFileIsKept() throws Exception {
        configAdmin.putFile("org.example~mine", FACTORY, "org.example-mine.cfg", Map.of("name", "a"));
        writer.write(new ConfigTarget("org.example~mine", FACTORY, null), Map.of("name", "b", "service.pid",
                "org.example~mine", "component.id", 3L, "felix.fileinstall.filename", "elsewhere"), reader);
        Map<String, Object> stored = ConfigReader.toMap(configAdmin.stored("org.example~mine"));
        assertThat(stored).isEqualTo(Map.of("name", "b", "service.pid", "org.example~mine", "service.factoryPid",
                FACTORY, "felix.fileinstall.filename", "file:/opt/openvrrs/etc/org.example-mine.cfg"));
    }

    @Test
    void singletonsAreWrittenAndReadByPid() throws Exception {
        ConfigReader<LiveConfigTest.Tuning, Integer> tuning = ConfigReader.of(LiveConfigTest.Tuning.class,
                LiveConfigTest.Tuning::threads);
        assertThat(writer.properties("org.example.tuning")).isEmpty();
        assertThat(writer.write(ConfigTarget.singleton("org.example.tuning"), Map.of("threads", "4"), tuning))
                .isEqualTo(4);
        assertThat(writer.properties("org.example.tuning")).isEqualTo(Map.of("threads", "4"));
        assertThatThrownBy(() -> writer.write(ConfigTarget.singleton("org.example.tuning"), Map.of("threads", "x"),
                tuning)).hasMessage("threads = 'x': not a whole number");
        assertThat(writer.properties("org.example.tuning")).isEqualTo(Map.of("threads", "4"));
    }

    @Test
    void deleteRemovesTheEntryOnce() throws Exception {
        writer.write(ConfigTarget.factoryEntry(FACTORY, "g1"), Map.of("name", "n"), reader);
        assertThat(writer.delete(ConfigTarget.factoryEntry(FACTORY, "g1"))).isTrue();
        assertThat(writer.delete(ConfigTarget.factoryEntry(FACTORY, "g1"))).isFalse();
        assertThat(configAdmin.pids()).isEmpty();
    }
}
