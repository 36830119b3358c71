package org.openvrrs.plugin.accounting.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openvrrs.config.test.InMemoryConfigAdmin;
import org.openvrrs.plugin.accounting.internal.AccountingModel;
import org.openvrrs.plugin.accounting.internal.ConfigParser;
import org.openvrrs.plugin.accounting.internal.ConfigStore;

/**
 * The {@code aaa:} commands against Config Admin: the whole configuration is checked first, and only an accepted
 * change is written; a refusal is one line, never shows the shared secret, and leaves no file behind.
 */
class ConfigCommandsTest {
    private static final String SECRET = "top-secret-key";
    private final InMemoryConfigAdmin configAdmin = new InMemoryConfigAdmin();

    private void radiusServer(String name, String address, String key) throws Exception {
        RadiusServerCommand c = new RadiusServerCommand();
        c.configAdmin = configAdmin;
        c.name = name;
        c.address = address;
        c.key = key;
        c.execute();
    }

    private void serverGroup(String name, String... servers) throws Exception {
        ServerGroupCommand c = new ServerGroupCommand();
        c.configAdmin = configAdmin;
        c.name = name;
        c.servers = List.of(servers);
        c.execute();
    }

    private void accountingVrrs(String list, String... words) throws Exception {
        AccountingVrrsCommand c = new AccountingVrrsCommand();
        c.configAdmin = configAdmin;
        c.list = list;
        c.words = List.of(words);
        c.execute();
    }

    private void vrrs(String group, String method) throws Exception {
        VrrsAccountingCommand c = new VrrsAccountingCommand();
        c.configAdmin = configAdmin;
        c.group = group;
        c.method = method;
        c.execute();
    }

    private void remove(String kind, String name) throws Exception {
        RemoveCommand c = new RemoveCommand();
        c.configAdmin = configAdmin;
        c.kind = kind;
        c.name = name;
        c.execute();
    }

    private AccountingModel model() throws Exception {
        ConfigStore store = new ConfigStore(configAdmin);
        return ConfigParser.parse(store.singleton(), store.factories());
    }

    @Test
    void aRefusedCommandWritesNothingAndNeverShowsTheSecret() throws Exception {
        assertThatThrownBy(() -> radiusServer("rad1", "radius.example", SECRET))
                .hasMessage("Refused, nothing changed: RADIUS server rad1: address 'radius.example' is not an IPv4 "
                        + "or IPv6 address")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
        assertThatThrownBy(() -> radiusServer("rad1", "198.51.100.10", null))
                .hasMessage("Refused, nothing changed: RADIUS server rad1: no shared secret (key) configured");
        assertThatThrownBy(() -> serverGroup("G", "rad1"))
                .hasMessage("Refused, nothing changed: server group G: unknown RADIUS server 'rad1'");
        assertThatThrownBy(() -> accountingVrrs("default", "start-stop", "group", "G"))
                .hasMessage("Refused, nothing changed: aaa accounting vrrs default: unknown server group 'G' "
                        + "(expected radius or a configured server group)");
        assertThatThrownBy(() -> remove("radius-server", "rad1"))
                .hasMessage("Refused, nothing changed: no server named rad1");
        assertThat(configAdmin.writes()).isZero();
        assertThat(configAdmin.pids()).isEmpty();
    }

    @Test
    void anUndefinedMethodListIsAcceptedWithAWarningAndUsedOnceDefined() throws Exception {
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stdout = System.out;
        System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            vrrs("DEMO-R1", "METHOD1");
        } finally {
            System.setOut(stdout);
        }
        assertThat(printed.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("Warning: accounting method "
                + "list METHOD1 is not defined yet: vrrs DEMO-R1 uses it once it is");
        assertThat(model().route("DEMO-R1")).isEmpty();
        radiusServer("rad1", "198.51.100.10", SECRET);
        accountingVrrs("METHOD1", "start-stop", "group", "radius");
        assertThat(model().route("DEMO-R1")).singleElement().satisfies(s -> assertThat(s.name()).isEqualTo("rad1"));
    }

    @Test
    void acceptedCommandsWriteNamedEntriesAndAReferencedOneCannotBeRemoved() throws Exception {
        radiusServer("rad1", "198.51.100.10", SECRET);
        serverGroup("G", "rad1");
        accountingVrrs("default", "start-stop", "group", "G");
        vrrs("DEMO-R1", "default");
        assertThat(configAdmin.pids()).containsExactlyInAnyOrder("org.openvrrs.accounting.group~DEMO-R1",
                "org.openvrrs.accounting.methodlist~default", "org.openvrrs.accounting.server~rad1",
                "org.openvrrs.accounting.servergroup~G");
        assertThat(configAdmin.stored("org.openvrrs.accounting.server~rad1").get("secret")).isEqualTo(SECRET);
        assertThat(model().route("DEMO-R1")).singleElement().satisfies(s -> assertThat(s.name()).isEqualTo("rad1"));

        int writes = configAdmin.writes();
        assertThatThrownBy(() -> remove("radius-server", "rad1"))
                .hasMessage("Refused, nothing changed: org.openvrrs.accounting.servergroup~G: server group G: "
                        + "unknown RADIUS server 'rad1'");
        assertThat(configAdmin.writes()).isEqualTo(writes);
        assertThat(configAdmin.pids()).contains("org.openvrrs.accounting.server~rad1");

        remove("vrrs", "DEMO-R1");
        remove("accounting-vrrs", "default");
        remove("server-group", "G");
        remove("radius-server", "rad1");
        assertThat(configAdmin.pids()).isEmpty();
    }

    @Test
    void aServerInAFileIsChangedInItAndABrokenFileRefusesEveryChange() throws Exception {
        configAdmin.putFile("org.openvrrs.accounting.server~x", ConfigParser.SERVER_PID,
                "org.openvrrs.accounting.server-rad1.cfg", Map.of("name", "rad1", "address", "198.51.100.10",
                        "secret", SECRET, "timeout", "9"));
        radiusServer("rad1", "198.51.100.11", SECRET);
        assertThat(configAdmin.pids()).containsExactly("org.openvrrs.accounting.server~x");
        assertThat(configAdmin.stored("org.openvrrs.accounting.server~x").get("felix.fileinstall.filename"))
                .isEqualTo("file:/opt/openvrrs/etc/org.openvrrs.accounting.server-rad1.cfg");
        assertThat(model().servers().get("rad1").endpoint()).isEqualTo("198.51.100.11:1813");

        configAdmin.putFile("org.openvrrs.accounting.server~y", ConfigParser.SERVER_PID,
                "org.openvrrs.accounting.server-rad2.cfg", Map.of("name", "rad2", "address", "198.51.100.12",
                        "secret", SECRET, "timeout", "soon"));
        int writes = configAdmin.writes();
        assertThatThrownBy(() -> serverGroup("G", "rad1"))
                .hasMessage("Refused, nothing changed: etc/org.openvrrs.accounting.server-rad2.cfg: timeout = "
                        + "'soon': not a whole number");
        assertThat(configAdmin.writes()).isEqualTo(writes);
        assertThat(configAdmin.pids()).doesNotContain("org.openvrrs.accounting.servergroup~G");
    }
}
