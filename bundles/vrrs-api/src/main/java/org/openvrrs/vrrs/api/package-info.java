/**
 * The Virtual Router Redundancy Service contract.
 *
 * <p>The registry follows the whiteboard pattern: an FHRP server (VRRP, later others) offers a
 * {@link org.openvrrs.vrrs.api.VrrsServer} service naming its group and pushes
 * {@link org.openvrrs.vrrs.api.ServerUpdate}s through the registration the registry hands it; a client offers a
 * {@link org.openvrrs.vrrs.api.VrrsClient} service whose properties name the groups it follows (or all groups) and
 * receives {@link org.openvrrs.vrrs.api.GroupState} pushes, High priority clients before Normal before Low.
 * {@link org.openvrrs.vrrs.api.VrrsWhiteboard} declares either, as services or, without OSGi, straight to a
 * registry. The registry keeps the current state only.
 */
@Export
@Version("2.1.0")
package org.openvrrs.vrrs.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
