package org.openvrrs.plugin.common.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openvrrs.plugin.common.test.PluginTestBed.NAME_1;
import static org.openvrrs.plugin.common.test.PluginTestBed.NAME_2;
import static org.openvrrs.plugin.common.test.PluginTestBed.follow;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openvrrs.plugin.common.test.PluginTestBed;

class SubinterfaceRulesTest {
    final PluginTestBed bed = new PluginTestBed();

    private SubinterfaceRules.Verdict check(SubinterfaceSettings s) {
        return SubinterfaceRules.check(s, bed.r1::find, bed.sites);
    }

    @Test
    void acceptsTheGuidesSubinterfaces() {
        var v = check(follow("eth0.2", NAME_1, true, true, false, 5, 360));
        assertThat(v.errors()).isEmpty();
        assertThat(v.warnings()).isEmpty();
        assertThat(check(follow("eth0.4", NAME_2, true, false, false, 5, 360)).warnings())
                .containsExactly("no FHRP group here publishes VRRS name VRRS_NAME_2: r1/eth0.4 follows it as "
                        + "\"no VRRS server\" until one does");
    }

    @Test
    void refusesWhatTheGuideForbidsWithOneMessageEach() {
        assertThat(check(follow("eth0", NAME_2, true, false, false, 5, 360)).errors()).containsExactly(
                "r1/eth0 is not a subinterface: VRRS plug-ins go on subinterfaces sharing the physical interface of "
                        + "the FHRP group they follow",
                "r1/eth0 runs VRRP group 1: VRRS plug-ins go on subinterfaces without an FHRP");
        assertThat(check(follow("eth0.6", NAME_1, true, false, false, 5, 360)).errors())
                .containsExactly("r1/eth0.6 has no IP address: configure one before the VRRS plug-ins");
        assertThat(check(follow("eth1.5", NAME_1, true, false, false, 5, 360)).errors()).containsExactly(
                "VRRS name VRRS_NAME_1 is served by VRRP group 1 on r1/eth0, which does not share the physical "
                        + "interface eth1 of r1/eth1.5");
        assertThat(check(follow("eth9.9", NAME_1, true, false, false, 5, 360)).errors())
                .containsExactly("no interface named eth9.9 on network r1");
        bed.sites.add(new FhrpSite("r1", "eth0.3", "OTHER", "VRRP group 3"));
        assertThat(check(follow("eth0.3", NAME_1, true, false, false, 5, 360)).errors()).containsExactly(
                "r1/eth0.3 runs VRRP group 3: VRRS plug-ins go on subinterfaces without an FHRP");
    }

    @Test
    void macAddressWithoutInterfaceStateIsAcceptedWithAWarning() {
        var v = check(follow("eth0.2", NAME_1, false, true, false, 5, 360));
        assertThat(v.accepted()).isTrue();
        assertThat(v.warnings()).singleElement().asString().startsWith("mac-address without interface-state");
    }

    @Test
    void settingsParseWithDefaultsAndRefuseBadValues() {
        var s = SubinterfaceSettings.parse(Map.of("interfaceName", "eth0.2", "follow", "N", "macAddress", "true"));
        assertThat(s).isEqualTo(new SubinterfaceSettings("local", "eth0.2", "N", false, true, false, 5, 360));
        assertThat(SubinterfaceSettings.parse(s.toProperties())).isEqualTo(s);
        assertThatThrownBy(() -> SubinterfaceSettings.parse(Map.of("interfaceName", "eth0.2")))
                .hasMessage("configuration: follow is required and not set");
        assertThatThrownBy(() -> SubinterfaceSettings.parse(Map.of("interfaceName", "e", "follow", "a b")))
                .hasMessageContaining("is not a VRRS name");
        assertThatThrownBy(() -> SubinterfaceSettings.parse(Map.of("interfaceName", "e", "follow", "N",
                "arpInterval", "10", "arpDuration", "5"))).hasMessage(
                        "configuration: arp duration 5 is outside 10 (the interval)-86400 seconds");
        assertThatThrownBy(() -> SubinterfaceSettings.parse(Map.of("interfaceName", "e", "follow", "N",
                "interfaceState", "yes"))).hasMessage("configuration: interfaceState = 'yes': not true or false");
    }

    @Test
    void refusedConfigurationIsNotActedOnAndShowsInTheDatabase() {
        bed.infra.put("6", follow("eth0.6", NAME_1, true, false, false, 5, 360));
        assertThat(bed.infra.subinterfaces()).singleElement().satisfies(v -> {
            assertThat(v.live()).isFalse();
            assertThat(v.problem()).contains("has no IP address");
        });
        assertThat(bed.infra.database()).extracting(PluginInfrastructure.EntryView::interfaces)
                .containsExactly(List.of("r1/eth0.6"));
    }
}
