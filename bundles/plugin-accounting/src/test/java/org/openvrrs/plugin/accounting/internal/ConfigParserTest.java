package org.openvrrs.plugin.accounting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openvrrs.plugin.accounting.internal.Fixtures.factories;
import static org.openvrrs.plugin.accounting.internal.Fixtures.map;
import static org.openvrrs.plugin.accounting.internal.Fixtures.server;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigParserTest {
    /** The model of (pid, map) pairs, each map read as File Install reads {@code etc/PID-NAME.cfg}. */
    private static AccountingModel parse(Object... pidAndMap) {
        for (int i = 0; i < pidAndMap.length; i += 2) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) pidAndMap[i + 1];
            m.put("felix.fileinstall.filename", "file:/opt/openvrrs/etc/" + pidAndMap[i] + "-" + m.get("name")
                    + ".cfg");
        }
        return ConfigParser.parse(Map.of(), factories(pidAndMap));
    }

    @Test
    void theGuideExampleParsesAndRoutesThroughTheMethodList() {
        AccountingModel m = parse(
                ConfigParser.SERVER_PID, server("rad2", 1813, "s2", 5, 3),
                ConfigParser.SERVER_PID, server("rad1", 1813, "s1", 5, 3),
                ConfigParser.SERVER_GROUP_PID, map("name", "G", "servers", "rad2"),
                ConfigParser.METHOD_LIST_PID, map("name", "vrrp-mlist-1", "groups", new String[] {"group G",
                        "group radius"}),
                ConfigParser.ATTRIBUTE_LIST_PID, map("name", "vrrp-1-attr", "attributes", "class \"10\""),
                ConfigParser.GROUP_PID, map("name", "vrrp-name-1", "delay", "10", "method", "vrrp-mlist-1",
                        "attributeList", "vrrp-1-attr"));
        assertThat(m.route("vrrp-name-1")).extracting(RadiusServer::name).containsExactly("rad2", "rad1");
        assertThat(m.settings("vrrp-name-1").delay().toSeconds()).isEqualTo(10);
        assertThat(m.extraAttributes("vrrp-name-1")).hasSize(1);
        // a group without settings uses the default list, which does not exist here: no accounting
        assertThat(m.methodList("other")).isEmpty();
        assertThat(m.route("other")).isEmpty();
    }

    @Test
    void theGuidesAccountingExampleAsWrittenAListNotYetDefinedWaitsForIt() {
        // IOS accepts accounting method METHOD1 before METHOD1 exists; the group waits for a route meanwhile
        AccountingModel before = parse(
                ConfigParser.ATTRIBUTE_LIST_PID, map("name", "vrrp-1-attr", "attributes", "account-delay \"10\""),
                ConfigParser.GROUP_PID, map("name", "vrrp-name-1", "method", "METHOD1", "attributeList",
                        "vrrp-1-attr"));
        assertThat(before.methodList("vrrp-name-1")).isEmpty();
        assertThat(before.route("vrrp-name-1")).isEmpty();
        // account-delay is the Accounting-Off delay of a group without its own, and is not sent
        assertThat(before.offDelay("vrrp-name-1").toSeconds()).isEqualTo(10);
        assertThat(before.extraAttributes("vrrp-name-1")).isEmpty();

        AccountingModel after = parse(
                ConfigParser.SERVER_PID, map("name", "rad1", "address", "198.51.100.10", "secret", "s"),
                ConfigParser.METHOD_LIST_PID, map("name", "METHOD1", "groups", "group radius"),
                ConfigParser.ATTRIBUTE_LIST_PID, map("name", "vrrp-1-attr", "attributes", "account-delay 10"),
                ConfigParser.GROUP_PID, map("name", "vrrp-name-1", "delay", "20", "method", "METHOD1",
                        "attributeList", "vrrp-1-attr"));
        assertThat(after.route("vrrp-name-1")).extracting(RadiusServer::name).containsExactly("rad1");
        assertThat(after.offDelay("vrrp-name-1").toSeconds()).isEqualTo(20);
    }

    @Test
    void badConfigurationIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> parse(ConfigParser.SERVER_PID, map("name", "rad1", "address", "127.0.0.1")))
                .hasMessage("etc/org.openvrrs.accounting.server-rad1.cfg: RADIUS server rad1: no shared secret (key) "
                        + "configured");
        assertThatThrownBy(() -> parse(ConfigParser.SERVER_PID, map("name", "rad1", "address", "radius.example",
                "secret", "s"))).hasMessage("etc/org.openvrrs.accounting.server-rad1.cfg: RADIUS server rad1: address "
                + "'radius.example' is not an IPv4 or IPv6 address");
        assertThatThrownBy(() -> parse(ConfigParser.SERVER_PID, map("name", "rad1", "address", "192.0.2.300",
                "secret", "s"))).hasMessageContaining("is not an IPv4 or IPv6 address");
        assertThatThrownBy(() -> parse(ConfigParser.METHOD_LIST_PID, map("name", "default", "groups", "group X")))
                .hasMessageContaining("unknown server group 'X'");
        assertThatThrownBy(() -> parse(ConfigParser.ATTRIBUTE_LIST_PID, map("name", "L", "attributes",
                "account-dlay 10"))).hasMessageContaining("unknown attribute type 'account-dlay'");
        assertThatThrownBy(() -> parse(ConfigParser.ATTRIBUTE_LIST_PID, map("name", "L", "attributes",
                "account-delay 3601"))).hasMessageContaining("account-delay 3601 is outside 0-3600 s");
        assertThatThrownBy(() -> parse(ConfigParser.SERVER_PID, server("rad1", 70000, "s", 5, 3)))
                .hasMessage("etc/org.openvrrs.accounting.server-rad1.cfg: RADIUS server rad1: acctPort 70000 is not "
                        + "within 1-65535");
    }

    @Test
    void valuesAreReadAsTheirTypeWithTheDefaultsForBlankOnes() {
        AccountingModel m = parse(
                ConfigParser.SERVER_PID, server("rad1", 1813, "s1", 5, 3),
                ConfigParser.SERVER_PID, map("name", "rad2", "address", "198.51.100.11", "secret", "s2",
                        "acctPort", " 1646 ", "timeout", ""),
                // a .cfg line is one comma-separated value; a command stores a real array, commas and all
                ConfigParser.SERVER_GROUP_PID, map("name", "G", "servers", "rad2 , rad1,"),
                ConfigParser.METHOD_LIST_PID, map("name", "default", "groups", "group G"),
                ConfigParser.ATTRIBUTE_LIST_PID, map("name", "L", "attributes", new String[] {"class a,b"}),
                ConfigParser.GROUP_PID, map("name", "G1", "delay", " ", "method", "", "attributeList", "L"));
        assertThat(m.route("G1")).extracting(RadiusServer::name).containsExactly("rad2", "rad1");
        assertThat(m.servers().get("rad2").port()).isEqualTo(1646);
        assertThat(m.servers().get("rad2").timeout().toSeconds()).isEqualTo(5);
        assertThat(m.settings("G1").delay()).isZero();
        assertThat(m.settings("G1").methodList()).isEqualTo("default");
        assertThat(m.extraAttributes("G1")).singleElement()
                .satisfies(a -> assertThat(a.stringValue()).isEqualTo("a,b"));
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedInOneLineNamingItsKeyAndValue() {
        assertThatThrownBy(() -> parse(ConfigParser.SERVER_PID, map("name", "rad1", "address", "127.0.0.1",
                "secret", "s", "acctPort", "18x3"))).hasMessage("etc/org.openvrrs.accounting.server-rad1.cfg: "
                + "acctPort = '18x3': not a whole number");
        assertThatThrownBy(() -> parse(ConfigParser.GROUP_PID, map("name", "G1", "delay", "ten")))
                .hasMessage("etc/org.openvrrs.accounting.group-G1.cfg: delay = 'ten': not a whole number");
        assertThatThrownBy(() -> ConfigParser.parse(map("retryInterval", "soon", "service.pid", ConfigParser.PID),
                Map.of())).hasMessage("org.openvrrs.accounting: retryInterval = 'soon': not a whole number");
    }

    @Test
    void secretsNeverAppearInTextOfAServer() {
        AccountingModel m = parse(ConfigParser.SERVER_PID, server("rad1", 1813, "top-secret-key", 5, 3));
        assertThat(m.servers().get("rad1").toString()).doesNotContain("top-secret-key").contains("<hidden>");
        assertThat(m.toString()).doesNotContain("top-secret-key");
    }
}
