package org.openvrrs.plugin.accounting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openvrrs.config.test.InMemoryConfigAdmin;
import org.openvrrs.config.test.LogCapture;
import org.openvrrs.plugin.accounting.api.AccountingCounters;
import org.openvrrs.vrrs.api.ClientInfo;
import org.openvrrs.vrrs.core.internal.StandaloneRegistry;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;

/**
 * The accounting etc/ files as the component reads them: a broken file is one ERROR line naming the file, the key
 * and the value (never the shared secret), and the last good model stays in force.
 */
class AccountingComponentConfigTest {
    private static final String SECRET = "top-secret-key";
    private static final String SERVER_FILE = "etc/org.openvrrs.accounting.server-rad1.cfg";
    private static final Map<String, Object> NO_SETTINGS = Map.of("component.name",
            AccountingComponent.class.getName(), "component.id", 3L);
    /** The Config Admin service an event comes from (the component does not look at it). */
    @SuppressWarnings("unchecked")
    private static final ServiceReference<ConfigurationAdmin> CM = (ServiceReference<ConfigurationAdmin>)
            Proxy.newProxyInstance(ServiceReference.class.getClassLoader(), new Class<?>[] {ServiceReference.class},
                    (proxy, method, args) -> {
                        throw new UnsupportedOperationException(method.getName());
                    });
    private final InMemoryConfigAdmin configAdmin = new InMemoryConfigAdmin();
    private final StandaloneRegistry registry = new StandaloneRegistry();
    @TempDir
    Path queue;
    private AccountingComponent component;

    @AfterEach
    void tearDown() {
        if (component != null) {
            component.deactivate();
        }
        registry.close();
    }

