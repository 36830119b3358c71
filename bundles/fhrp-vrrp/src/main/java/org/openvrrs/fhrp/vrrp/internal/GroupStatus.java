package org.openvrrs.fhrp.vrrp.internal;

import java.net.InetAddress;
import org.openvrrs.fhrp.vrrp.internal.packet.GroupStatistics;
import org.openvrrs.fhrp.vrrp.internal.track.TrackEffect;
import org.openvrrs.vrrs.api.MacAddress;

/**
 * What {@code vrrp:show} prints of one group, captured on the scheduler thread so other threads read a consistent
 * picture.
 *
 * @param initReason     why the group is in Initialize; null in Backup and Master
 * @param delayLeftNanos with {@link InitReason#DELAY}: how long {@code vrrp delay} still holds the group; else 0
 * @param initDetail     with {@link InitReason#TRACK} or {@link InitReason#SYNC_GROUP}: which object or member; else
 *                       null
 * @param tracking       what the group's track objects do to it now (its lines for {@code vrrp:show})
 * @param options        unicast peers and the name followed
 */
record GroupStatus(VrrpGroupConfig config, VirtualRouter.State state, int priority, MacAddress virtualMac,
        InetAddress sourceAddress, InetAddress masterAddress, int masterPriority, int masterAdverIntervalCentis,
        long masterDownIntervalNanos, long nanosToNextEvent, GroupStatistics statistics,
        InitReason initReason, long delayLeftNanos, String initDetail, TrackEffect tracking, GroupOptions options) {

    /** A group whose network is missing (not yet there, or gone). */
    static GroupStatus waiting(VrrpGroupConfig c) {
        return new GroupStatus(c, VirtualRouter.State.INITIALIZE, c.priority(),
                MacAddress.vrrp(c.family(), c.vrid()), c.family().unspecified(), null, 0, c.advertIntervalCentis(), 0,
                0, new GroupStatistics(), c.shutdown() ? InitReason.SHUTDOWN : InitReason.NETWORK_MISSING, 0, null,
                TrackEffect.NONE, GroupOptions.NONE);
    }

    static GroupStatus of(VrrpGroup g) {
        VirtualRouter r = g.router();
        return new GroupStatus(g.config(), r.state(), r.settings().priority(), g.virtualMac(), g.sourceAddress(),
                r.masterAddress(), r.masterPriority(), r.masterAdverIntervalCentis(), r.masterDownIntervalNanos(),
                r.nanosToNextEvent(), g.statistics(), r.state() == VirtualRouter.State.INITIALIZE ? g.initReason() : null,
                g.delayLeftNanos(), g.initDetail(), g.trackInputs().effect(), g.options());
    }
}
