package org.openvrrs.fhrp.vrrp.internal.packet;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.openvrrs.vrrs.api.AddressFamily;
import org.openvrrs.vrrs.api.IpAddresses;

/**
 * One VRRP advertisement, as sent or as received, independent of its byte layout: the state machine reasons about
 * these values and {@link VrrpCodec} turns them into frames and back. Every instance is valid, so a decoded advert
 * can be trusted without further range checks.
 *
 * @param version              VRRP version
 * @param vrid                 Virtual Router ID, 1-255
 * @param priority             sender's priority, 0-255 (0: the Master is giving up; 255: address owner)
 * @param family               family of {@code source} and of every address in {@code addresses}
 * @param source               the IP header's source address (the sender's primary address; link-local for IPv6)
 * @param addresses            the virtual addresses carried, 1-255, all of {@code family}
 * @param advertIntervalCentis advertisement interval in centiseconds: v3 Max Adver Int 1-4095; v2 Adver Int
 *                             seconds * 100, so 100-25500 in steps of 100
 * @param authType             v2 Auth Type (0 none, 1 simple text password, 2 IP AH); always 0 for v3
 * @param authData             v2 Authentication Data, the 8 bytes as a big-endian long; always 0 for v3
 * @param checksumKind         the checksum the advert was received with: {@link ChecksumKind#VRRP_ONLY} for v2,
 *                             {@link ChecksumKind#PSEUDO_HEADER} for v3 IPv6, either for v3 IPv4. The encoder
 *                             ignores it and follows its {@link Ipv4ChecksumMode} argument.
 */
