package org.openvrrs.snmp.internal;

import java.util.List;
import java.util.function.Supplier;

/**
 * The {@link MibView} requests are answered from, built again when older than a second (RFC 6527's
 * vrrpv3StatisticsRefreshRate says so): a walk of many GetBulk requests reads the VRRP server once, not once each,
 * and sees one consistent picture.
 */
final class CachedViews implements Supplier<MibView> {
    static final long MAX_AGE_NANOS = Vrrpv3Mib.REFRESH_MILLIS * 1_000_000L;

    private final Supplier<MonitoredState> state;
    private final List<MibModule> modules;
    private MibView view;
    private long builtNanos;

    CachedViews(Supplier<MonitoredState> state, List<MibModule> modules) {
        this.state = state;
        this.modules = List.copyOf(modules);
    }

    @Override
    public synchronized MibView get() {
        long now = System.nanoTime();
        if (view == null || now - builtNanos > MAX_AGE_NANOS) {
            MonitoredState s = state.get();
            MibView.Builder b = MibView.builder();
            modules.forEach(m -> m.addTo(b, s));
            view = b.build();
            builtNanos = now;
        }
        return view;
    }
}
