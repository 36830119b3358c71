package org.openvrrs.fhrp.vrrp.internal.packet;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * Router-wide VRRP counters modelled on the RFC 6527 (VRRPv3 MIB) global statistics, plus a count per
 * {@link DropReason}, so the receive path can count every refused packet with one call ({@code stats.drop(reason)})
 * and the shell can show them. Per-virtual-router counters live in {@link GroupStatistics}.
 *
 * <p>Thread-safe: counters are {@link LongAdder}s, incremented from the network thread and read from the shell.
 */
public final class VrrpStatistics {
    private static final DropReason[] REASONS = DropReason.values();

    private final LongAdder checksumErrors = new LongAdder();
    private final LongAdder versionErrors = new LongAdder();
    private final LongAdder vrIdErrors = new LongAdder();
    private final LongAdder[] drops = new LongAdder[REASONS.length];
    private final LongAdder unlistedSources = new LongAdder();

    public VrrpStatistics() {
        for (int i = 0; i < drops.length; i++) {
            drops[i] = new LongAdder();
        }
    }

    /**
     * Counts a dropped packet: its reason's count, and {@code checksumErrors}, {@code versionErrors} or
     * {@code vrIdErrors} for {@link DropReason#CHECKSUM}, {@link DropReason#VERSION} and {@link DropReason#VRID}.
     */
    public void drop(DropReason reason) {
        Objects.requireNonNull(reason, "drop reason is required");
        drops[reason.ordinal()].increment();
        switch (reason) {
            case CHECKSUM -> checksumErrors.increment();
            case VERSION -> versionErrors.increment();
            case VRID -> vrIdErrors.increment();
            default -> {
                // counted per reason only; per-group counters via drop(reason, group)
            }
        }
    }

    /**
     * {@link #drop(DropReason)}, and {@link GroupStatistics#drop(DropReason)} on {@code group} when the packet
     * belongs to a configured virtual router.
     *
     * @param group the virtual router whose VRID and family the packet carried; {@code null} when none
     */
    public void drop(DropReason reason, GroupStatistics group) {
        drop(reason);
        if (group != null) {
            group.drop(reason);
        }
    }

    /**
     * An advert from a source not among its group's unicast peers (keepalived {@code unicast_peer}), dropped by
     * the receive path after the codec accepted it; counted here and in the group's statistics.
     */
    public void unlistedSource(GroupStatistics group) {
        unlistedSources.increment();
        group.unlistedSource();
    }

    /** Adverts dropped because their source was not among their group's unicast peers. */
    public long unlistedSources() {
        return unlistedSources.sum();
    }

    /** vrrpv3RouterChecksumErrors: packets received with an invalid VRRP checksum. */
    public long checksumErrors() {
        return checksumErrors.sum();
    }

    /** vrrpv3RouterVersionErrors: packets received with an unknown or unsupported version. */
    public long versionErrors() {
        return versionErrors.sum();
    }

    /** vrrpv3RouterVrIdErrors: packets received with a VRID that is invalid for the receiving interface. */
    public long vrIdErrors() {
        return vrIdErrors.sum();
    }

    /** Packets dropped for {@code reason}. */
    public long drops(DropReason reason) {
        return drops[reason.ordinal()].sum();
    }

    /** Packets dropped for any reason. */
    public long totalDrops() {
        long total = 0;
        for (LongAdder adder : drops) {
            total += adder.sum();
        }
        return total;
    }

    /** A snapshot of the drop count of every reason, in declaration order, zeros included. */
    public Map<DropReason, Long> dropCounts() {
        Map<DropReason, Long> counts = new EnumMap<>(DropReason.class);
        for (DropReason reason : REASONS) {
            counts.put(reason, drops(reason));
        }
        return counts;
    }

    @Override
    public String toString() {
        return "VrrpStatistics[checksumErrors=" + checksumErrors() + " versionErrors=" + versionErrors()
                + " vrIdErrors=" + vrIdErrors() + " drops=" + dropCounts() + "]";
    }
}
