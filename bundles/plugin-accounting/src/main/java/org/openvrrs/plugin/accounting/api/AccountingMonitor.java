package org.openvrrs.plugin.accounting.api;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** Offered by the accounting plug-in as an OSGi service: its queue and delivery counters, as monitoring reads them. */
@ProviderType
public interface AccountingMonitor {

    /** The counters now; empty while the plug-in runs nothing (no valid configuration yet, or no usable queue). */
    Optional<AccountingCounters> counters();
}
