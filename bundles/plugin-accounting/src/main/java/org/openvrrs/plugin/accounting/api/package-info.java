/**
 * The accounting plug-in's operational counters for monitoring bundles (Prometheus): read-only, nothing here
 * changes the plug-in; configuration goes through the configuration model.
 */
@Export
@Version("1.0.0")
package org.openvrrs.plugin.accounting.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
