/**
 * The Virtual Router Redundancy Service contract.
 *
 * <p>An FHRP server (VRRP, later others) registers a named group with {@link org.openvrrs.vrrs.api.VrrsRegistry}
 * and pushes {@link org.openvrrs.vrrs.api.ServerUpdate}s; clients register a {@link org.openvrrs.vrrs.api.VrrsClient},
 * follow groups by name (or all groups) and receive {@link org.openvrrs.vrrs.api.GroupState} pushes, High priority
 * clients before Normal before Low. The registry keeps the current state only.
 */
@Export
@Version("1.0.0")
package org.openvrrs.vrrs.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
