package org.openvrrs.metrics.prometheus.internal;

import org.openvrrs.plugin.accounting.api.AccountingMonitor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The accounting plug-in's families; enabled by {@link MetricsComponent} when its API is wired. */
@Component(enabled = false)
public final class AccountingSource implements MetricsSource {
    private final AccountingMonitor monitor;

    @Activate
    public AccountingSource(@Reference AccountingMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public String name() {
        return "accounting";
    }

    @Override
    public void write(Exposition out) {
        AccountingMetrics.write(monitor, out);
    }
}
