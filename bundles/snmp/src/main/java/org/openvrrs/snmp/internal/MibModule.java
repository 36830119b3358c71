package org.openvrrs.snmp.internal;

/** One MIB module this subagent serves: the subtree it registers with the master and how it fills it. */
interface MibModule {
    Oid root();

    void addTo(MibView.Builder view, MonitoredState state);
}
