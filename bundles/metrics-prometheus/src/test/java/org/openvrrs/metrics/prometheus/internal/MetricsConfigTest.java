package org.openvrrs.metrics.prometheus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openvrrs.config.api.ConfigException;

/** etc/org.openvrrs.metrics.cfg: this host only unless told, and a value it cannot use is one line. */
class MetricsConfigTest {

    @Test
    void theDefaultIsThisHostOnly() {
        assertThat(MetricsComponent.READER.defaults())
                .isEqualTo(new MetricsComponent.Endpoint(InetAddress.getLoopbackAddress(), 9469));
        assertThat(MetricsComponent.READER.defaults()).hasToString("127.0.0.1:9469");
        assertThat(MetricsComponent.READER.read(Map.of("host", "::1", "port", "9100"))).hasToString("[::1]:9100");
    }

    @Test
    void refusedValuesAreOneLineNamingTheKey() {
        assertThatThrownBy(() -> MetricsComponent.READER.read(Map.of("port", "70000")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("port = 70000: not a TCP port (1-65535)")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> MetricsComponent.READER.read(Map.of("host", "metrics.example.com")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("host 'metrics.example.com' is not an IPv4 or IPv6 address")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> MetricsComponent.READER.read(Map.of("port", "ninety")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("port = 'ninety'");
        assertThatThrownBy(() -> MetricsComponent.READER.read(Map.of("listen", "0.0.0.0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("listen");
    }
}
