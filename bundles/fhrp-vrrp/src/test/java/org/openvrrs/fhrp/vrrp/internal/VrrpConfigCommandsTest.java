package org.openvrrs.fhrp.vrrp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openvrrs.config.test.InMemoryConfigAdmin;
import org.openvrrs.fhrp.vrrp.internal.packet.VrrpVersion;

/** vrrp:configure and vrrp:remove against Config Admin: validated first, written only when accepted. */
class VrrpConfigCommandsTest {
    private final InMemoryConfigAdmin configAdmin = new InMemoryConfigAdmin();
    private final VrrpConfigCommands commands = new VrrpConfigCommands(configAdmin);

    @Test
    void aNewGroupIsWrittenUnderAReadableName() throws Exception {
        VrrpGroupConfig c = commands.apply("", "eth0", "ipv4", 1, Map.of("addresses", new String[] {"192.0.2.1"},
                "version", 2, "advertIntervalMillis", 2000));
        assertThat(c.version()).isEqualTo(VrrpVersion.V2);
        assertThat(configAdmin.pids()).containsExactly("org.openvrrs.vrrp.group~eth0-ipv4-1");
        assertThat(configAdmin.stored("org.openvrrs.vrrp.group~eth0-ipv4-1").get("family")).isEqualTo("ipv4");
    }

    @Test
    void unicastPeersAndLeadersAreValidatedBeforeAnythingIsWritten() throws Exception {
        assertThatThrownBy(() -> commands.apply("", "eth0", "ipv4", 1, Map.of("addresses", new String[] {"192.0.2.1"},
                "unicastPeers", new String[] {""}))).hasMessageContaining("unicastPeers lists no address");
        assertThatThrownBy(() -> commands.apply("", "eth0", "ipv4", 1, Map.of("addresses", new String[] {"192.0.2.1"},
                "name", "A", "follow", "A"))).hasMessageContaining("a group cannot follow itself");
        assertThat(configAdmin.writes()).isZero();

        commands.apply("", "eth0", "ipv4", 1, Map.of("addresses", new String[] {"192.0.2.1"},
                "unicastPeers", new String[] {"192.0.2.2", "192.0.2.4"}));
        assertThat((String[]) configAdmin.stored("org.openvrrs.vrrp.group~eth0-ipv4-1").get("unicastPeers"))
                .containsExactly("192.0.2.2", "192.0.2.4");
    }

    @Test
    void aRefusedChangeWritesNothingAndAGroupInAFileIsChangedInIt() throws Exception {
        configAdmin.putFile("org.openvrrs.vrrp.group~g1", VrrpGroupComponent.FACTORY_PID,
                "org.openvrrs.vrrp.group-g1.cfg", Map.of("interfaceName", "eth0", "vrid", "1", "family", "ipv4",
                        "addresses", "192.0.2.1", "priority", "120", "checksum", "rfc9568"));
        assertThatThrownBy(() -> commands.apply("", "eth0", "ipv4", 1, Map.of("priority", 300)))
                .hasMessage("priority 300 is outside 1-254 (255 is taken by the address owner automatically)");
        assertThatThrownBy(() -> commands.apply("", "eth0", "ipv4", 1, Map.of("checksum", "cisco")))
                .hasMessage("checksum = 'cisco': not one of rfc5798, rfc9568");
        assertThat(configAdmin.writes()).isZero();

        assertThat(commands.apply("", "eth0", "ipv4", 1, Map.of("priority", 130)).priority()).isEqualTo(130);
        assertThat(configAdmin.pids()).containsExactly("org.openvrrs.vrrp.group~g1");
        assertThat(configAdmin.stored("org.openvrrs.vrrp.group~g1").get("checksum")).isEqualTo("rfc9568");
        assertThat(configAdmin.stored("org.openvrrs.vrrp.group~g1").get("felix.fileinstall.filename"))
                .isEqualTo("file:/opt/openvrrs/etc/org.openvrrs.vrrp.group-g1.cfg");

        assertThat(commands.remove("", "eth0", "ipv6", 1)).isFalse();
        assertThat(commands.remove("", "eth0", "ipv4", 1)).isTrue();
        assertThat(configAdmin.pids()).isEmpty();
    }
}
