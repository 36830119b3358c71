package org.openvrrs.plugin.common.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvrrs.plugin.common.test.PluginTestBed.NAME_1;
import static org.openvrrs.plugin.common.test.PluginTestBed.NAME_2;
import static org.openvrrs.plugin.common.test.PluginTestBed.follow;

import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.openvrrs.net.api.InterfaceAddress;
import org.openvrrs.plugin.common.api.Subinterface;
import org.openvrrs.plugin.common.api.SubinterfacePlugin;
import org.openvrrs.plugin.common.test.PluginTestBed;
import org.openvrrs.vrrs.api.GroupState;
import org.openvrrs.vrrs.api.VrrsState;

class PluginInfrastructureTest {
    final PluginTestBed bed = new PluginTestBed();
    /** Written under the infrastructure's lock by whichever thread calls the plug-ins. */
    final List<String> calls = new CopyOnWriteArrayList<>();

    /** Records what the infrastructure tells it: "if eth0.2 ACTIVE", "if eth0.2 release". */
    final class Recorder implements SubinterfacePlugin {
        final String name;
        final int order;
        boolean forcesLineProtocol;

        Recorder(String name, int order) {
            this.name = name;
            this.order = order;
        }

        Recorder forcingTheLineProtocol() {
            forcesLineProtocol = true;
            return this;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int order() {
            return order;
        }

        @Override
        public boolean configuredOn(Subinterface s) {
            return name.equals("if") ? s.interfaceState() : s.macAddress();
        }

        @Override
        public void update(Subinterface s, GroupState state) {
            if (forcesLineProtocol) { // as Interface-State does: what it changes must not call it again
                s.network().setLineProtocol(s.interfaceName(), state.hasServer() && state.isActive());
            }
            calls.add(name + " " + s.interfaceName() + " " + (state.hasServer() ? state.state() : "NOSERVER"));
        }

        @Override
        public void release(Subinterface s) {
            calls.add(name + " " + s.interfaceName() + " release");
        }
    }

    @Test
    void interfaceStateActsBeforeMacAddressWhateverTheArrivalOrder() {
        bed.infra.addPlugin(new Recorder("mac", 10));
        bed.infra.addPlugin(new Recorder("if", 0));
        bed.infra.put("2", follow("eth0.2", NAME_1, true, true, false, 5, 360));
        calls.clear();
        bed.publish(VrrsState.ACTIVE);
        // the server registers (INIT), then publishes ACTIVE: Interface-State first each time
        assertThat(calls).containsExactly("if eth0.2 INIT", "mac eth0.2 INIT", "if eth0.2 ACTIVE",
                "mac eth0.2 ACTIVE");
    }

    @Test
    void registryGoingAwayReadsAsNoServerAndItsReturnRestoresTheState() {
        bed.infra.addPlugin(new Recorder("if", 0));
        bed.infra.put("2", follow("eth0.2", NAME_1, true, false, false, 5, 360));
        bed.publish(VrrsState.ACTIVE);
        calls.clear();
        bed.infra.clearRegistry(bed.registry);
        assertThat(calls).containsExactly("if eth0.2 NOSERVER");
        // what a registry on its way out still delivers is not acted on
        long delivered = pluginsClient().delivered();
        bed.server().send(VrrsState.BACKUP);
        await().until(() -> pluginsClient().delivered() > delivered);
        assertThat(calls).containsExactly("if eth0.2 NOSERVER");
        bed.server().send(VrrsState.ACTIVE);
        await().until(() -> pluginsClient().delivered() > delivered + 1); // BACKUP was taken: nothing coalesced
        bed.infra.setRegistry(bed.registry); // back: its current state is taken at once
        assertThat(calls).endsWith("if eth0.2 ACTIVE");
        // the client was declared once and never again: the registry still has it
        assertThat(bed.registry.clients()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("VRRS-Plugins");
            assertThat(c.following()).containsExactly(NAME_1);
        });
    }

    private org.openvrrs.vrrs.api.ClientInfo pluginsClient() {
        return bed.registry.clients().stream().filter(c -> c.name().equals("VRRS-Plugins")).findFirst()
                .orElseThrow();
    }

