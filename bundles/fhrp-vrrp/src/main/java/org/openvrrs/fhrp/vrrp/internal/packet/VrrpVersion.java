package org.openvrrs.fhrp.vrrp.internal.packet;

import org.openvrrs.config.api.ConfigValue;

/**
 * The VRRP protocol version of a packet or group, so v2 (RFC 3768, IPv4 only, seconds) and v3 (RFC 5798/9568,
 * IPv4 and IPv6, centiseconds) are never confused by a bare integer.
 */
public enum VrrpVersion {
    /** RFC 3768: IPv4 only, Adver Int in seconds, checksum over the VRRP message only, 8 bytes of auth data. */
    @ConfigValue("2") V2(2),
    /** RFC 5798 / RFC 9568: IPv4 and IPv6, 12-bit Max Adver Int in centiseconds, pseudo-header checksum. */
    @ConfigValue("3") V3(3);

    private final int number;

    VrrpVersion(int number) {
        this.number = number;
    }

    /** The value of the 4-bit Version field: 2 or 3. */
    public int number() {
        return number;
    }
}
