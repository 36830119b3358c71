package org.openvrrs.plugin.ifstate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openvrrs.plugin.common.test.PluginTestBed.NAME_1;
import static org.openvrrs.plugin.common.test.PluginTestBed.NAME_2;
import static org.openvrrs.plugin.common.test.PluginTestBed.follow;

import org.junit.jupiter.api.Test;
import org.openvrrs.plugin.common.test.PluginTestBed;
import org.openvrrs.vrrs.api.VrrsState;

class InterfaceStatePluginTest {
    final PluginTestBed bed = new PluginTestBed();
    final InterfaceStatePlugin plugin = new InterfaceStatePlugin();

    private void configureGuideExample() {
        bed.infra.put("2", follow("eth0.2", NAME_1, true, false, false, 5, 360));
        bed.infra.put("3", follow("eth0.3", NAME_1, true, false, false, 5, 360));
        bed.infra.put("4", follow("eth0.4", NAME_2, true, false, false, 5, 360));
        bed.clock.runUntilIdle();
    }

    @Test
    void lineProtocolIsUpOnlyWhileTheFollowedGroupIsActive() {
        bed.infra.addPlugin(plugin);
        configureGuideExample();
        // first configured: down until ACTIVE is confirmed
        assertThat(bed.lineUp("eth0.2")).isFalse();
        bed.publish(VrrsState.ACTIVE);
        assertThat(bed.lineUp("eth0.2")).isTrue();
        assertThat(bed.lineUp("eth0.3")).isTrue();
        assertThat(bed.lineUp("eth0.4")).as("follows an unknown name: no VRRS server").isFalse();
        bed.publish(VrrsState.BACKUP);
        assertThat(bed.lineUp("eth0.2")).isFalse();
        bed.publish(VrrsState.ACTIVE);
        bed.withdrawServer();
        assertThat(bed.lineUp("eth0.2")).as("no server").isFalse();
        assertThat(bed.lineUp("eth0")).as("the physical interface is never touched").isTrue();
    }

    @Test
    void operatorsNoShutdownCannotBringAHeldSubinterfaceUpAndAdminStateIsKept() {
        bed.infra.addPlugin(plugin);
        configureGuideExample();
        bed.publish(VrrsState.BACKUP);
        bed.r1.setAdminState("eth0.2", false);
        bed.r1.setAdminState("eth0.2", true); // no shutdown while held
        assertThat(bed.lineUp("eth0.2")).isFalse();
        bed.r1.setAdminState("eth0.3", false); // shutdown while held
        bed.publish(VrrsState.ACTIVE);
        assertThat(bed.lineUp("eth0.2")).isTrue();
        assertThat(bed.lineUp("eth0.3")).as("ACTIVE does not undo the operator's shutdown").isFalse();
        bed.publish(VrrsState.BACKUP);
        plugin.deactivate(); // the bundle leaves: admin states reapplied
        assertThat(bed.lineUp("eth0.2")).isTrue();
        assertThat(bed.lineUp("eth0.3")).isFalse();
        assertThat(bed.r1.find("eth0.3").orElseThrow().adminUp()).isFalse();
        assertThat(plugin.heldCount()).isZero();
    }

    @Test
    void hotPlugTakesControlAtOnceAndUnplugGivesEverythingBack() {
        configureGuideExample();
        bed.publish(VrrsState.BACKUP);
        assertThat(bed.lineUp("eth0.2")).as("no plug-in yet").isTrue();
        assertThat(bed.registry.clients()).as("no plug-in, no client").isEmpty();
        bed.infra.addPlugin(plugin);
        bed.settle(); // the registry pushes BACKUP to the new client from its own thread
        assertThat(bed.lineUp("eth0.2")).isFalse();
        assertThat(bed.registry.clients()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("VRRS-Plugins");
            assertThat(c.priority().label()).isEqualTo("High");
            assertThat(c.allGroups()).isFalse();
            assertThat(c.following()).containsExactlyInAnyOrder(NAME_1, NAME_2);
        });
        bed.infra.removePlugin(plugin);
        plugin.deactivate();
        assertThat(bed.lineUp("eth0.2")).isTrue();
        assertThat(bed.lineUp("eth0.4")).isTrue();
        assertThat(bed.registry.clients()).isEmpty();
    }

    @Test
    void removingTheConfigurationReleasesTheSubinterface() {
        bed.infra.addPlugin(plugin);
        configureGuideExample();
        assertThat(bed.lineUp("eth0.4")).isFalse();
        bed.infra.put("4", follow("eth0.4", NAME_2, false, false, false, 5, 360)); // no vrrs interface-state
        assertThat(bed.lineUp("eth0.4")).isTrue();
        bed.infra.remove("3");
        assertThat(bed.lineUp("eth0.3")).isTrue();
        assertThat(plugin.heldCount()).isEqualTo(1);
    }
}
