package org.openvrrs.cli.ios.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openvrrs.cli.ios.internal.parse.Grammar;
import org.openvrrs.cli.ios.internal.parse.Mode;

class CliSessionTest {
    /** The guide's examples, verbatim (the itests paste the same files into the distribution). */
    static final Path GUIDE = Path.of("../../itests/src/test/resources/guide-examples");

    final FakeAppliance app = new FakeAppliance();
    final VrrpCommands vrrp = new VrrpCommands();
    final Grammar<Handler> grammar = grammar(vrrp);
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final CliSession session = new CliSession(grammar, app, new PrintStream(bytes, true, StandardCharsets.UTF_8),
            Mode.CONFIG);

    static Grammar<Handler> grammar(VrrpCommands vrrp) {
        Grammar<Handler>[] g = new Grammar[1];
        g[0] = IosGrammar.build(new ExecCommands(a -> new RunningConfig(a, () -> g[0], vrrp)), vrrp);
        return g[0];
    }

    String output() {
        String s = bytes.toString(StandardCharsets.UTF_8);
        bytes.reset();
        return s;
    }

    List<String> paste(String file) throws IOException {
        int n = 0;
        for (String line : Files.readAllLines(GUIDE.resolve(file))) {
            session.execute(line, ++n);
        }
        return session.errors();
    }

    @Test
    void theServerExampleConfiguresTheInterfaceTheGroupAndTheDelay() throws Exception {
        assertThat(paste("1-server.txt")).isEmpty();
        assertThat(app.settings.get("GigabitEthernet0/0/0").addresses()).containsExactly("10.0.0.1/24");
        assertThat(app.commands).contains("vrrp:configure --family=ipv4 --name=name1 --address=10.0.1.20 "
                + "GigabitEthernet0/0/0 1", "vrrp:delay GigabitEthernet0/0/0 minimum 30 reload 60");
        assertThat(session.prompt()).isEqualTo("Router(config-if)#");
    }

    @Test
    void theClientsExampleMakesTheSubinterfaceAndItsPlugins() throws Exception {
        assertThat(paste("1-server.txt")).isEmpty();
        assertThat(paste("2-clients.txt")).isEmpty();
        assertThat(session.prompt()).isEqualTo("Router(config-subif)#");
        assertThat(app.settings.get("GigabitEthernet0/0/0.1").effectiveVlan()).contains(1);
        assertThat(app.commands).contains("vrrs:follow GigabitEthernet0/0/0.1 name1",
                "vrrs:interface-state GigabitEthernet0/0/0.1", "vrrs:mac-address GigabitEthernet0/0/0.1");
        assertThat(output()).contains("% Warning: mac-address without interface-state");
    }

    @Test
    void theAccountingExampleIsAcceptedLineByLine() throws Exception {
        assertThat(paste("3-accounting.txt")).isEmpty();
        assertThat(app.commands).contains("aaa:accounting-vrrs vrrp-mlist-1 start-stop group radius",
                "aaa:attribute-list vrrp-1-attr account-delay \"10\"",
                "aaa:vrrs --delay 10 --method default --attribute-list  vrrp-name-1",
                "aaa:vrrs --delay 10 --method METHOD1 --attribute-list  vrrp-name-1",
                "aaa:vrrs --delay 10 --method METHOD1 --attribute-list vrrp-1-attr vrrp-name-1");
        assertThat(session.prompt()).isEqualTo("Router(config-vrrs)#");
    }

    @Test
    void theConfirmingExamplesRunTheirShowsAfterTheConfiguration() throws Exception {
        assertThat(paste("4-interface-state.txt")).isEmpty();
        assertThat(app.settings.get("GigabitEthernet0/0/0").addresses()).isEmpty();
        assertThat(app.settings.get("GigabitEthernet0/0/0.1").nativeVlan()).isTrue();
        assertThat(app.settings.get("GigabitEthernet0/0/0.4").addresses()).containsExactly("192.168.44.1/24");
        assertThat(output()).contains("output of vrrs:ip-interface-brief --network local");
        assertThat(paste("5-mac-address.txt")).isEmpty();
        assertThat(app.commands).contains("vrrs:mac-address GigabitEthernet0/0/0.2 arp interval 5 duration 360");
        assertThat(output()).contains("output of vrrs:ip-arp --network local");
    }

    @Test
    void aWrongWordGetsTheCaretUnderItAndChangesNothing() {
        session.execute("interface GigabitEthernet0/0/0", 0);
        output();
        assertThat(session.execute("vrrp 1 ipp 10.0.1.20", 0)).isFalse();
        // the caret sits under the word, counted from the start of the prompt the line was typed at
        assertThat(output()).isEqualTo(" ".repeat("Router(config-if)#".length() + 7) + "^\n"
                + "% Invalid input detected at '^' marker.\n");
        assertThat(app.commands).isEmpty();
    }

