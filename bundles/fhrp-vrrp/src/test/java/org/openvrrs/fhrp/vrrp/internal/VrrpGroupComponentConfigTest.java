package org.openvrrs.fhrp.vrrp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openvrrs.config.test.LogCapture;

/** A group's etc/ file as the component reads it: a broken file is one log line and changes nothing. */
class VrrpGroupComponentConfigTest {
    private static final String FILE = "file:/opt/openvrrs/etc/org.openvrrs.vrrp.group-g1.cfg";
    private final VrrpService service = new VrrpService(Map.of("component.name", VrrpService.class.getName()));

    private static Map<String, Object> file(Object... keyValues) {
        Map<String, Object> m = new HashMap<>(Map.of("felix.fileinstall.filename", FILE,
                "service.pid", "org.openvrrs.vrrp.group~g1", "service.factoryPid", VrrpGroupComponent.FACTORY_PID,
                "component.id", 12L, "interfaceName", "eth0", "vrid", "1", "addresses", "192.0.2.1",
                "priority", "120"));
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] == null) {
                m.remove((String) keyValues[i]);
            } else {
                m.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return m;
    }

    private static final org.openvrrs.vrrs.api.VrrsWhiteboard NO_VRRS = null;

    private List<Integer> priorities() {
        return service.status().stream().map(s -> s.config().priority()).toList();
    }

    /** Changes the running group to {@code broken}: exactly one ERROR line, the group still runs as before. */
    private void refusedChange(VrrpGroupComponent group, Map<String, Object> broken, String message) throws Exception {
        List<String> log = LogCapture.of(() -> group.modified(broken));
        assertThat(LogCapture.errors(log)).containsExactly(message
                + " (refused: the last good configuration stays in use)");
        assertThat(log).hasSize(1);
        assertThat(priorities()).containsExactly(120);
    }

    @Test
    void aBrokenChangeIsOneLineNamingFileKeyAndValueAndTheGroupKeepsRunning() throws Exception {
        VrrpGroupComponent group = new VrrpGroupComponent(service, file(), NO_VRRS);
        assertThat(priorities()).containsExactly(120);

        refusedChange(group, file("priority", "high"),
                "etc/org.openvrrs.vrrp.group-g1.cfg: priority = 'high': not a whole number");
        refusedChange(group, file("priority", "130", "checksum", "cisco"),
                "etc/org.openvrrs.vrrp.group-g1.cfg: checksum = 'cisco': not one of rfc5798, rfc9568");
        refusedChange(group, file("priority", "130", "vrid", null),
                "etc/org.openvrrs.vrrp.group-g1.cfg: vrid is required and not set");
        refusedChange(group, file("priority", "130", "prority", "140"),
                // a group has a secret (authenticationText), so an unknown key's value is hidden: it may be the
                // password under a misspelt key
                "etc/org.openvrrs.vrrp.group-g1.cfg: prority = <hidden>: unknown key (known: acceptMode, addresses, "
                        + "advertIntervalMillis, authenticationText, checksum, description, family, follow, "
                        + "garpLowerPrioRepeat, garpMasterDelaySeconds, garpMasterRefreshSeconds, garpMasterRepeat, "
                        + "interfaceName, name, network, preempt, preemptDelaySeconds, priority, shutdown, syncGroup, "
                        + "track, unicastPeers, unicastSource, useVirtualMac, version, vrid)");
        refusedChange(group, file("priority", "300"),
                "etc/org.openvrrs.vrrp.group-g1.cfg: priority 300 is outside 1-254 (255 is taken by the address "
                        + "owner automatically)");

        refusedChange(group, file("priority", "130", "garpMasterRepeat", "0"),
                "etc/org.openvrrs.vrrp.group-g1.cfg: garpMasterRepeat 0 is outside 1-100");
        refusedChange(group, file("priority", "130", "garpMasterRefreshSeconds", "often"),
                "etc/org.openvrrs.vrrp.group-g1.cfg: garpMasterRefreshSeconds = 'often': not a whole number");
        refusedChange(group, file("priority", "130", "useVirtualMac", "no"),
                "etc/org.openvrrs.vrrp.group-g1.cfg: useVirtualMac = 'no': not true or false");

        group.modified(file("priority", "130", "garpMasterRepeat", "3", "garpLowerPrioRepeat", "0"));
        assertThat(priorities()).containsExactly(130);
        assertThat(service.status().get(0).config().announcements())
                .isEqualTo(new Announcer.Settings(3, 5, 0, 0));
        assertThat(service.status().get(0).config().useVirtualMac()).isTrue();
        group.modified(file("priority", "130", "useVirtualMac", "false"));
        assertThat(service.status().get(0).config().useVirtualMac()).isFalse();
        group.deactivate();
        assertThat(service.status()).isEmpty();
    }

    @Test
    void authenticationTextIsRefusedInOneLineThatNeverShowsIt() throws Exception {
        VrrpGroupComponent group = new VrrpGroupComponent(service, file("version", "2"), NO_VRRS);

        refusedChange(group, file("priority", "130", "authenticationText", "s3cret"),
                "etc/org.openvrrs.vrrp.group-g1.cfg: authentication text is VRRPv2 only (RFC 2338); VRRPv3 has none");
        refusedChange(group, file("priority", "130", "version", "2", "authenticationText", "s3cret-too-long"),
                "etc/org.openvrrs.vrrp.group-g1.cfg: authentication text must be 1-8 printable ASCII characters "
                        + "(RFC 2338)");
        refusedChange(group, file("priority", "130", "version", "2", "authenticatonText", "s3cret"),
                "etc/org.openvrrs.vrrp.group-g1.cfg: authenticatonText = <hidden>: unknown key (known: acceptMode, "
                        + "addresses, advertIntervalMillis, authenticationText, checksum, description, family, "
                        + "follow, garpLowerPrioRepeat, garpMasterDelaySeconds, garpMasterRefreshSeconds, "
                        + "garpMasterRepeat, interfaceName, name, network, preempt, preemptDelaySeconds, priority, "
                        + "shutdown, syncGroup, track, unicastPeers, unicastSource, useVirtualMac, version, vrid)");

        group.modified(file("priority", "130", "version", "2", "authenticationText", "s3cret"));
        assertThat(priorities()).containsExactly(130);
        VrrpGroupConfig config = service.status().get(0).config();
        assertThat(config.authenticationText()).isEqualTo("s3cret");
        assertThat(config.toString()).doesNotContain("s3cret");
        group.deactivate();
    }

    @Test
    void aBrokenFileAtStartRunsNothingUntilItIsCorrected() throws Exception {
        VrrpGroupComponent[] group = new VrrpGroupComponent[1];
        List<String> log = LogCapture.of(() -> group[0] = new VrrpGroupComponent(service,
                file("family", "ipv5"), NO_VRRS));
        assertThat(LogCapture.errors(log)).containsExactly("etc/org.openvrrs.vrrp.group-g1.cfg: family = 'ipv5': "
                + "not one of ipv4, ipv6 (refused: nothing runs from it until it is corrected)");
        assertThat(service.status()).isEmpty();

        group[0].modified(file("family", "ipv4"));
        assertThat(priorities()).containsExactly(120);
        group[0].deactivate();
        assertThat(service.status()).isEmpty();
    }

    @Test
    void aBrokenDelayKeepsTheDelaysInUse() throws Exception {
        service.modified(Map.of("interfaceDelays", "eth0 minimum 30 reload 60"));
        List<String> log = LogCapture.of(() -> service.modified(Map.of("service.pid", VrrpService.PID,
                "interfaceDelays", "eth0 minimum soon")));
        assertThat(LogCapture.errors(log)).containsExactly("org.openvrrs.vrrp: interface delay 'eth0 minimum soon': "
                + "'soon' is not a number (refused: the last good configuration stays in use)");
    }
}
