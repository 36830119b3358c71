/**
 * What a VRRS plug-in bundle implements: a {@link org.openvrrs.plugin.common.api.SubinterfacePlugin} service acting
 * on the {@link org.openvrrs.plugin.common.api.Subinterface}s configured to follow a VRRS group. The plug-in
 * infrastructure (this bundle) is the one VRRS client behind them and tells each plug-in of each change once.
 */
@Export
@Version("2.1.0")
package org.openvrrs.plugin.common.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
