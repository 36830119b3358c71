package org.openvrrs.snmp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openvrrs.fhrp.vrrp.api.VrrpGroupCounters;
import org.openvrrs.fhrp.vrrp.api.VrrpGroupView;
import org.openvrrs.fhrp.vrrp.api.VrrpRouterCounters;
import org.openvrrs.fhrp.vrrp.api.VrrpState;
import org.openvrrs.snmp.testing.NetSnmp;
import org.openvrrs.vrrs.api.AddressFamily;
import org.openvrrs.vrrs.api.ClientInfo;
import org.openvrrs.vrrs.api.ClientPriority;
import org.openvrrs.vrrs.api.GroupState;
import org.openvrrs.vrrs.api.MacAddress;
import org.openvrrs.vrrs.api.ServerUpdate;
import org.openvrrs.vrrs.api.StateReason;
import org.openvrrs.vrrs.api.VrrsState;

/**
 * The subagent under a real net-snmp snmpd, read with the real clients and our MIB files: the tables hold what the
 * monitored services say, names resolve, unknown objects and wrong credentials are answered as SNMP says, and a
 * notification reaches snmptrapd through snmpd.
 */
class SubagentWithSnmpdTest {
    static final Path MIBS = Path.of("src/main/mibs");
    static NetSnmp snmp;
    static AgentxSubagent subagent;
    static final InterfaceIndexes IF_INDEXES = new InterfaceIndexes();
    static volatile MonitoredState state;