public record VrrpAdvert(VrrpVersion version, int vrid, int priority, AddressFamily family, InetAddress source,
        List<InetAddress> addresses, int advertIntervalCentis, int authType, long authData,
        ChecksumKind checksumKind) {

    /** v2 Auth Type 0: no authentication. */
    public static final int AUTH_NONE = 0;
    /** v2 Auth Type 1: simple text password (RFC 2338; reserved by RFC 3768, still sent by older peers). */
    public static final int AUTH_SIMPLE_TEXT = 1;
    /** v2 Auth Type 2: IP Authentication Header (RFC 2338), known but not supported: a mismatch for any group. */
    public static final int AUTH_IP_AH = 2;
    /** Largest v3 Max Adver Int: 12 bits of centiseconds, 40.95 s. */
    public static final int MAX_V3_INTERVAL_CENTIS = 0x0fff;
    /** Largest v2 Adver Int: 255 seconds, in centiseconds. */
    public static final int MAX_V2_INTERVAL_CENTIS = 255 * 100;
    /** Count IPvX Addr is one byte. */
    public static final int MAX_ADDRESSES = 255;

    public VrrpAdvert {
        Objects.requireNonNull(version, "VRRP version is required");
        Objects.requireNonNull(family, "address family is required");
        Objects.requireNonNull(source, "source address is required");
        Objects.requireNonNull(addresses, "address list is required");
        Objects.requireNonNull(checksumKind, "checksum kind is required");
        if (vrid < 1 || vrid > 255) {
            throw new IllegalArgumentException("VRID " + vrid + " is outside 1-255");
        }
        if (priority < 0 || priority > 255) {
            throw new IllegalArgumentException("priority " + priority + " is outside 0-255");
        }
        if (!family.contains(source)) {
            throw new IllegalArgumentException("source address " + IpAddresses.format(source) + " is not "
                    + family.label());
        }
        if (addresses.isEmpty() || addresses.size() > MAX_ADDRESSES) {
            throw new IllegalArgumentException("an advert carries 1-" + MAX_ADDRESSES + " addresses, not "
                    + addresses.size());
        }
        for (InetAddress address : addresses) {
            if (address == null) {
                throw new IllegalArgumentException("the address list contains null");
            }
            if (!family.contains(address)) {
                throw new IllegalArgumentException("virtual address " + IpAddresses.format(address) + " is not "
                        + family.label());
            }
        }
        addresses = List.copyOf(addresses);
        if (version == VrrpVersion.V3) {
            if (advertIntervalCentis < 1 || advertIntervalCentis > MAX_V3_INTERVAL_CENTIS) {
                throw new IllegalArgumentException("VRRPv3 advertisement interval " + advertIntervalCentis
                        + " cs is outside 1-" + MAX_V3_INTERVAL_CENTIS + " cs");
            }
            if (authType != AUTH_NONE || authData != 0) {
                throw new IllegalArgumentException("VRRPv3 has no authentication (auth type " + authType + ")");
            }
            if (family == AddressFamily.IPV6 && checksumKind != ChecksumKind.PSEUDO_HEADER) {
                throw new IllegalArgumentException("VRRPv3 over IPv6 always uses the pseudo-header checksum");
            }
        } else {
            if (family != AddressFamily.IPV4) {
                throw new IllegalArgumentException("VRRPv2 is IPv4 only; use VRRPv3 for IPv6");
            }
            if (advertIntervalCentis < 100 || advertIntervalCentis > MAX_V2_INTERVAL_CENTIS
                    || advertIntervalCentis % 100 != 0) {
                throw new IllegalArgumentException("VRRPv2 advertisement interval " + advertIntervalCentis
                        + " cs is not a whole number of seconds in 1-255 s");
            }
            if (authType < 0 || authType > 255) {
                throw new IllegalArgumentException("VRRPv2 auth type " + authType + " is outside 0-255");
            }
            if (checksumKind != ChecksumKind.VRRP_ONLY) {
                throw new IllegalArgumentException("VRRPv2 never uses a pseudo-header checksum");
            }
        }
    }

    /**
     * A VRRPv3 advert with the RFC 5798 checksum kind.
     *
     * @param maxAdvertIntervalCentis Max Adver Int, 1-4095 centiseconds
     */
    public static VrrpAdvert v3(int vrid, int priority, InetAddress source, List<InetAddress> addresses,
            int maxAdvertIntervalCentis) {
        Objects.requireNonNull(source, "source address is required");
        return new VrrpAdvert(VrrpVersion.V3, vrid, priority, AddressFamily.of(source), source, addresses,
                maxAdvertIntervalCentis, AUTH_NONE, 0, ChecksumKind.PSEUDO_HEADER);
    }

    /**
     * A VRRPv2 advert without authentication.
     *
     * @param advertIntervalSeconds Adver Int, 1-255 seconds
     */
    public static VrrpAdvert v2(int vrid, int priority, Inet4Address source, List<InetAddress> addresses,
            int advertIntervalSeconds) {
        if (advertIntervalSeconds < 1 || advertIntervalSeconds > 255) {
            throw new IllegalArgumentException("VRRPv2 advertisement interval " + advertIntervalSeconds
                    + " s is outside 1-255 s");
        }
        return new VrrpAdvert(VrrpVersion.V2, vrid, priority, AddressFamily.IPV4, source, addresses,
                advertIntervalSeconds * 100, AUTH_NONE, 0, ChecksumKind.VRRP_ONLY);
    }

    /** This advert with another priority, e.g. 0 when the Master shuts down (RFC 5798 6.4.3). */
    public VrrpAdvert withPriority(int newPriority) {
        return new VrrpAdvert(version, vrid, newPriority, family, source, addresses, advertIntervalCentis, authType,
                authData, checksumKind);
    }

    /** This advert with another checksum kind (what the decoder reports for a given send mode). */
    public VrrpAdvert withChecksumKind(ChecksumKind kind) {
        return new VrrpAdvert(version, vrid, priority, family, source, addresses, advertIntervalCentis, authType,
                authData, kind);
    }

    /** This VRRPv2 advert with Auth Type 1 and {@code password} (1-8 ASCII characters) as Authentication Data. */
    public VrrpAdvert withSimpleTextPassword(String password) {
        return new VrrpAdvert(version, vrid, priority, family, source, addresses, advertIntervalCentis,
                AUTH_SIMPLE_TEXT, simpleTextAuthData(password), checksumKind);
    }

    /** The interval in whole seconds as a v2 Adver Int carries it. */
    public int advertIntervalSeconds() {
        return advertIntervalCentis / 100;
    }

    /**
     * Packs a simple text password (RFC 2338 5.3.10) into the 8 Authentication Data bytes: ASCII, left-aligned,
     * zero-padded.
     */
    public static long simpleTextAuthData(String password) {
        Objects.requireNonNull(password, "password is required");
        if (password.isEmpty() || password.length() > 8) {
            throw new IllegalArgumentException("a simple text password has 1-8 characters, not "
                    + password.length());
        }
        long data = 0;
        for (int i = 0; i < 8; i++) {
            int c = i < password.length() ? password.charAt(i) : 0;
            if (c > 0x7e || (i < password.length() && c < 0x20)) {
                throw new IllegalArgumentException("a simple text password is printable ASCII");
            }
            data = (data << 8) | c;
        }
        return data;
    }

    /** The Authentication Data as text up to the first zero byte, as a simple text password is compared. */
    public String authDataText() {
        byte[] bytes = new byte[8];
        int length = 0;
        for (int i = 0; i < 8; i++) {
            byte b = (byte) (authData >>> (56 - 8 * i));
            if (b == 0) {
                break;
            }
            bytes[length++] = b;
        }
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }

    /** Like the record's, but never shows the authentication data (it may be a password). */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("VrrpAdvert[").append(version).append(' ').append(family.label())
                .append(" vrid=").append(vrid).append(" priority=").append(priority).append(" source=")
                .append(IpAddresses.format(source)).append(" addresses=[");
        for (int i = 0; i < addresses.size(); i++) {
            s.append(i == 0 ? "" : ", ").append(IpAddresses.format(addresses.get(i)));
        }
        s.append("] interval=").append(advertIntervalCentis).append("cs");
        if (version == VrrpVersion.V2) {
            s.append(" authType=").append(authType);
        }
        return s.append(" checksum=").append(checksumKind).append(']').toString();
    }
}
