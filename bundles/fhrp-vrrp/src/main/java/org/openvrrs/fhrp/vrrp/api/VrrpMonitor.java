package org.openvrrs.fhrp.vrrp.api;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** Offered by the VRRP server as an OSGi service: what it runs, as monitoring reads it. */
@ProviderType
public interface VrrpMonitor {

    /** Every configured group, including those waiting for their network, in interface then VRID order. */
    List<VrrpGroupView> groups();

    /** The counters of packets no group took (RFC 6527 vrrpv3RouterStatistics and the drops by reason). */
    VrrpRouterCounters routerCounters();
}
