package org.openvrrs.fhrp.vrrp.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openvrrs.config.api.ConfigTarget;
import org.openvrrs.config.api.ConfigWriter;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * IOS {@code vrrp delay {minimum S [reload S] | reload S}} of one interface, and {@code no vrrp delay}: changes that
 * interface's line of {@code interfaceDelays} in {@value VrrpService#PID}, read by the service's own reader first.
 */
@Service
@Command(scope = "vrrp", name = "delay", description = "Sets an interface's vrrp delay: INTERFACE [minimum S] "
        + "[reload S] (--no removes it).")
public class VrrpDelayCommand implements Action {
    @Reference
    ConfigurationAdmin configAdmin;

    @Argument(index = 0, name = "interface", required = true, description = "Interface ([NETWORK/]IFNAME)")
    String iface;

    @Argument(index = 1, name = "delay", multiValued = true, description = "minimum S, reload S")
    List<String> words;

    @Option(name = "--no", description = "the IOS 'no' form: remove the interface's delay")
    boolean no;

    @Override
    public Object execute() throws Exception {
        ConfigWriter writer = new ConfigWriter(configAdmin);
        ConfigTarget target = ConfigTarget.singleton(VrrpService.PID);
        Map<String, Object> properties = writer.properties(VrrpService.PID);
        List<String> lines = new ArrayList<>(lines(properties));
        String name = iface.trim();
        boolean had = lines.removeIf(l -> l.trim().split("\\s+")[0].equals(name));
        if (no) {
            if (!had) {
                throw new IllegalArgumentException("no vrrp delay on " + name);
            }
        } else {
            if (words == null || words.isEmpty()) {
                throw new IllegalArgumentException("vrrp delay needs minimum S and/or reload S");
            }
            lines.add(name + " " + String.join(" ", words));
        }
        properties.put("interfaceDelays", lines.toArray(new String[0]));
        writer.write(target, properties, VrrpService.READER);
        System.out.println(name + ": " + (no ? "no vrrp delay" : "vrrp delay " + String.join(" ", words)));
        return null;
    }

    /** The stored lines, one per interface (a file may hold several in one value, comma-separated). */
    static List<String> lines(Map<String, Object> properties) {
        Object v = properties.get("interfaceDelays");
        List<String> raw = v instanceof String[] a ? Arrays.asList(a) : v instanceof String s ? List.of(s)
                : v instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
        return Arrays.stream(String.join(",", raw).split(",")).map(String::trim).filter(l -> !l.isEmpty())
                .toList();
    }
}
