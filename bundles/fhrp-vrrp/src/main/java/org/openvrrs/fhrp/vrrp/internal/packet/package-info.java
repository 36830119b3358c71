/**
 * The VRRP wire format: {@link org.openvrrs.fhrp.vrrp.internal.packet.VrrpAdvert} values,
 * {@link org.openvrrs.fhrp.vrrp.internal.packet.VrrpCodec} to build and check whole Ethernet frames (VRRPv3 RFC
 * 5798/9568 for IPv4 and IPv6, VRRPv2 RFC 3768), and the RFC 6527 style counters
 * {@link org.openvrrs.fhrp.vrrp.internal.packet.VrrpStatistics} and
 * {@link org.openvrrs.fhrp.vrrp.internal.packet.GroupStatistics}. Plain Java, no OSGi, no I/O.
 */
package org.openvrrs.fhrp.vrrp.internal.packet;