    @Test
    void batchErrorsNameTheirLineAndPointAtTheWord() {
        session.execute("interface GigabitEthernet0/0/0", 1);
        session.execute("vrrp 256 ip 10.0.1.20", 2);
        session.execute("vrrp 1 ip 10.0.1.300", 3);
        session.execute("Router(config-if)# vrrp 1", 4);
        session.execute("vrr 1 ip 10.0.1.20", 5);
        session.execute("interface GigabitEthernet9/9/9", 6);
        assertThat(session.errors()).containsExactly(
                "% Line 2: vrrp 256 ip 10.0.1.20\n" + " ".repeat(15) + "^\n% Invalid input detected at '^' marker.",
                "% Line 3: vrrp 1 ip 10.0.1.300\n" + " ".repeat(20) + "^\n% Invalid input detected at '^' marker.",
                "% Line 4: Router(config-if)# vrrp 1\n% Incomplete command.",
                "% Line 5: vrr 1 ip 10.0.1.20\n% Ambiguous command:  \"vrr\"",
                "% Line 6: interface GigabitEthernet9/9/9\n" + " ".repeat(20)
                        + "^\n% Invalid input detected at '^' marker.");
        assertThat(app.commands).isEmpty();
        assertThat(app.settings).isEmpty();
    }

    @Test
    void aBadMaskIsRefusedAsIosDoes() {
        session.execute("interface GigabitEthernet0/0/0", 0);
        session.execute("ip address 10.0.0.1 255.0.255.0", 0);
        assertThat(output()).contains("% Bad mask 0xFF00FF00 for address 10.0.0.1");
        assertThat(app.settings).doesNotContainKey("GigabitEthernet0/0/0");
        assertThat(app.network.get("GigabitEthernet0/0/0")).containsExactly("10.9.9.9/24");
    }

    @Test
    void modesExitEndDoAndTheEnclosingModesCommands() {
        session.execute("hostname edge-1", 0);
        assertThat(session.prompt()).isEqualTo("edge-1(config)#");
        session.execute("int gi0/0/0.2", 0);
        assertThat(session.prompt()).isEqualTo("edge-1(config-subif)#");
        session.execute("vrrp 3 address-family ipv6", 0);
        assertThat(session.prompt()).isEqualTo("edge-1(config-if-vrrp)#");
        session.execute("exit", 0);
        assertThat(session.prompt()).isEqualTo("edge-1(config-subif)#");
        session.execute("aaa attribute list L1", 0); // a global command leaves interface mode, as in IOS
        assertThat(session.prompt()).isEqualTo("edge-1(config-attr-list)#");
        output();
        session.execute("do show vrrs summary | include two", 0);
        assertThat(output()).isEqualTo("line two\n");
        assertThat(session.mode()).isEqualTo(Mode.ATTRIBUTE_LIST);
        session.execute("end", 0);
        assertThat(session.ended()).isTrue();
        assertThat(session.prompt()).isEqualTo("edge-1#");
    }

    @Test
    void settingsBeforeTheFirstAddressWaitForIt() {
        session.execute("interface GigabitEthernet0/0/0", 0);
        session.execute("vrrp 1 name name1", 0);
        session.execute("vrrp 1 priority 120", 0);
        assertThat(app.commands).isEmpty();
        session.execute("vrrp 1 ip 10.0.1.20", 0);
        assertThat(app.commands).containsExactly("vrrp:configure --family=ipv4 --name=name1 --priority=120 "
                + "--address=10.0.1.20 GigabitEthernet0/0/0 1");
        session.execute("vrrp 1 ip 10.0.1.21 secondary", 0);
        assertThat(app.commands.get(1)).isEqualTo("vrrp:configure --family=ipv4 --address=10.0.1.20 "
                + "--address=10.0.1.21 GigabitEthernet0/0/0 1");
    }

    @Test
    void theStoreCommandsSayOneLineWithoutTheStore() {
        CliSession exec = new CliSession(grammar, app, new PrintStream(bytes, true, StandardCharsets.UTF_8),
                Mode.EXEC);
        for (String c : List.of("write memory", "copy running-config startup-config", "show startup-config",
                "show archive", "configure confirm", "configure replace flash:a.cfg time 1", "copy a.cfg run")) {
            assertThat(exec.execute(c, 0)).as(c).isFalse();
            assertThat(output()).as(c).isEqualTo("% configuration store not available\n");
        }
    }
}
