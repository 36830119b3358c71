package org.openvrrs.snmp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openvrrs.config.api.ConfigException;

/** Off until enabled; the master agent must be on this machine; a bad file is one line naming key and value. */
class SnmpSettingsTest {

    @Test
    void withoutConfigurationNothingIsServed() {
        SnmpSettings s = SnmpSettings.READER.read(Map.of());
        assertThat(s.enabled()).isFalse();
        assertThat(s.agentx().toString()).isEqualTo("unix:/var/agentx/master");
    }

    @Test
    void aUnixSocketOrALoopbackTcpAddressIsTaken() {
        assertThat(SnmpSettings.READER.read(Map.of("enabled", "true", "agentxSocket", "tcp:127.0.0.1:705"))
                .agentx().toString()).isEqualTo("tcp:127.0.0.1:705");
        assertThat(SnmpSettings.address("/run/agentx/master").toString()).isEqualTo("unix:/run/agentx/master");
    }

    @Test
    void aRemoteMasterARelativePathOrAMisspeltKeyIsRefusedInOneLine() {
        assertThatThrownBy(() -> SnmpSettings.READER.read(Map.of("agentxSocket", "tcp:192.0.2.7:705")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("agentxSocket 'tcp:192.0.2.7:705': AgentX has no authentication")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> SnmpSettings.READER.read(Map.of("agentxSocket", "unix:agentx")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("must be absolute");
        assertThatThrownBy(() -> SnmpSettings.READER.read(Map.of("agentxSocket", "tcp:127.0.0.1:http")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("expected tcp:127.0.0.1:PORT");
        assertThatThrownBy(() -> SnmpSettings.READER.read(Map.of("enable", "true")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("enable");
        assertThatThrownBy(() -> SnmpSettings.READER.read(Map.of("enabled", "yes")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("enabled");
    }
}
