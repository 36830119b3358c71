package org.openvrrs.cli.ios.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class GrammarTest {
    private final Grammar<String> g = new Grammar<String>()
            .add(Mode.EXEC, "show vrrs summary", "summary")
            .add(Mode.EXEC, "show vrrs group [GROUP]", "group")
            .add(Mode.EXEC, "show vrrp [brief]", "vrrp")
            .add(Mode.EXEC, "show running-config [interface IFNAME]", "running")
            .add(Mode.CONFIG, "interface IFNAME", "interface")
            .add(Mode.INTERFACE, "vrrp <1-255> ip A.B.C.D [secondary]", "vrrp-ip")
            .add(Mode.INTERFACE, "vrrp delay {minimum <0-10000> [reload <0-10000>]|reload <0-10000>}", "delay")
            .add(Mode.INTERFACE, "description LINE", "description")
            .add(Mode.INTERFACE, "ipv6 address X:X::X/M", "ipv6")
            .add(Mode.INTERFACE, "aaa accounting vrrs {default|LIST} start-stop", "aaa")
            .help("show", "Show running system information");

    private Grammar.Parse<String> parse(Mode m, String line) {
        return g.parse(m, Words.of(line));
    }

    private Grammar.Match<String> match(Mode m, String line) {
        Grammar.Parse<String> p = parse(m, line);
        assertThat(p).as(line).isInstanceOf(Grammar.Match.class);
        return (Grammar.Match<String>) p;
    }

    private Grammar.Failure<String> failure(Mode m, String line) {
        Grammar.Parse<String> p = parse(m, line);
        assertThat(p).as(line).isInstanceOf(Grammar.Failure.class);
        return (Grammar.Failure<String>) p;
    }

    @Test
    void uniqueAbbreviationsMatchInAnyCase() {
        assertThat(match(Mode.EXEC, "sh vrrs sum").command()).isEqualTo("summary");
        assertThat(match(Mode.EXEC, "SH VRRS SUMMARY").command()).isEqualTo("summary");
        assertThat(match(Mode.EXEC, "sh vrrp br").command()).isEqualTo("vrrp");
        assertThat(match(Mode.EXEC, "sh vrrs gr DT-CLUSTER-3").args().vars()).containsExactly("DT-CLUSTER-3");
    }

    @Test
    void twoKeywordsOneAbbreviationIsAmbiguousAtThatWord() {
        Grammar.Failure<String> f = failure(Mode.EXEC, "sh vrr sum");
        assertThat(f.error()).isEqualTo(Grammar.Error.AMBIGUOUS);
        assertThat(f.word()).isEqualTo(1);
    }

    @Test
    void missingWordsAreIncomplete() {
        assertThat(failure(Mode.EXEC, "show vrrs").error()).isEqualTo(Grammar.Error.INCOMPLETE);
        assertThat(failure(Mode.INTERFACE, "vrrp 1 ip").error()).isEqualTo(Grammar.Error.INCOMPLETE);
        assertThat(failure(Mode.INTERFACE, "vrrp delay minimum").error()).isEqualTo(Grammar.Error.INCOMPLETE);
    }

    @Test
    void aWrongWordIsInvalidAtThatWord() {
        Grammar.Failure<String> f = failure(Mode.EXEC, "show vrrs sumary");
        assertThat(f.error()).isEqualTo(Grammar.Error.INVALID);
        assertThat(f.word()).isEqualTo(2);
        assertThat(failure(Mode.EXEC, "show vrrs summary extra").word()).isEqualTo(3);
        assertThat(failure(Mode.EXEC, "bogus").word()).isZero();
    }

    @Test
    void rangesAndAddressesAreChecked() {
        assertThat(failure(Mode.INTERFACE, "vrrp 256 ip 10.0.0.1").word()).isEqualTo(1);
        assertThat(failure(Mode.INTERFACE, "vrrp 0 ip 10.0.0.1").word()).isEqualTo(1);
        assertThat(failure(Mode.INTERFACE, "vrrp 1 ip 10.0.0.256").word()).isEqualTo(3);
        assertThat(failure(Mode.INTERFACE, "vrrp 1 ip 10.0.1").word()).isEqualTo(3);
        assertThat(match(Mode.INTERFACE, "vrrp 255 ip 10.0.1.20 secondary").args().has("secondary")).isTrue();
        assertThat(match(Mode.INTERFACE, "ipv6 address 2001:db8::1/64").args().var(0)).isEqualTo("2001:db8::1/64");
        assertThat(failure(Mode.INTERFACE, "ipv6 address 2001:db8::1/129").word()).isEqualTo(2);
        assertThat(failure(Mode.INTERFACE, "ipv6 address 10.0.0.1/24").word()).isEqualTo(2);
    }

    @Test
    void optionalsAndAlternatives() {
        Args both = match(Mode.INTERFACE, "vrrp delay minimum 30 reload 60").args();
        assertThat(both.after("minimum")).contains("30");
        assertThat(both.after("reload")).contains("60");
        assertThat(match(Mode.INTERFACE, "vrrp del rel 60").args().after("reload")).contains("60");
        assertThat(match(Mode.INTERFACE, "vrrp delay minimum 30").args().after("reload")).isEmpty();
        assertThat(failure(Mode.INTERFACE, "vrrp delay reload 60 minimum 30").word()).isEqualTo(4);
    }

    @Test
    void anAbbreviatedKeywordWinsOverAVariableAnExactWordIsTheVariable() {
        assertThat(match(Mode.INTERFACE, "aaa accounting vrrs def start-stop").args().has("default")).isTrue();
        Args list = match(Mode.INTERFACE, "aaa accounting vrrs vrrp-mlist-1 start-stop").args();
        assertThat(list.vars()).containsExactly("vrrp-mlist-1");
    }

    @Test
    void interfacesAreSpeltAsTheGuideDoesAndComeBackCanonical() {
        assertThat(match(Mode.CONFIG, "interface gigabitethernet0/0/0").args().var(0))
                .isEqualTo("GigabitEthernet0/0/0");
        assertThat(match(Mode.CONFIG, "interface gigabitethernet 0/0/0").args().var(0))
                .isEqualTo("GigabitEthernet0/0/0");
        assertThat(match(Mode.CONFIG, "int Gi0/0/0.1").args().var(0)).isEqualTo("GigabitEthernet0/0/0.1");
        assertThat(match(Mode.CONFIG, "interface GigabitEthernet0/0/0.4").args().var(0))
                .isEqualTo("GigabitEthernet0/0/0.4");
        // IOS reads eth0 as Ethernet0; the commands fall back to the name as typed when the device has it
        Args linux = match(Mode.CONFIG, "interface eth0.2").args();
        assertThat(linux.var(0)).isEqualTo("Ethernet0.2");
        assertThat(linux.matched().get(1).raw()).isEqualTo("eth0.2");
        assertThat(match(Mode.CONFIG, "interface ens3").args().var(0)).isEqualTo("ens3");
        assertThat(failure(Mode.CONFIG, "interface foo").word()).isEqualTo(1);
        assertThat(match(Mode.EXEC, "show running-config interface gi 0/0/0").args().var(0))
                .isEqualTo("GigabitEthernet0/0/0");
    }

    @Test
    void lineTakesTheRestOfTheLine() {
        assertThat(match(Mode.INTERFACE, "description uplink to  the \"core\"").args().var(0))
                .isEqualTo("uplink to  the \"core\"");
    }

    @Test
    void helpListsWhatMayComeNextWithItsHelpAndCr() {
        List<Grammar.Help> first = g.help(Mode.EXEC, Words.of(""), "");
        assertThat(first).extracting(Grammar.Help::text).containsExactly("show");
        assertThat(first.get(0).help()).isEqualTo("Show running system information");
        assertThat(g.help(Mode.EXEC, Words.of("show vrrp "), "")).extracting(Grammar.Help::text)
                .containsExactly("brief", "<cr>");
        assertThat(g.help(Mode.EXEC, Words.of("sh "), "vr")).extracting(Grammar.Help::text)
                .containsExactly("vrrp", "vrrs");
        assertThat(g.help(Mode.INTERFACE, Words.of("vrrp "), "")).extracting(Grammar.Help::text)
                .containsExactly("<1-255>", "delay");
        assertThat(g.help(Mode.EXEC, Words.of("bogus "), "")).isEmpty();
    }

    @Test
    void tabCompletesKeywordsAndNamedValues() {
        assertThat(g.complete(Mode.EXEC, Words.of("show vrrs "), "s", v -> List.of())).containsExactly("summary");
        assertThat(g.complete(Mode.EXEC, Words.of("show vrrs group "), "DT",
                v -> v.equals("GROUP") ? List.of("DT-CLUSTER-3", "name1") : List.of())).containsExactly("DT-CLUSTER-3");
        assertThat(g.complete(Mode.CONFIG, Words.of("interface "), "Gi",
                v -> v.equals("IFNAME") ? List.of("GigabitEthernet0/0/0", "eth0") : List.of()))
                .containsExactly("GigabitEthernet0/0/0");
    }
}
