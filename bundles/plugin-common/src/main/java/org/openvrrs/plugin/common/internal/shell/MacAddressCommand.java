package org.openvrrs.plugin.common.internal.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openvrrs.plugin.common.internal.SubinterfaceSettings;

/** {@code [no] vrrs mac-address [arp [interval S] [duration S]]}, the guide's words after the interface name. */
@Service
@Command(scope = "vrrs", name = "mac-address", description = "Lets VRRS give a subinterface's address the group's "
        + "virtual MAC: INTERFACE [arp [interval S] [duration S]] (--no gives it back).")
public class MacAddressCommand extends SubinterfaceCommand {
    @Argument(index = 1, name = "arp", multiValued = true, description = "arp [interval S] [duration S]")
    List<String> words;

    @Override
    public Object execute() throws Exception {
        Arp arp = Arp.parse(words);
        SubinterfaceConfigs configs = configs();
        printWarnings(configs.change(network, iface, s -> new SubinterfaceSettings(s.network(), s.interfaceName(),
                s.follow(), s.interfaceState(), !no, !no && arp.on(), arp.interval(), arp.duration())));
        System.out.println(iface + ": " + (no ? "no vrrs mac-address" : "vrrs mac-address"
                + (arp.on() ? " arp interval " + arp.interval() + " duration " + arp.duration() : "")));
        return null;
    }

    /** The optional {@code arp [interval S] [duration S]} words. */
    record Arp(boolean on, int interval, int duration) {
        static Arp parse(List<String> words) {
            if (words == null || words.isEmpty()) {
                return new Arp(false, SubinterfaceSettings.DEFAULT_ARP_INTERVAL,
                        SubinterfaceSettings.DEFAULT_ARP_DURATION);
            }
            if (!words.get(0).equals("arp")) {
                throw new IllegalArgumentException("expected 'arp [interval S] [duration S]', not '"
                        + String.join(" ", words) + "'");
            }
            int interval = SubinterfaceSettings.DEFAULT_ARP_INTERVAL;
            int duration = SubinterfaceSettings.DEFAULT_ARP_DURATION;
            for (int i = 1; i < words.size(); i += 2) {
                String key = words.get(i);
                if (i + 1 >= words.size() || !words.get(i + 1).matches("\\d{1,9}")
                        || !(key.equals("interval") || key.equals("duration"))) {
                    throw new IllegalArgumentException("expected 'arp [interval S] [duration S]' with whole seconds, "
                            + "not '" + String.join(" ", words) + "'");
                }
                int value = Integer.parseInt(words.get(i + 1));
                if (key.equals("interval")) {
                    interval = value;
                } else {
                    duration = value;
                }
            }
            return new Arp(true, interval, duration);
        }
    }
}
