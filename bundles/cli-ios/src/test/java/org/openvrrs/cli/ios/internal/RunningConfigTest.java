package org.openvrrs.cli.ios.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openvrrs.cli.ios.internal.parse.Grammar;
import org.openvrrs.cli.ios.internal.parse.Mode;

class RunningConfigTest {
    /** Every kind of line the running configuration prints. */
    static final List<String> EVERYTHING = List.of(
            "hostname edge-1",
            "track 1 interface GigabitEthernet0/0/0 line-protocol",
            "track 2 ip route 198.51.100.0/24 reachability",
            "track 3 ipv6 route 2001:db8:1::/48 reachability",
            "interface GigabitEthernet0/0/0",
            " description uplink",
            " ip address 10.0.0.1 255.255.255.0",
            " ip address 10.0.2.1 255.255.255.0 secondary",
            " ipv6 address 2001:db8::1/64",
            " vrrp 1 ip 10.0.1.20",
            " vrrp 1 ip 10.0.1.21 secondary",
            " vrrp 1 name name1",
            " vrrp 1 description first",
            " vrrp 1 priority 120",
            " vrrp 1 preempt delay minimum 30",
            " vrrp 1 track 1 decrement 20",
            " vrrp 1 track 2 shutdown",
            " vrrp 1 track 3 decrement 10",
            " vrrp 1 timers advertise msec 500",
            " vrrp 2 ip 10.0.1.30",
            " no vrrp 2 preempt",
            " vrrp 2 shutdown",
            " vrrp 4 address-family ipv4",
            "  address 10.0.1.40",
            "  vrrpv2",
            "  exit-vrrp",
            " vrrp 3 address-family ipv6",
            "  address 2001:db8::100",
            "  priority 110",
            "  track 3 weight",
            "  exit-vrrp",
            " vrrp delay minimum 30 reload 60",
            "interface GigabitEthernet0/0/0.2",
            " encapsulation dot1Q 2",
            " ip address 192.168.42.1 255.255.255.0",
            " shutdown",
            " vrrs follow name1",
            " vrrs interface-state",
            " vrrs mac-address arp interval 5 duration 360",
            "interface GigabitEthernet0/0/0.10",
            " encapsulation dot1Q 100 native",
            " ip address 192.168.50.1 255.255.255.0",
            " vrrs follow name1",
            " vrrs mac-address",
            "aaa new-model",
            "radius server rad1",
            " address ipv4 198.51.100.10 acct-port 1813",
            " key 6 ENC(s3cret)",
            "aaa group server radius RADIUS-ACCT",
            " server name rad1",
            "aaa accounting vrrs vrrp-mlist-1 start-stop group RADIUS-ACCT",
            "aaa attribute list vrrp-1-attr",
            " attribute type nas-identifier edge-1",
            "vrrs name1",
            " accounting delay 10",
            " accounting method vrrp-mlist-1",
            " attribute list vrrp-1-attr");

    static final SecretCodec CODEC = new SecretCodec() {
        @Override
        public String encrypt(String clear) {
            return "ENC(" + clear + ")";
        }

        @Override
        public String decrypt(String type6) {
            if (!type6.startsWith("ENC(")) {
                throw new IllegalArgumentException("not ours");
            }
            return type6.substring(4, type6.length() - 1);
        }
    };

    static RunningConfig running(FakeAppliance app) {
        VrrpCommands vrrp = new VrrpCommands();
        Grammar<Handler> g = CliSessionTest.grammar(vrrp);
        return new RunningConfig(app, () -> g, vrrp);
    }

    static FakeAppliance fresh() {
        FakeAppliance app = new FakeAppliance();
        app.secrets = CODEC;
        return app;
    }

    @Test
    void everyCommandRoundTrips() {
        FakeAppliance first = fresh();
        assertThat(running(first).merge(EVERYTHING).errors()).isEmpty();
        List<String> lines = running(first).lines();
        assertThat(lines.stream().filter(l -> !l.equals("!")).toList()).containsExactlyElementsOf(EVERYTHING);
        assertThat(first.list(AccountingLines.SERVER).get(0).get("secret")).isEqualTo("s3cret");

        FakeAppliance second = fresh();
        assertThat(running(second).merge(lines).errors()).isEmpty();
        assertThat(running(second).lines()).isEqualTo(lines);
    }

    @Test
    void theGuidesExamplesRoundTrip() throws Exception {
        FakeAppliance first = fresh();
        CliSession s = new CliSession(CliSessionTest.grammar(new VrrpCommands()), first,
                new PrintStream(OutputStream.nullOutputStream()), Mode.CONFIG);
        int n = 0;
        for (String f : List.of("1-server.txt", "2-clients.txt", "3-accounting.txt", "4-interface-state.txt")) {
            for (String line : Files.readAllLines(CliSessionTest.GUIDE.resolve(f))) {
                s.execute(line, ++n);
            }
        }
        assertThat(s.errors()).isEmpty();
        List<String> lines = running(first).lines();
        assertThat(lines).contains("interface GigabitEthernet0/0/0.1", " encapsulation dot1Q 1 native",
                " ip address 172.16.1.1 255.255.255.0", " vrrp 1 ip 172.16.1.254", " vrrp 1 name VRRS_NAME_1",
                "vrrs vrrp-name-1", " accounting method METHOD1");
        FakeAppliance second = fresh();
        assertThat(running(second).merge(lines).errors()).isEmpty();
        assertThat(running(second).lines()).isEqualTo(lines);
    }

    @Test
    void aRefusedLineLeavesTheConfigurationOfReplaceAsItWas() {
        FakeAppliance app = fresh();
        assertThat(running(app).merge(EVERYTHING).errors()).isEmpty();
        List<String> before = running(app).lines();
        RunningConfiguration.ApplyResult r = running(app).replace(List.of("hostname other",
                "interface GigabitEthernet0/0/0", " vrrp 300 ip 10.0.0.9"));
        assertThat(r.errors()).containsExactly("% Line 3: vrrp 300 ip 10.0.0.9\n" + " ".repeat(15)
                + "^\n% Invalid input detected at '^' marker.");
        assertThat(running(app).lines()).isEqualTo(before);

        assertThat(running(app).replace(List.of("hostname other")).ok()).isTrue();
        assertThat(running(app).lines()).containsExactly("hostname other", "!", "interface GigabitEthernet0/0/0",
                " no ip address", "!");
    }

    @Test
    void aKeyIsNeverPrintedInClearAndForeignCiphertextIsRefused() {
        FakeAppliance app = fresh();
        assertThat(running(app).merge(List.of("radius server rad1", " address ipv4 198.51.100.10", " key s3cret"))
                .errors()).isEmpty();
        assertThat(String.join("\n", running(app).lines())).doesNotContain("s3cret\n").contains("key 6 ENC(s3cret)");
        assertThat(running(app).merge(List.of("radius server rad1", " key 6 XYZ")).errors()).containsExactly(
                "% Line 2: key 6 XYZ\n% Invalid type 6 key: not encrypted by this appliance");
        app.secrets = null;
        assertThat(running(app).lines()).noneMatch(l -> l.contains("s3cret"));
    }
}
