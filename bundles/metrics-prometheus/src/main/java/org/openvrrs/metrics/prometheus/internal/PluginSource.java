package org.openvrrs.metrics.prometheus.internal;

import org.openvrrs.plugin.common.api.PluginMonitor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The plug-in infrastructure's families; enabled by {@link MetricsComponent} when its API is wired. */
@Component(enabled = false)
public final class PluginSource implements MetricsSource {
    private final PluginMonitor monitor;

    @Activate
    public PluginSource(@Reference PluginMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public String name() {
        return "plug-ins";
    }

    @Override
    public void write(Exposition out) {
        PluginMetrics.write(monitor, out);
    }
}
