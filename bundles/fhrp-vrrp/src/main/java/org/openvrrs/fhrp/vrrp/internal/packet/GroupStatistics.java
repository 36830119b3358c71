package org.openvrrs.fhrp.vrrp.internal.packet;

import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import org.openvrrs.vrrs.api.AddressFamily;

/**
 * The counters of one virtual router, modelled on RFC 6527 {@code vrrpv3StatisticsTable}, plus how many received
 * VRRPv3 IPv4 adverts used each checksum convention, so an operator can tell which {@link Ipv4ChecksumMode} the
 * peers expect. The state machine owns one per virtual router and feeds it; the shell reads it.
 *
 * <p>Thread-safe: counters are {@link LongAdder}s, the two reasons are volatile.
 */
public final class GroupStatistics {
    private final LongAdder masterTransitions = new LongAdder();
    private final LongAdder rcvdAdvertisements = new LongAdder();
    private final LongAdder advIntervalErrors = new LongAdder();
    private final LongAdder ipTtlErrors = new LongAdder();
    private final LongAdder rcvdPriZeroPackets = new LongAdder();
    private final LongAdder sentPriZeroPackets = new LongAdder();
    private final LongAdder rcvdInvalidTypePackets = new LongAdder();
    private final LongAdder addressListErrors = new LongAdder();
    private final LongAdder packetLengthErrors = new LongAdder();
    private final LongAdder sentAdvertisements = new LongAdder();
    private final LongAdder unlistedSources = new LongAdder();
    private final LongAdder rcvdPseudoHeaderChecksums = new LongAdder();
    private final LongAdder rcvdVrrpOnlyChecksums = new LongAdder();
    private final LongAdder authFailures = new LongAdder();
    private final LongAdder invalidAuthType = new LongAdder();
    private final LongAdder authTypeMismatch = new LongAdder();
    private volatile NewMasterReason newMasterReason = NewMasterReason.NOT_MASTER;
    private volatile ProtoErrReason protoErrReason = ProtoErrReason.NO_ERROR;

    /** Counts a transition to Master and records why. */
    public void becameMaster(NewMasterReason reason) {
        Objects.requireNonNull(reason, "reason is required");
        if (reason == NewMasterReason.NOT_MASTER) {
            throw new IllegalArgumentException("becoming Master needs a reason other than NOT_MASTER");
        }
        masterTransitions.increment();
        newMasterReason = reason;
    }

    /** Records that the virtual router left Master state: the new-master reason reads NOT_MASTER again. */
    public void leftMaster() {
        newMasterReason = NewMasterReason.NOT_MASTER;
    }

    /**
     * Counts an accepted advert of this virtual router: rcvdAdvertisements, rcvdPriZeroPackets when its priority is
     * 0, and for VRRPv3 over IPv4 the checksum convention it used.
     */
    public void received(VrrpAdvert advert) {
        rcvdAdvertisements.increment();
        if (advert.priority() == 0) {
            rcvdPriZeroPackets.increment();
        }
        if (advert.version() == VrrpVersion.V3 && advert.family() == AddressFamily.IPV4) {
            (advert.checksumKind() == ChecksumKind.PSEUDO_HEADER ? rcvdPseudoHeaderChecksums : rcvdVrrpOnlyChecksums)
                    .increment();
        }
    }

    /** Counts a sent advert: sentAdvertisements, and sentPriZeroPackets when {@code priority} is 0. */
    public void sent(int priority) {
        sentAdvertisements.increment();
        if (priority == 0) {
            sentPriZeroPackets.increment();
        }
    }

    /**
     * Counts a packet of this virtual router that {@link VrrpCodec} dropped: TTL to ipTtlErrors, INVALID_TYPE to
     * rcvdInvalidTypePackets, LENGTH to packetLengthErrors, ADDRESS_COUNT and ADDRESS_FAMILY to addressListErrors,
     * ADVERT_INTERVAL to advIntervalErrors, AUTHENTICATION (from the codec: an unknown Auth Type) to invalidAuthType;
     * TTL, VERSION, CHECKSUM and VRID also set protoErrReason. MALFORMED has
     * no per-group counter. Prefer {@link VrrpStatistics#drop(DropReason, GroupStatistics)}, which counts the
     * router-wide side too.
     */
    public void drop(DropReason reason) {
        Objects.requireNonNull(reason, "drop reason is required");
        switch (reason) {
            case TTL -> {
                ipTtlErrors.increment();
                protoErrReason = ProtoErrReason.IP_TTL_ERROR;
            }
            case VERSION -> protoErrReason = ProtoErrReason.VERSION_ERROR;
            case CHECKSUM -> protoErrReason = ProtoErrReason.CHECKSUM_ERROR;
            case VRID -> protoErrReason = ProtoErrReason.VR_ID_ERROR;
            case INVALID_TYPE -> rcvdInvalidTypePackets.increment();
            case LENGTH -> packetLengthErrors.increment();
            case ADDRESS_COUNT, ADDRESS_FAMILY -> addressListErrors.increment();
            case ADVERT_INTERVAL -> advIntervalErrors.increment();
            case AUTHENTICATION -> invalidAuthType.increment();
            case MALFORMED -> {
                // not attributable to a virtual router
            }
        }
    }