    static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    static VrrpGroupView group(String network, int vrid, AddressFamily family, int version, VrrpState s,
            String primary, String master, List<InetAddress> vips, long transitions) {
        return new VrrpGroupView(network, "eth0", vrid, family, version, "G" + vrid, "", s, 150, 150, ip(primary),
                master == null ? null : ip(master), vips, 100, 100, true, false, MacAddress.vrrp(family, vrid),
                new VrrpGroupCounters(transitions, s == VrrpState.MASTER ? 3 : 0, 42, 17, 0, 2, 1, 0, 0, 0, 0, 0, 0,
                        0, 0));
    }

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(NetSnmp.installed(), "net-snmp is not installed (Debian packages snmp, snmpd, snmptrapd)");
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "snm-agentx-");
        snmp = new NetSnmp(dir, List.of(MIBS, MIBS.resolve("ietf")));
        snmp.start();
        state = new MonitoredState(List.of(
                group("r1", 1, AddressFamily.IPV4, 3, VrrpState.MASTER, "192.0.2.2", null,
                        List.of(ip("192.0.2.1"), ip("192.0.2.5")), 1),
                group("r2", 1, AddressFamily.IPV4, 3, VrrpState.BACKUP, "192.0.2.3", "192.0.2.2",
                        List.of(ip("192.0.2.1"), ip("192.0.2.5")), 0),
                group("r1", 9, AddressFamily.IPV4, 2, VrrpState.MASTER, "192.0.2.2", null,
                        List.of(ip("198.51.100.1")), 4),
                group("r1", 1, AddressFamily.IPV6, 3, VrrpState.INITIALIZE, "fe80::2", null,
                        List.of(ip("fe80::1"), ip("2001:db8::1")), 0)),
                new VrrpRouterCounters(5, 6, 7, Map.of()),
                List.of(GroupState.of("DEMO-R1", "VRRP", VrrsState.BACKUP, new ServerUpdate(VrrsState.ACTIVE,
                        StateReason.PROTOCOL, AddressFamily.IPV4, ip("192.0.2.1"),
                        MacAddress.vrrp(AddressFamily.IPV4, 1), ip("192.0.2.2"), ip("192.0.2.3")))),
                List.of(new ClientInfo(3, "VRRS-Plugins", ClientPriority.HIGH, false, Set.of("DEMO-R1", "DEMO-R2"),
                        12, 0, 1)),
                IF_INDEXES);
        subagent = new AgentxSubagent(SnmpSettings.address(snmp.agentxSocket()), SnmpComponent.MODULES,
                new CachedViews(() -> state, SnmpComponent.MODULES), new RequestLog());
        subagent.start();
        await().atMost(Duration.ofSeconds(10)).until(subagent::connected);
    }

    @AfterAll
    static void stop() {
        if (subagent != null) {
            subagent.close();
        }
        if (snmp != null) {
            snmp.close();
        }
    }

    @Test
    void theOperationsTableListsEveryVrrpv3GroupByIfIndexVridAndFamily() {
        NetSnmp.Result r = snmp.walk("VRRPV3-MIB::vrrpv3OperationsTable");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains(
                "VRRPV3-MIB::vrrpv3OperationsStatus.1000000.1.ipv4 = INTEGER: master(3)",
                "VRRPV3-MIB::vrrpv3OperationsStatus.1000001.1.ipv4 = INTEGER: backup(2)",
                "VRRPV3-MIB::vrrpv3OperationsMasterIpAddr.1000001.1.ipv4 = Hex-STRING: C0 00 02 02",
                "VRRPV3-MIB::vrrpv3OperationsPrimaryIpAddr.1000001.1.ipv4 = Hex-STRING: C0 00 02 03",
                "VRRPV3-MIB::vrrpv3OperationsVirtualMacAddr.1000000.1.ipv4 = STRING: 0:0:5e:0:1:1",
                "VRRPV3-MIB::vrrpv3OperationsPriority.1000000.1.ipv4 = Gauge32: 150",
                "VRRPV3-MIB::vrrpv3OperationsAddrCount.1000000.1.ipv4 = INTEGER: 2",
                "VRRPV3-MIB::vrrpv3OperationsAdvInterval.1000000.1.ipv4 = INTEGER: 100 centiseconds",
                "VRRPV3-MIB::vrrpv3OperationsPreemptMode.1000000.1.ipv4 = INTEGER: true(1)",
                "VRRPV3-MIB::vrrpv3OperationsAcceptMode.1000000.1.ipv4 = INTEGER: false(2)");
        assertThat(r.output()).doesNotContain(".9.ipv4"); // the VRRPv2 group is VRRP-MIB's
        // IPv6: its own row (address type ipv6), 16-byte addresses, the unspecified Master while none is known
        assertThat(r.output()).contains(
                "VRRPV3-MIB::vrrpv3OperationsStatus.1000000.1.ipv6 = INTEGER: initialize(1)",
                "VRRPV3-MIB::vrrpv3OperationsVirtualMacAddr.1000000.1.ipv6 = STRING: 0:0:5e:0:2:1",
                "VRRPV3-MIB::vrrpv3OperationsMasterIpAddr.1000000.1.ipv6 = Hex-STRING: 00 00 00 00 00 00 00 00 00 00 "
                        + "00 00 00 00 00 00",
                "VRRPV3-MIB::vrrpv3OperationsPrimaryIpAddr.1000000.1.ipv6 = Hex-STRING: FE 80 00 00 00 00 00 00 00 00 "
                        + "00 00 00 00 00 02");
        // index: ifIndex, VRID, ipv4(1), then the address as an InetAddress (length, octets)
        assertThat(snmp.walkNumeric("VRRPV3-MIB::vrrpv3AssociatedIpAddrTable").output()).contains(
                ".1.3.6.1.2.1.207.1.1.2.1.2.1000000.1.1.4.192.0.2.1 = INTEGER: active(1)",
                ".1.3.6.1.2.1.207.1.1.2.1.2.1000000.1.1.4.192.0.2.5 = INTEGER: active(1)");
    }

    @Test
    void theStatisticsTableAndTheRouterCountersHoldTheServersCounters() {
        NetSnmp.Result r = snmp.walk("VRRPV3-MIB::vrrpv3Statistics");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains(
                "VRRPV3-MIB::vrrpv3RouterChecksumErrors.0 = Counter64: 5",
                "VRRPV3-MIB::vrrpv3RouterVersionErrors.0 = Counter64: 6",
                "VRRPV3-MIB::vrrpv3RouterVrIdErrors.0 = Counter64: 7",
                "VRRPV3-MIB::vrrpv3StatisticsMasterTransitions.1000000.1.ipv4 = Counter32: 1",
                "VRRPV3-MIB::vrrpv3StatisticsNewMasterReason.1000000.1.ipv4 = INTEGER: masterNoResponse(3)",
                "VRRPV3-MIB::vrrpv3StatisticsRcvdAdvertisements.1000000.1.ipv4 = Counter64: 42",
                "VRRPV3-MIB::vrrpv3StatisticsIpTtlErrors.1000000.1.ipv4 = Counter64: 2",
                "VRRPV3-MIB::vrrpv3StatisticsProtoErrReason.1000000.1.ipv4 = INTEGER: ipTtlError(1)",
                "VRRPV3-MIB::vrrpv3StatisticsRefreshRate.1000000.1.ipv4 = Gauge32: 1000 milliseconds");
    }

    @Test
    void vrrpMibListsTheVrrpv2Group() {
        NetSnmp.Result r = snmp.walk("VRRP-MIB::vrrpMIB");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains(
                "VRRP-MIB::vrrpNodeVersion.0 = INTEGER: 2",
                "VRRP-MIB::vrrpOperState.1000000.9 = INTEGER: master(3)",
                "VRRP-MIB::vrrpOperMasterIpAddr.1000000.9 = IpAddress: 192.0.2.2",
                "VRRP-MIB::vrrpOperAdvertisementInterval.1000000.9 = INTEGER: 1 seconds",
                "VRRP-MIB::vrrpAssoIpAddrRowStatus.1000000.9.198.51.100.1 = INTEGER: active(1)",
                "VRRP-MIB::vrrpRouterChecksumErrors.0 = Counter32: 5",
                "VRRP-MIB::vrrpStatsBecomeMaster.1000000.9 = Counter32: 4",
                "VRRP-MIB::vrrpStatsAdvertiseRcvd.1000000.9 = Counter32: 42");
        assertThat(r.output()).doesNotContain("vrrpOperState.1000000.1 ");
    }

    @Test
    void theVrrsMibListsGroupsClientsAndInterfaces() {
        NetSnmp.Result r = snmp.walk("OPENVRRS-VRRS-MIB::openvrrsVrrsMIB");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains(
                "OPENVRRS-VRRS-MIB::vrrsGroupServer.\"DEMO-R1\" = STRING: VRRP",
                "OPENVRRS-VRRS-MIB::vrrsGroupState.\"DEMO-R1\" = INTEGER: active(3)",
                "OPENVRRS-VRRS-MIB::vrrsGroupOldState.\"DEMO-R1\" = INTEGER: backup(2)",
                "OPENVRRS-VRRS-MIB::vrrsGroupReason.\"DEMO-R1\" = STRING: Protocol",
                "OPENVRRS-VRRS-MIB::vrrsGroupActiveAddr.\"DEMO-R1\" = Hex-STRING: C0 00 02 02",
                "OPENVRRS-VRRS-MIB::vrrsClientName.3 = STRING: VRRS-Plugins",
                "OPENVRRS-VRRS-MIB::vrrsClientPriority.3 = INTEGER: high(1)",
                "OPENVRRS-VRRS-MIB::vrrsClientFollowing.3 = STRING: DEMO-R1,DEMO-R2",
                "OPENVRRS-VRRS-MIB::vrrsClientDelivered.3 = Counter64: 12",
                "OPENVRRS-VRRS-MIB::vrrsInterfaceName.1000000 = STRING: r1/eth0");
    }

    @Test
    void anUnknownObjectOrInstanceIsAnsweredAsSuchAndTheAgentGoesOn() {
        assertThat(snmp.get("VRRPV3-MIB::vrrpv3OperationsStatus.99.1.1").output())
                .contains("No Such Instance currently exists at this OID");
        assertThat(snmp.get("1.3.6.1.2.1.207.1.9.1.0").output())
                .contains("No Such Object available on this agent at this OID");
        assertThat(snmp.get("VRRPV3-MIB::vrrpv3OperationsStatus.1000000.1.1").output())
                .contains("INTEGER: master(3)");
    }

    @Test
    void wrongCredentialsAndCommunitiesAreRefusedBySnmpdAndTheNextRequestIsAnswered() {
        NetSnmp.Result wrong = snmp.client("snmpget", NetSnmp.USER, "wrong-passphrase",
                "VRRPV3-MIB::vrrpv3RouterChecksumErrors.0");
        assertThat(wrong.exitCode()).isNotZero();
        assertThat(wrong.output()).contains("Authentication failure");
        assertThat(snmp.client("snmpget", "nobody", NetSnmp.AUTH, "VRRPV3-MIB::vrrpv3RouterChecksumErrors.0")
                .output()).contains("Unknown user name");
        assertThat(snmp.v2c("public", "1.3.6.1.2.1.207.1.2.1.0").output()).contains("Timeout");
        assertThat(snmp.get("VRRPV3-MIB::vrrpv3RouterChecksumErrors.0").output()).contains("Counter64: 5");
        await().atMost(Duration.ofSeconds(10)).until(() -> snmp.traps().contains("authenticationFailure"));
    }

    @Test
    void notificationsReachTheMastersTrapDestinations() throws Exception {
        Notifications n = new Notifications(subagent, IF_INDEXES);
        n.newMaster(state.vrrpGroups().get(0));
        n.protocolError(state.vrrpGroups().get(0), 3);
        n.protocolError(state.vrrpGroups().get(0), 3); // within the minute: not sent again
        n.newMaster(state.vrrpGroups().get(2));
        await().atMost(Duration.ofSeconds(10)).until(() -> snmp.traps().contains("vrrpTrapNewMaster"));
        String traps = snmp.traps();
        assertThat(traps).contains("OID: VRRPV3-MIB::vrrpv3NewMaster\tVRRPV3-MIB::vrrpv3OperationsMasterIpAddr"
                + ".1000000.1.ipv4 = Hex-STRING: C0 00 02 02 \tVRRPV3-MIB::vrrpv3StatisticsNewMasterReason.1000000.1"
                + ".ipv4 = INTEGER: masterNoResponse(3)");
        assertThat(traps).contains("OID: VRRPV3-MIB::vrrpv3ProtoError\tVRRPV3-MIB::vrrpv3StatisticsProtoErrReason"
                + ".1000000.1.ipv4 = INTEGER: checksumError(3)");
        assertThat(traps).contains("OID: VRRP-MIB::vrrpTrapNewMaster\tVRRP-MIB::vrrpOperMasterIpAddr.1000000.9 = "
                + "IpAddress: 192.0.2.2");
        assertThat(traps.split("vrrpv3ProtoError", -1)).hasSize(2);
    }
}
