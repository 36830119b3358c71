package org.openvrrs.cli.ios.internal.shell;

import java.io.IOException;
import java.util.List;
import java.util.TreeSet;

import org.openvrrs.cli.ios.internal.Appliance;

/** What Tab offers for a variable: interface names, VRRS group names, method lists. */
final class CompletionValues {
    private CompletionValues() {
    }

    static List<String> of(Appliance appliance, String variable) {
        try {
            TreeSet<String> out = new TreeSet<>();
            switch (variable) {
                case "IFNAME" -> out.addAll(appliance.interfaceNames());
                case "GROUP", "WORD" -> {
                    names(appliance, "org.openvrrs.vrrp.group", "name", out);
                    names(appliance, "org.openvrrs.plugin.subinterface", "follow", out);
                }
                case "LIST" -> names(appliance, "org.openvrrs.accounting.methodlist", "name", out);
                default -> { }
            }
            return List.copyOf(out);
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void names(Appliance appliance, String pid, String key, TreeSet<String> out) throws IOException {
        appliance.entries(pid).forEach(p -> {
            Object v = p.get(key);
            if (v != null && !v.toString().isBlank()) {
                out.add(v.toString().trim());
            }
        });
    }
}
