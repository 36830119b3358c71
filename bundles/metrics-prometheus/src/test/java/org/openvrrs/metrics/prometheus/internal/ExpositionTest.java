package org.openvrrs.metrics.prometheus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openvrrs.metrics.prometheus.internal.Exposition.Type.COUNTER;
import static org.openvrrs.metrics.prometheus.internal.Exposition.Type.GAUGE;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExpositionTest {

    @Test
    void aFamilyIsHelpTypeThenItsSamplesWithLabelValuesEscaped() {
        String text = new Exposition().each("openvrrs_vrrs_group_state", GAUGE, "State\\n of a \"group\"\nnext",
                List.of("plain", "quo\"te", "back\\slash", "new\nline"), g -> new String[] {"group", g}, g -> 3)
                .text();
        assertThat(text).isEqualTo("""
                # HELP openvrrs_vrrs_group_state State\\\\n of a "group"\\nnext
                # TYPE openvrrs_vrrs_group_state gauge
                openvrrs_vrrs_group_state{group="plain"} 3
                openvrrs_vrrs_group_state{group="quo\\"te"} 3
                openvrrs_vrrs_group_state{group="back\\\\slash"} 3
                openvrrs_vrrs_group_state{group="new\\nline"} 3
                """);
    }

    @Test
    void aFamilyWithoutItemsIsLeftOutAndSeveralLabelsAreCommaSeparated() {
        Exposition e = new Exposition().each("openvrrs_x", GAUGE, "h", List.of(), g -> new String[0], g -> 1);
        assertThat(e.text()).isEmpty();
        e.family("openvrrs_y_total", COUNTER, "h").sample("", 12, "a", "1", "b", "");
        assertThat(e.text()).endsWith("openvrrs_y_total{a=\"1\",b=\"\"} 12\n");
    }

    @Test
    void numbersAreWrittenAsPrometheusReadsThem() {
        assertThat(Exposition.number(42)).isEqualTo("42");
        assertThat(Exposition.number(1L << 52)).isEqualTo("4503599627370496");
        assertThat(Exposition.number(0.25)).isEqualTo("0.25");
        assertThat(Exposition.number(1.5e-5)).isEqualTo("1.5E-5");
        assertThat(Exposition.number(Double.NaN)).isEqualTo("NaN");
        assertThat(Exposition.number(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(Exposition.bound(5e-5)).isEqualTo("0.00005");
        assertThat(Exposition.bound(1.0)).isEqualTo("1");
        assertThat(Exposition.bound(2.5)).isEqualTo("2.5");
    }

    @Test
    void theWriterRefusesWhatPrometheusWouldNot() {
        assertThatThrownBy(() -> new Exposition().family("openvrrs_transitions", COUNTER, "h"))
                .hasMessageContaining("must end in _total");
        assertThatThrownBy(() -> new Exposition().family("openvrrs-x", GAUGE, "h"))
                .hasMessageContaining("not a Prometheus name");
        assertThatThrownBy(() -> new Exposition().family("openvrrs_x", GAUGE, "h").family("openvrrs_x", GAUGE, "h"))
                .hasMessageContaining("written twice");
        assertThatThrownBy(() -> new Exposition().family("openvrrs_x", GAUGE, "h").sample("", 1, "bad-label", "v"))
                .hasMessageContaining("not a Prometheus name");
    }
}
