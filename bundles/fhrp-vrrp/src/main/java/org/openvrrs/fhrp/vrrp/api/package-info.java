/**
 * The VRRP server's operational view for monitoring bundles (SNMP, Prometheus): read-only snapshots of every
 * group with its RFC 6527 counters, taken on the protocol thread so each is consistent. Nothing here changes a
 * group; configuration goes through the configuration model. {@link VrrpEventListener} services hear of new
 * Masters and protocol errors as they happen (1.1).
 */
@Export
@Version("1.1.0")
package org.openvrrs.fhrp.vrrp.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
