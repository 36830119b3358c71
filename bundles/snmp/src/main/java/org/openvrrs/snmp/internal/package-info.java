/** The SNMP subagent: AgentX to net-snmp's snmpd, VRRPV3-MIB, VRRP-MIB and OPENVRRS-VRRS-MIB (docs/operations.md). */
package org.openvrrs.snmp.internal;
