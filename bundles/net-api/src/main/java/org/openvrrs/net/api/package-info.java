/**
 * The appliance's view of the network, free of pcap4j and Linux types.
 *
 * <p>A {@link org.openvrrs.net.api.Network} lists interfaces ({@link org.openvrrs.net.api.NetInterface} snapshots,
 * changes pushed to {@link org.openvrrs.net.api.InterfaceListener}s), carries frames of one
 * {@link org.openvrrs.net.api.FrameKind} to {@link org.openvrrs.net.api.FrameListener}s, sends frames and controls
 * links. All callbacks run on the network's {@link org.openvrrs.net.api.Scheduler}, one logical thread, so protocol
 * code needs no locks. Implementations: an in-memory LAN ({@code net-sim}) and real Linux interfaces
 * ({@code net-linux}).
 */
@Export
@Version("1.2.0")
package org.openvrrs.net.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
