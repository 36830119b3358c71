package org.openvrrs.metrics.prometheus.internal;

import org.openvrrs.fhrp.vrrp.api.VrrpMonitor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The VRRP server's families; enabled by {@link MetricsComponent} while a {@link VrrpMonitor} exists, so the metrics
 * never hold the VRRP server in place: {@code feature:uninstall openvrrs-vrrp} removes it with metrics running.
 */
@Component(enabled = false)
public final class VrrpSource implements MetricsSource {
    private final VrrpMonitor monitor;

    @Activate
    public VrrpSource(@Reference VrrpMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public String name() {
        return "vrrp";
    }

    @Override
    public void write(Exposition out) {
        VrrpMetrics.write(monitor, out);
    }
}
