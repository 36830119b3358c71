package org.openvrrs.plugin.common.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MacAddressArpWordsTest {
    @Test
    void readsTheGuidesWords() {
        assertThat(MacAddressCommand.Arp.parse(null)).isEqualTo(new MacAddressCommand.Arp(false, 5, 360));
        assertThat(MacAddressCommand.Arp.parse(List.of("arp"))).isEqualTo(new MacAddressCommand.Arp(true, 5, 360));
        assertThat(MacAddressCommand.Arp.parse(List.of("arp", "interval", "5", "duration", "360")))
                .isEqualTo(new MacAddressCommand.Arp(true, 5, 360));
        assertThat(MacAddressCommand.Arp.parse(List.of("arp", "duration", "60")))
                .isEqualTo(new MacAddressCommand.Arp(true, 5, 60));
    }

    @Test
    void refusesOtherWordsWithTheExpectedForm() {
        assertThatThrownBy(() -> MacAddressCommand.Arp.parse(List.of("arp", "interval")))
                .hasMessage("expected 'arp [interval S] [duration S]' with whole seconds, not 'arp interval'");
        assertThatThrownBy(() -> MacAddressCommand.Arp.parse(List.of("arp", "every", "5")))
                .hasMessageStartingWith("expected 'arp [interval S] [duration S]'");
        assertThatThrownBy(() -> MacAddressCommand.Arp.parse(List.of("garp")))
                .hasMessage("expected 'arp [interval S] [duration S]', not 'garp'");
    }
}
