package org.openvrrs.vrrs.core.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openvrrs.vrrs.api.AddressFamily;
import org.openvrrs.vrrs.api.ClientInfo;
import org.openvrrs.vrrs.api.ClientPriority;
import org.openvrrs.vrrs.api.GroupState;
import org.openvrrs.vrrs.api.MacAddress;
import org.openvrrs.vrrs.api.ServerUpdate;
import org.openvrrs.vrrs.api.StateReason;
import org.openvrrs.vrrs.api.VrrsState;

/** The show layouts against the guide's examples (documentation addresses instead of the guide's). */
class ShowFormatTest {
    static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    static GroupState served(String name, VrrsState state, VrrsState old, String vip) throws Exception {
        return GroupState.of(name, "VRRP", old, new ServerUpdate(state, StateReason.PROTOCOL, AddressFamily.IPV4,
                ip(vip), MacAddress.vrrp(AddressFamily.IPV4, 1), ip("192.0.2.2"), ip("192.0.2.3")));
    }

    @Test
    void summaryHasTheGuideColumns() throws Exception {
        String out = ShowFormat.summary(List.of(GroupState.unserved("DT-CLUSTER-3"),
                served("DT-CLUSTER-2", VrrsState.BACKUP, VrrsState.INIT, "198.51.100.1"),
                served("DT-CLUSTER-1", VrrsState.ACTIVE, VrrsState.BACKUP, "192.0.2.1")));
        assertThat(out.split("\n")).containsExactly(
                "Group            Server  State   Virtual-address",
                "DT-CLUSTER-3     UNKNOW  INIT    0.0.0.0",
                "DT-CLUSTER-2     VRRP    BACKUP  198.51.100.1",
                "DT-CLUSTER-1     VRRP    ACTIVE  192.0.2.1");
    }

    @Test
    void summaryWidensForLongNames() {
        String name = "A-VERY-LONG-GROUP-NAME-OF-30-CH";
        String[] lines = ShowFormat.summary(List.of(GroupState.unserved(name))).split("\n");
        assertThat(lines[1]).startsWith(name + " UNKNOW");
        assertThat(lines[0].indexOf("Server")).isEqualTo(lines[1].indexOf("UNKNOW"));
    }

    @Test
    void groupMatchesTheGuideForAnUnservedGroup() {
        String out = ShowFormat.group(GroupState.unserved("DT-CLUSTER-3"), List.of(
                new ClientInfo(5, "VRRS TEST CLIENT", ClientPriority.LOW, false, Set.of("DT-CLUSTER-3"), 0, 0, 0)));
        assertThat(out).isEqualTo("""
                DT-CLUSTER-3
                  Server Not configured, state INIT, old state INIT, reason Protocol
                  Address family IPv4, Virtual address 0.0.0.0, Virtual mac 0000.0000.0000
                  Active interface address 0.0.0.0, standby interface address 0.0.0.0
                  Client 5 VRRS TEST CLIENT, priority Low
                """);
    }

    @Test
    void groupShowsServerAddressesAndAllGroupClients() throws Exception {
        String out = ShowFormat.group(served("G", VrrsState.ACTIVE, VrrsState.BACKUP, "192.0.2.1"), List.of(
                new ClientInfo(2, "VRRS-Accounting", ClientPriority.LOW, true, Set.of(), 0, 0, 0)));
        assertThat(out).contains("  Server VRRP, state ACTIVE, old state BACKUP, reason Protocol\n")
                .contains("Virtual address 192.0.2.1, Virtual mac 0000.5e00.0101")
                .contains("  Active interface address 192.0.2.2, standby interface address 192.0.2.3\n")
                .contains("  Client 2 VRRS-Accounting, priority Low (all groups)\n");
    }

    @Test
    void clientsHasTheGuideColumns() {
        String out = ShowFormat.clients(List.of(
                new ClientInfo(1, "VRRS-Plugins", ClientPriority.HIGH, false, Set.of(), 0, 0, 0),
                new ClientInfo(2, "VRRS-Accounting", ClientPriority.LOW, true, Set.of(), 0, 0, 0),
                new ClientInfo(3, "PPPOE-VRRS-CLIENT", ClientPriority.NORMAL, false, Set.of(), 0, 0, 0)), false);
        assertThat(out.split("\n")).containsExactly(
                "ID  Priority  All-groups  Name",
                "1   High      No          VRRS-Plugins",
                "2   Low       Yes         VRRS-Accounting",
                "3   Normal    No          PPPOE-VRRS-CLIENT");
    }

    @Test
    void debugCategoriesAreWhatTheBundlesDeclare() {
        // as the manifests of vrrs-core, plugin-common with a plug-in, and net-linux declare them
        DebugCategories declared = new DebugCategories(List.of("infra.client, infra.events,infra.server",
                "plugin.mac, plugin.sublock", "infra.linux", "not a category"));
        assertThat(declared.loggers("infra", List.of("all"))).containsExactly(
                "org.openvrrs.debug.infra.client", "org.openvrrs.debug.infra.events",
                "org.openvrrs.debug.infra.linux", "org.openvrrs.debug.infra.server");
        assertThat(declared.loggers("plugin", List.of("mac"))).containsExactly("org.openvrrs.debug.plugin.mac");
        assertThatThrownBy(() -> declared.loggers("infra", List.of("bogus")))
                .hasMessage("unknown infra debug category 'bogus': expected all, client, events, linux, server");
        assertThatThrownBy(() -> declared.loggers("nope", List.of()))
                .hasMessage("unknown debug area 'nope': expected one of infra, plugin");
    }

    @Test
    void jsonCarriesTheSameFieldsAsTheGroupView() throws Exception {
        String json = ShowFormat.JSON_OUT.asString(ShowFormat.json(
                served("G", VrrsState.ACTIVE, VrrsState.BACKUP, "192.0.2.1"),
                List.of(new ClientInfo(2, "VRRS-Accounting", ClientPriority.LOW, true, Set.of(), 5, 0, 1))));
        assertThat(json).isEqualTo("{\"group\":\"G\",\"server\":\"VRRP\",\"state\":\"ACTIVE\","
                + "\"oldState\":\"BACKUP\",\"reason\":\"Protocol\",\"addressFamily\":\"IPv4\","
                + "\"virtualAddress\":\"192.0.2.1\",\"virtualMac\":\"0000.5e00.0101\","
                + "\"activeAddress\":\"192.0.2.2\",\"standbyAddress\":\"192.0.2.3\",\"clients\":[{\"id\":2,"
                + "\"name\":\"VRRS-Accounting\",\"priority\":\"Low\",\"allGroups\":true,\"following\":[],"
                + "\"delivered\":5,\"failed\":0,\"coalesced\":1}]}");
    }

    @Test
    void jsonIsWrittenWithEscapesOrderAndNulls() throws Exception {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("group", "DT \"1\"\n");
        m.put("active", true);
        m.put("clients", List.of(1, 2L));
        m.put("none", null);
        assertThat(ShowFormat.JSON_OUT.asString(m))
                .isEqualTo("{\"group\":\"DT \\\"1\\\"\\n\",\"active\":true,\"clients\":[1,2],\"none\":null}");
    }
}