    /** An advert dropped because its source is not one of the group's unicast peers. */
    public void unlistedSource() {
        unlistedSources.increment();
    }

    /** Adverts dropped because their source is not one of the group's unicast peers. */
    public long unlistedSources() {
        return unlistedSources.sum();
    }

    /** A VRRPv2 advert whose interval differs from the configured one (RFC 3768 7.1), dropped by the caller. */
    public void advIntervalError() {
        advIntervalErrors.increment();
    }

    /** An advert whose address list differs from the configured one (RFC 5798 7.1 MAY check). */
    public void addressListError() {
        addressListErrors.increment();
    }

    /** RFC 2787 vrrpStatsAuthTypeMismatch: a VRRPv2 advert whose Auth Type is not this group's, dropped. */
    public void authTypeMismatched() {
        authTypeMismatch.increment();
    }

    /** RFC 2787 vrrpStatsAuthFailures: a VRRPv2 advert whose simple text password is not this group's, dropped. */
    public void authFailed() {
        authFailures.increment();
    }

    public long authFailures() {
        return authFailures.sum();
    }

    /** RFC 2787 vrrpStatsInvalidAuthType: VRRPv2 adverts with an unknown Auth Type (3-255). */
    public long invalidAuthType() {
        return invalidAuthType.sum();
    }

    public long authTypeMismatch() {
        return authTypeMismatch.sum();
    }

    public long masterTransitions() {
        return masterTransitions.sum();
    }

    public NewMasterReason newMasterReason() {
        return newMasterReason;
    }

    public long rcvdAdvertisements() {
        return rcvdAdvertisements.sum();
    }

    public long advIntervalErrors() {
        return advIntervalErrors.sum();
    }

    public long ipTtlErrors() {
        return ipTtlErrors.sum();
    }

    public ProtoErrReason protoErrReason() {
        return protoErrReason;
    }

    public long rcvdPriZeroPackets() {
        return rcvdPriZeroPackets.sum();
    }

    public long sentPriZeroPackets() {
        return sentPriZeroPackets.sum();
    }

    public long rcvdInvalidTypePackets() {
        return rcvdInvalidTypePackets.sum();
    }

    public long addressListErrors() {
        return addressListErrors.sum();
    }

    public long packetLengthErrors() {
        return packetLengthErrors.sum();
    }

    public long sentAdvertisements() {
        return sentAdvertisements.sum();
    }

    /** Accepted VRRPv3 IPv4 adverts whose checksum included the pseudo-header (RFC 5798 as written). */
    public long rcvdPseudoHeaderChecksums() {
        return rcvdPseudoHeaderChecksums.sum();
    }

    /** Accepted VRRPv3 IPv4 adverts whose checksum covered the VRRP message only (RFC 9568 note, Cisco). */
    public long rcvdVrrpOnlyChecksums() {
        return rcvdVrrpOnlyChecksums.sum();
    }

    @Override
    public String toString() {
        return "GroupStatistics[masterTransitions=" + masterTransitions() + " newMasterReason=" + newMasterReason
                + " rcvdAdvertisements=" + rcvdAdvertisements() + " advIntervalErrors=" + advIntervalErrors()
                + " ipTtlErrors=" + ipTtlErrors() + " protoErrReason=" + protoErrReason
                + " rcvdPriZeroPackets=" + rcvdPriZeroPackets() + " sentPriZeroPackets=" + sentPriZeroPackets()
                + " rcvdInvalidTypePackets=" + rcvdInvalidTypePackets() + " addressListErrors="
                + addressListErrors() + " packetLengthErrors=" + packetLengthErrors() + " sentAdvertisements="
                + sentAdvertisements() + " rcvdPseudoHeaderChecksums=" + rcvdPseudoHeaderChecksums()
                + " rcvdVrrpOnlyChecksums=" + rcvdVrrpOnlyChecksums() + " authFailures=" + authFailures()
                + " invalidAuthType=" + invalidAuthType() + " authTypeMismatch=" + authTypeMismatch() + "]";
    }
}
