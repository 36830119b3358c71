package org.openvrrs.metrics.prometheus.internal;

import static org.openvrrs.metrics.prometheus.internal.Exposition.Type.GAUGE;

import org.openvrrs.plugin.common.api.PluginMonitor;
import org.openvrrs.plugin.common.api.SubinterfaceCounts;

/** The plug-in infrastructure's families: its subinterfaces, counted. */
final class PluginMetrics {
    private PluginMetrics() {
    }

    static void write(PluginMonitor monitor, Exposition out) {
        SubinterfaceCounts c = monitor.subinterfaceCounts();
        out.single("openvrrs_plugin_subinterfaces_following", GAUGE, "Subinterfaces configured with vrrs follow.",
                c.following());
        out.single("openvrrs_plugin_subinterfaces_live", GAUGE, "Of those, the ones acted on now (the interface "
                + "exists and runs no FHRP).", c.live());
        out.single("openvrrs_plugin_subinterfaces_active", GAUGE, "Of the live ones, those whose group is served "
                + "and ACTIVE.", c.active());
        out.family("openvrrs_plugin_subinterfaces", GAUGE, "Subinterfaces configured with each plug-in.")
                .sample("", c.interfaceState(), "plugin", "interface-state")
                .sample("", c.macAddress(), "plugin", "mac-address");
    }
}
