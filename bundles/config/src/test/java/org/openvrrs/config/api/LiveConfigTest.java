package org.openvrrs.config.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openvrrs.config.test.LogCapture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class LiveConfigTest {
    private static final Logger LOG = LoggerFactory.getLogger(LiveConfigTest.class);
    private static final ConfigReader<Sample, Integer> PRIORITY = ConfigReader.of(Sample.class, Sample::priority);
    private static final String FILE = "file:/opt/openvrrs/etc/org.example-g1.cfg";

    private static Map<String, Object> file(String priority) {
        return Map.of("felix.fileinstall.filename", FILE, "name", "n", "priority", priority);
    }

    @Test
    void aGoodConfigurationIsHandedOverAndKept() {
        LiveConfig<Integer> config = LiveConfig.inertUntilValid(PRIORITY, LOG);
        assertThat(config.current()).isEmpty();
        assertThat(config.update(file("120"))).contains(120);
        assertThat(config.current()).contains(120);
        assertThat(config.problem()).isEmpty();
    }

    @Test
    void aBrokenConfigurationAtStartLeavesTheComponentInertAndLogsOneLine() throws Exception {
        LiveConfig<Integer> config = LiveConfig.inertUntilValid(PRIORITY, LOG);
        Optional<?>[] result = new Optional<?>[1];
        List<String> log = LogCapture.of(() -> result[0] = config.update(file("high")));
        assertThat(result[0]).isEmpty();
        assertThat(config.current()).isEmpty();
        assertThat(LogCapture.errors(log)).containsExactly("etc/org.example-g1.cfg: priority = 'high': not a whole "
                + "number (refused: nothing runs from it until it is corrected)");
        assertThat(log).hasSize(1).noneMatch(l -> l.contains("Exception"));
        assertThat(config.problem()).contains("etc/org.example-g1.cfg: priority = 'high': not a whole number");
        // corrected: handed over, the problem gone
        assertThat(config.update(file("7"))).contains(7);
        assertThat(config.problem()).isEmpty();
    }

    @Test
    void aBrokenChangeKeepsTheLastGoodConfiguration() throws Exception {
        LiveConfig<Integer> config = LiveConfig.inertUntilValid(PRIORITY, LOG);
        config.update(file("120"));
        Optional<?>[] result = new Optional<?>[1];
        List<String> log = LogCapture.of(() -> result[0] = config.update(Map.of("felix.fileinstall.filename", FILE,
                "name", "n", "priority", "120", "prority", "1")));
        assertThat(result[0]).isEmpty();
        assertThat(config.current()).contains(120);
        assertThat(LogCapture.errors(log)).singleElement().asString()
                .startsWith("etc/org.example-g1.cfg: prority = '1': unknown key (known: ")
                .endsWith(" (refused: the last good configuration stays in use)");
    }

    @Test
    void aDefaultsComponentRunsOnTheDefaultsUntilItsConfigurationIsGood() throws Exception {
        ConfigReader<Tuning, Integer> threads = ConfigReader.of(Tuning.class, Tuning::threads);
        LiveConfig<Integer> config = LiveConfig.defaultsUntilValid(threads, LOG);
        assertThat(config.current()).contains(2);
        List<String> log = LogCapture.of(() -> config.update(Map.of("service.pid", "org.example.tuning",
                "threads", "many")));
        assertThat(config.current()).contains(2);
        assertThat(LogCapture.errors(log)).containsExactly("org.example.tuning: threads = 'many': not a whole number "
                + "(refused: the defaults stay in use)");
        assertThat(config.update(Map.of("threads", 4))).contains(4);
    }

    @interface Tuning {
        int threads() default 2;
    }
}
