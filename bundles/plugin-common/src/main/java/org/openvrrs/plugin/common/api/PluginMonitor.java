package org.openvrrs.plugin.common.api;

import org.osgi.annotation.versioning.ProviderType;

/** Offered by the plug-in infrastructure as an OSGi service: its subinterfaces counted, as monitoring reads them. */
@ProviderType
public interface PluginMonitor {

    SubinterfaceCounts subinterfaceCounts();
}