    /** The server file with {@code keyValues} changed (a null value: the key left out). */
    private static Map<String, Object> server(Object... keyValues) {
        Map<String, Object> m = new HashMap<>(Map.of("name", "rad1", "address", "198.51.100.10", "acctPort", "1813",
                "secret", SECRET, "timeout", "5", "retransmit", "3"));
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] == null) {
                m.remove((String) keyValues[i]);
            } else {
                m.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return m;
    }

    private void putServer(Map<String, Object> properties) {
        configAdmin.putFile("org.openvrrs.accounting.server~rad1", ConfigParser.SERVER_PID,
                "org.openvrrs.accounting.server-rad1.cfg", properties);
    }

    private void putMethodList(String groups) {
        configAdmin.putFile("org.openvrrs.accounting.methodlist~default", ConfigParser.METHOD_LIST_PID,
                "org.openvrrs.accounting.methodlist-default.cfg", Map.of("name", "default", "groups", groups));
    }

    /** What File Install and Config Admin do when a factory file changes: the component is told. */
    private void changed(String factoryPid) {
        component.configurationEvent(new ConfigurationEvent(CM, ConfigurationEvent.CM_UPDATED, factoryPid,
                factoryPid + "~x"));
    }

    private AccountingComponent start(Map<String, Object> settings) {
        return new AccountingComponent(new ConfigStore(configAdmin), settings, registry.whiteboard(), queue);
    }

    private boolean clientDeclared() {
        return registry.clients().stream().map(ClientInfo::name).anyMatch("VRRS-Accounting"::equals);
    }

    /** The server file changes to {@code broken}: exactly one ERROR line, and rad1 is still as it was. */
    private void refusedServer(Map<String, Object> broken, String message) throws Exception {
        List<String> log = LogCapture.of(() -> {
            putServer(broken);
            changed(ConfigParser.SERVER_PID);
        });
        assertThat(LogCapture.errors(log)).containsExactly(message
                + " (refused: the last good configuration stays in use)");
        assertThat(log).hasSize(1).noneMatch(l -> l.contains(SECRET));
        assertThat(component.model().servers().get("rad1").port()).isEqualTo(1813);
        assertThat(component.model().route("any")).extracting(RadiusServer::name).containsExactly("rad1");
    }

    @Test
    void aBrokenFileIsOneLineNamingFileKeyAndValueAndTheLastGoodModelStays() throws Exception {
        putServer(server());
        putMethodList("group radius");
        component = start(NO_SETTINGS);
        assertThat(clientDeclared()).isTrue();
        assertThat(component.model().servers()).containsOnlyKeys("rad1");

        refusedServer(server("acctPort", "18x3"), SERVER_FILE + ": acctPort = '18x3': not a whole number");
        refusedServer(server("acctPort", "1814", "name", null), SERVER_FILE + ": name is required and not set");
        refusedServer(server("acctPort", "1814", "acct-port", "1814"), SERVER_FILE + ": acct-port = <hidden>: "
                + "unknown key (known: acctPort, address, name, retransmit, secret, timeout)");
        refusedServer(server("acctPort", "1814", "secret", List.of(SECRET, "other")), SERVER_FILE
                + ": secret = <hidden>: a list of 2 values, not one value");
        refusedServer(server("acctPort", "1814", "secret", null, "key", SECRET), SERVER_FILE
                + ": key = <hidden>: unknown key (known: acctPort, address, name, retransmit, secret, timeout)");
        refusedServer(server("acctPort", "1814", "secret", null), SERVER_FILE
                + ": RADIUS server rad1: no shared secret (key) configured");
        refusedServer(server("acctPort", "70000"), SERVER_FILE
                + ": RADIUS server rad1: acctPort 70000 is not within 1-65535");

        putServer(server());
        changed(ConfigParser.SERVER_PID);

        // a reference to what does not exist: the file that makes it is named
        List<String> log = LogCapture.of(() -> {
            putMethodList("group RAD-GROUP");
            changed(ConfigParser.METHOD_LIST_PID);
        });
        assertThat(LogCapture.errors(log)).containsExactly("etc/org.openvrrs.accounting.methodlist-default.cfg: "
                + "aaa accounting vrrs default: unknown server group 'RAD-GROUP' (expected radius or a configured "
                + "server group) (refused: the last good configuration stays in use)");
        assertThat(log).hasSize(1);
        assertThat(component.model().methodLists().get("default")).containsExactly("radius");

        // the settings of the component itself
        log = LogCapture.of(() -> component.modified(Map.of("service.pid", ConfigParser.PID,
                "felix.fileinstall.filename", "file:/opt/openvrrs/etc/org.openvrrs.accounting.cfg",
                "retryInterval", "soon")));
        assertThat(LogCapture.errors(log)).containsExactly("etc/org.openvrrs.accounting.cfg: retryInterval = "
                + "'soon': not a whole number (refused: the last good configuration stays in use)");
        assertThat(log).hasSize(1);
        assertThat(component.model().retryInterval().toSeconds()).isEqualTo(10);

        // corrected: in force at once (while the settings are refused, so is the whole)
        putMethodList("group radius");
        putServer(server("acctPort", "1814"));
        assertThat(LogCapture.errors(LogCapture.of(() -> changed(ConfigParser.SERVER_PID)))).hasSize(1);
        assertThat(component.model().servers().get("rad1").port()).isEqualTo(1813);
        component.modified(Map.of("retryInterval", "30"));
        assertThat(component.model().retryInterval().toSeconds()).isEqualTo(30);
        assertThat(component.model().servers().get("rad1").port()).isEqualTo(1814);
    }

    @Test
    void aBrokenFileAtStartRunsNothingUntilItIsCorrected() throws Exception {
        putServer(server("timeout", "soon"));
        List<String> log = LogCapture.of(() -> component = start(NO_SETTINGS));
        assertThat(LogCapture.errors(log)).containsExactly(SERVER_FILE + ": timeout = 'soon': not a whole number "
                + "(refused: nothing runs from it until it is corrected)");
        assertThat(log).hasSize(1);
        assertThat(clientDeclared()).isFalse();
        assertThat(component.model()).isEqualTo(AccountingModel.EMPTY);
        assertThatThrownBy(component::status).hasMessage("VRRS accounting is not running: " + SERVER_FILE
                + ": timeout = 'soon': not a whole number");
        assertThat(component.counters()).isEmpty(); // the monitor: nothing runs, so nothing to count

        putServer(server());
        changed(ConfigParser.SERVER_PID);
        assertThat(clientDeclared()).isTrue();
        assertThat(component.model().servers()).containsOnlyKeys("rad1");
        assertThat(component.status().queueDirectory()).isEqualTo(queue.toString());
        assertThat(component.counters()).hasValueSatisfying(c -> {
            assertThat(c.queued()).isZero();
            assertThat(c.servers()).containsExactly(new AccountingCounters.Server("rad1", 0, 0, 0, 0, 0, 0, 0));
        });
    }

    @Test
    void theFilesConventionsStand() throws Exception {
        // a blank value is the default, a list on one line is split at commas
        putServer(server("timeout", " ", "acctPort", ""));
        configAdmin.putFile("org.openvrrs.accounting.server~rad2", ConfigParser.SERVER_PID,
                "org.openvrrs.accounting.server-rad2.cfg", Map.of("name", "rad2", "address", "198.51.100.11",
                        "secret", SECRET));
        configAdmin.putFile("org.openvrrs.accounting.servergroup~G", ConfigParser.SERVER_GROUP_PID,
                "org.openvrrs.accounting.servergroup-G.cfg", Map.of("name", "G", "servers", "rad2, rad1"));
        putMethodList("group G");
        component = start(NO_SETTINGS);
        assertThat(component.model().route("any")).extracting(RadiusServer::name).containsExactly("rad2", "rad1");
        assertThat(component.model().servers().get("rad1").timeout().toSeconds()).isEqualTo(5);
        assertThat(component.model().servers().get("rad1").port()).isEqualTo(1813);
    }
}
