package org.openvrrs.fhrp.vrrp.internal.packet;

import java.util.Objects;
import org.openvrrs.vrrs.api.AddressFamily;

/**
 * What {@link VrrpCodec#decodeFrame(byte[], int)} made of a frame: an accepted {@link VrrpAdvert}, or the
 * {@link DropReason} it was refused for. A malformed packet is an everyday event on the receive path, so it is a
 * value to count, never an exception.
 *
 * <p>A dropped result also tells, when the packet showed them, the address family, VRRP version and VRID, so the
 * caller can charge the per-group counters of RFC 6527 (e.g. {@code ipTtlErrors}) to the right virtual router.
 */
public final class DecodeResult {
    private final VrrpAdvert advert;
    private final DropReason dropReason;
    private final AddressFamily family;
    private final VrrpVersion version;
    private final int vrid;

    private DecodeResult(VrrpAdvert advert, DropReason dropReason, AddressFamily family, VrrpVersion version,
            int vrid) {
        this.advert = advert;
        this.dropReason = dropReason;
        this.family = family;
        this.version = version;
        this.vrid = vrid;
    }

    static DecodeResult accepted(VrrpAdvert advert) {
        return new DecodeResult(advert, null, advert.family(), advert.version(), advert.vrid());
    }

    static DecodeResult dropped(DropReason reason, AddressFamily family, VrrpVersion version, int vrid) {
        return new DecodeResult(null, Objects.requireNonNull(reason), family, version, vrid);
    }

    /** Whether the frame is a valid advert; then {@link #advert()} is set, else {@link #dropReason()}. */
    public boolean isAccepted() {
        return advert != null;
    }

    /** The advert; {@code null} when dropped. */
    public VrrpAdvert advert() {
        return advert;
    }

    /** Why the frame was dropped; {@code null} when accepted. */
    public DropReason dropReason() {
        return dropReason;
    }

    /** The IP version of the packet; {@code null} when the frame carried no IPv4/IPv6 header. */
    public AddressFamily family() {
        return family;
    }

    /** The VRRP version; {@code null} when the packet had none or an unknown one. */
    public VrrpVersion version() {
        return version;
    }

    /** The VRID byte of the packet (0-255); -1 when the packet was too short to carry one. */
    public int vrid() {
        return vrid;
    }

    @Override
    public String toString() {
        return advert != null ? "accepted " + advert
                : "dropped " + dropReason + (family == null ? "" : " " + family.label())
                        + (version == null ? "" : " " + version) + (vrid < 0 ? "" : " vrid=" + vrid);
    }
}