    @Test
    void changingTheConfigurationReleasesOnlyWhatWasRemoved() {
        bed.infra.addPlugin(new Recorder("if", 0));
        bed.infra.addPlugin(new Recorder("mac", 10));
        bed.infra.put("2", follow("eth0.2", NAME_1, true, true, false, 5, 360));
        calls.clear();
        bed.infra.put("2", follow("eth0.2", NAME_1, true, false, false, 5, 360)); // no vrrs mac-address
        assertThat(calls).containsExactly("mac eth0.2 release", "if eth0.2 NOSERVER"); // each once
        calls.clear();
        bed.infra.put("2", follow("eth0.2", NAME_2, true, false, false, 5, 360)); // follows another name
        assertThat(calls).startsWith("if eth0.2 release", "mac eth0.2 release");
        assertThat(bed.registry.clients().get(0).following()).containsExactly(NAME_2);
        assertThat(bed.infra.database()).extracting(PluginInfrastructure.EntryView::name).containsExactly(NAME_2);
    }

    @Test
    void aRefusedSubinterfaceIsTakenOnceItGetsAnAddressAndGivenBackWhenItsNetworkGoes() {
        bed.infra.addPlugin(new Recorder("if", 0));
        bed.infra.put("6", follow("eth0.6", NAME_1, true, false, false, 5, 360));
        assertThat(calls).isEmpty();
        bed.r1.addAddress("eth0.6", InterfaceAddress.parse("198.51.100.193/26"));
        bed.clock.runUntilIdle();
        assertThat(calls).containsExactly("if eth0.6 NOSERVER");
        bed.infra.removeNetwork("r1");
        assertThat(calls).endsWith("if eth0.6 release");
        assertThat(bed.infra.subinterfaces()).singleElement().satisfies(v -> {
            assertThat(v.live()).isFalse();
            assertThat(v.problem()).isEqualTo("network r1 is not present");
        });
    }

    @Test
    void noPluginNoClientAndCloseGivesEverythingBack() {
        bed.infra.put("2", follow("eth0.2", NAME_1, true, false, false, 5, 360));
        assertThat(bed.registry.clients()).isEmpty();
        Recorder r = new Recorder("if", 0);
        bed.infra.addPlugin(r);
        assertThat(bed.registry.clients()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("VRRS-Plugins");
            assertThat(c.priority().label()).isEqualTo("High");
        });
        bed.infra.close();
        assertThat(calls).endsWith("if eth0.2 release");
        assertThat(bed.registry.clients()).isEmpty();
    }

    @Test
    void eachPluginIsCalledOncePerChangeAndNotAgainForWhatItChangedItself() {
        bed.infra.addPlugin(new Recorder("if", 0).forcingTheLineProtocol());
        bed.infra.addPlugin(new Recorder("mac", 10));
        bed.infra.put("2", follow("eth0.2", NAME_1, true, true, false, 5, 360));
        bed.infra.put("3", follow("eth0.3", NAME_1, true, true, false, 5, 360));
        bed.publish(VrrsState.BACKUP);
        calls.clear();
        bed.publish(VrrsState.ACTIVE); // "if" brings both line protocols up: interface events, nobody called again
        assertThat(calls).containsExactly("if eth0.2 ACTIVE", "mac eth0.2 ACTIVE", "if eth0.3 ACTIVE",
                "mac eth0.3 ACTIVE");
        calls.clear();
        bed.publish(VrrsState.BACKUP);
        assertThat(calls).containsExactly("if eth0.2 BACKUP", "mac eth0.2 BACKUP", "if eth0.3 BACKUP",
                "mac eth0.3 BACKUP");
        bed.publish(VrrsState.ACTIVE);
        calls.clear();
        bed.r1.setAdminState("eth0", false); // the parent goes down: a change the plug-ins did not make
        bed.clock.runUntilIdle();
        assertThat(calls).containsExactly("if eth0.2 ACTIVE", "mac eth0.2 ACTIVE", "if eth0.3 ACTIVE",
                "mac eth0.3 ACTIVE");
        bed.r1.setAdminState("eth0", true);
        bed.infra.put("8", follow("eth0.8", NAME_1, true, true, false, 5, 360));
        bed.clock.runUntilIdle();
        calls.clear();
        bed.r1.addSubinterface("eth0", 8, InterfaceAddress.parse("198.51.100.241/28")); // appears: taken at once
        bed.clock.runUntilIdle();
        assertThat(calls).containsExactly("if eth0.8 ACTIVE", "mac eth0.8 ACTIVE");
    }

    @Test
    void anFhrpServerAppearingOnAFollowingSubinterfaceTakesItFromThePluginsUntilItGoes() {
        bed.infra.addPlugin(new Recorder("if", 0));
        bed.infra.addPlugin(new Recorder("mac", 10));
        bed.infra.put("2", follow("eth0.2", NAME_1, true, true, false, 5, 360));
        bed.publish(VrrsState.ACTIVE);
        assertThat(calls).endsWith("if eth0.2 ACTIVE", "mac eth0.2 ACTIVE");
        calls.clear();
        PluginTestBed.Server vrrpOnTheSubinterface = bed.declareServer("eth0.2", "OTHER");
        assertThat(calls).containsExactly("if eth0.2 release", "mac eth0.2 release");
        assertThat(bed.infra.subinterfaces()).singleElement().satisfies(v -> {
            assertThat(v.live()).isFalse();
            assertThat(v.problem()).isEqualTo(
                    "r1/eth0.2 runs VRRP group OTHER: VRRS plug-ins go on subinterfaces without an FHRP");
        });
        calls.clear();
        vrrpOnTheSubinterface.close();
        bed.settle();
        assertThat(calls).containsExactly("if eth0.2 ACTIVE", "mac eth0.2 ACTIVE");
        assertThat(bed.infra.subinterfaces()).singleElement().satisfies(v -> {
            assertThat(v.live()).isTrue();
            assertThat(v.problem()).isNull();
        });
    }

    @Test
    void showViewsReadLikeTheGuide() {
        bed.infra.put("2", follow("eth0.2", NAME_1, true, true, false, 5, 360));
        String arp = ShowFormat.arp(bed.r1.interfaces(), (n, i) -> i.equals("eth0.2")
                ? java.util.Optional.of(PluginTestBed.VMAC) : java.util.Optional.empty(), "r1",
                java.util.Map.of("eth0", java.util.Map.of("192.0.2.254", PluginTestBed.VMAC)));
        assertThat(arp).startsWith("Protocol  Address           Age (min)  Hardware Addr    Type  Interface\n"
                + "Internet  192.0.2.2         -          0200.0000.0101   ARPA  eth0\n"
                + "Internet  192.0.2.254       -          0000.5e00.0101   ARPA  eth0\n");
        assertThat(arp).contains("Internet  198.51.100.1      -          0000.5e00.0101   ARPA  eth0.2\n"
                + "Internet  198.51.100.65     -          0200.0000.0101   ARPA  eth0.3\n");
        bed.r1.addMacFilter("eth0", PluginTestBed.VMAC);
        assertThat(ShowFormat.controller(bed.r1.find("eth0").orElseThrow())).isEqualTo("""
                Interface eth0
                Hardware is Ethernet, address is 0200.0000.0101 (bia 0200.0000.0101)
                Software MAC address filter(hash:length/addr/mask/hits):
                0x00: 0 ffff.ffff.ffff 0000.0000.0000 0
                0x02: 0 0200.0000.0101 0000.0000.0000 0
                0x5E: 0 0000.5e00.0101 0000.0000.0000 0
                """);
    }

    @Test
    void theMonitorCountsSubinterfacesFollowingLiveAndActiveAndPerPlugin() {
        bed.infra.addPlugin(new Recorder("if", 0)); // the plug-ins' client follows names once a plug-in is there
        bed.infra.put("2", follow("eth0.2", NAME_1, true, true, false, 5, 360));
        bed.infra.put("3", follow("eth0.3", NAME_1, true, false, false, 5, 360));
        bed.infra.put("4", follow("eth0.4", NAME_2, false, true, false, 5, 360)); // nobody serves NAME_2
        bed.infra.put("9", follow("eth0.9", NAME_1, true, true, false, 5, 360)); // no such interface: not live
        bed.publish(VrrsState.ACTIVE);
        assertThat(PluginDatabaseComponent.count(bed.infra.subinterfaces()))
                .isEqualTo(new org.openvrrs.plugin.common.api.SubinterfaceCounts(4, 3, 2, 3, 3));
        bed.publish(VrrsState.BACKUP);
        assertThat(PluginDatabaseComponent.count(bed.infra.subinterfaces()).active()).isZero();
    }

    /** The --json of the plug-in shows: the same rows as the text, written by jackson-jr, absent values null. */
    @Test
    @SuppressWarnings("unchecked")
    void showViewsAsJsonCarryTheTextsRowsWithNulls() throws Exception {
        bed.infra.addPlugin(new Recorder("if", 0).forcingTheLineProtocol());
        bed.infra.put("2", follow("eth0.2", NAME_1, true, true, false, 5, 360));
        bed.publish(VrrsState.BACKUP); // eth0.2 held down: Interface-State follows a BACKUP group
        com.fasterxml.jackson.jr.ob.JSON json = com.fasterxml.jackson.jr.ob.JSON.std;

        List<Object> brief = json.listFrom(ShowFormat.JSON_OUT.asString(ShowFormat.interfaceRows("r1",
                bed.r1.interfaces(), bed.infra.subinterfaces()).stream().map(ShowFormat::json).toList()));
        java.util.Map<String, Object> eth02 = (java.util.Map<String, Object>) brief.stream()
                .filter(r -> ((java.util.Map<String, Object>) r).get("interface").equals("eth0.2")).findFirst()
                .orElseThrow();
        assertThat(eth02).containsExactly(java.util.Map.entry("network", "r1"), java.util.Map.entry("interface",
                "eth0.2"), java.util.Map.entry("address", "198.51.100.1"), java.util.Map.entry("adminUp", true),
                java.util.Map.entry("lineProtocolUp", false),
                java.util.Map.entry("interfaceStateDownBy", "VRRS " + NAME_1 + " state BACKUP"));
        java.util.Map<String, Object> eth06 = (java.util.Map<String, Object>) brief.stream()
                .filter(r -> ((java.util.Map<String, Object>) r).get("interface").equals("eth0.6")).findFirst()
                .orElseThrow();
        assertThat(eth06).containsEntry("address", null).containsEntry("interfaceStateDownBy", null);

        List<Object> arp = json.listFrom(ShowFormat.JSON_OUT.asString(ShowFormat.arpRows(bed.r1.interfaces(),
                (n, i) -> java.util.Optional.empty(), "r1", java.util.Map.of("eth0", java.util.Map.of("192.0.2.254",
                        PluginTestBed.VMAC))).stream().map(ShowFormat::json).toList()));
        assertThat(arp).startsWith(java.util.Map.of("network", "r1", "address", "192.0.2.2", "mac",
                "0200.0000.0101", "interface", "eth0", "virtualAddress", false), java.util.Map.of("network", "r1",
                "address", "192.0.2.254", "mac", "0000.5e00.0101", "interface", "eth0", "virtualAddress", true));

        bed.r1.addMacFilter("eth0", PluginTestBed.VMAC);
        assertThat(json.mapFrom(ShowFormat.JSON_OUT.asString(ShowFormat.controllerJson("r1",
                bed.r1.find("eth0").orElseThrow())))).isEqualTo(java.util.Map.of("network", "r1", "interface", "eth0",
                "mac", "0200.0000.0101", "burnedInMac", "0200.0000.0101", "macFilter",
                List.of("ffff.ffff.ffff", "0200.0000.0101", "0000.5e00.0101")));

        List<Object> database = json.listFrom(ShowFormat.JSON_OUT.asString(ShowFormat.databaseJson(
                bed.infra.database())));
        assertThat(database).singleElement().satisfies(e -> assertThat((java.util.Map<String, Object>) e)
                .containsEntry("name", NAME_1).containsEntry("serverConnected", true).containsEntry("active", false)
                .containsEntry("mac", "0000.5e00.0101").containsEntry("testControl", false)
                .containsEntry("interfaces", List.of("r1/eth0.2")).containsKey("clientHandle"));
    }
}
