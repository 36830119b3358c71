package org.openvrrs.fhrp.vrrp.internal;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.openvrrs.fhrp.vrrp.internal.packet.Ipv4ChecksumMode;
import org.openvrrs.fhrp.vrrp.internal.packet.VrrpAdvert;
import org.openvrrs.fhrp.vrrp.internal.packet.VrrpVersion;
import org.openvrrs.vrrs.api.AddressFamily;
import org.openvrrs.vrrs.api.IpAddresses;
import org.openvrrs.vrrs.api.VrrsRegistry;

/**
 * One VRRP group's configuration, validated: what {@code vrrp N ...} commands set on an interface in IOS.
 *
 * @param network              the Network service (router) the group runs on; "" = the appliance's own
 * @param interfaceName        interface the group runs on
 * @param vrid                 1-255
 * @param family               IPv4 or IPv6
 * @param version              V2 (RFC 3768, IPv4 only) or V3 (RFC 5798)
 * @param addresses            virtual addresses, primary first then {@code secondary} ones; for IPv6 a link-local
 *                             one is moved first (RFC 5798 5.2.9); without one (as keepalived and FRRouting users
 *                             configure) the group runs with exactly the addresses given, see
 *                             {@link #lacksLinkLocal()}
 * @param priority             1-254 configured; the address owner runs at 255 whatever is configured
 * @param advertIntervalMillis v3: 10-40950 in steps of 10; v2: 1000-255000 in whole seconds
 * @param preempt              preempt a lower-priority Master (default on)
 * @param preemptDelaySeconds  {@code preempt delay minimum}: wait this long before preempting
 * @param acceptMode           accept packets to the virtual addresses when not the owner
 * @param shutdown             administratively down
 * @param description          free text
 * @param vrrsName             {@code vrrp N name NAME}: register with VRRS under this name ("" = not at all)
 * @param checksum             v3 IPv4 checksum to send: {@code rfc5798} (with pseudo-header, as keepalived and
 *                             FRRouting) or {@code rfc9568} (without, as Cisco); either is accepted; null: rfc5798
 * @param announcements        how often a Master repeats its gratuitous ARPs / unsolicited NAs; null: keepalived's
 *                             defaults
 * @param useVirtualMac        true (default): a Master uses the VRRP virtual MAC; false (physical-MAC mode, as
 *                             keepalived without {@code use_vmac}): the virtual addresses go on the interface itself
 *                             and adverts and announcements carry the interface's own MAC
 * @param authenticationText   VRRPv2 only: RFC 2338 simple text password (1-8 printable ASCII characters), sent in
 *                             every advert and required of every advert received; "" or null = none. A secret:
 *                             never shown ({@link #toString()} hides it)
 */
record VrrpGroupConfig(String network, String interfaceName, int vrid, AddressFamily family, VrrpVersion version,
        List<InetAddress> addresses, int priority, int advertIntervalMillis, boolean preempt, int preemptDelaySeconds,
        boolean acceptMode, boolean shutdown, String description, String vrrsName, Ipv4ChecksumMode checksum,
        Announcer.Settings announcements, boolean useVirtualMac, String authenticationText) {

    /** A group with the virtual MAC, announcing as keepalived does by default, without authentication. */
    VrrpGroupConfig(String network, String interfaceName, int vrid, AddressFamily family, VrrpVersion version,
            List<InetAddress> addresses, int priority, int advertIntervalMillis, boolean preempt,
            int preemptDelaySeconds, boolean acceptMode, boolean shutdown, String description, String vrrsName,
            Ipv4ChecksumMode checksum) {
        this(network, interfaceName, vrid, family, version, addresses, priority, advertIntervalMillis, preempt,
                preemptDelaySeconds, acceptMode, shutdown, description, vrrsName, checksum,
                Announcer.Settings.DEFAULTS, true, "");
    }

    VrrpGroupConfig {
        network = network == null ? "" : network.trim();
        if (interfaceName == null || interfaceName.isBlank()) {
            throw new IllegalArgumentException("interface is required");
        }
        interfaceName = interfaceName.trim();
        if (vrid < 1 || vrid > 255) {
            throw new IllegalArgumentException("VRID " + vrid + " is outside 1-255");
        }
        Objects.requireNonNull(family, "address family is required");
        Objects.requireNonNull(version, "VRRP version is required");
        if (version == VrrpVersion.V2 && family == AddressFamily.IPV6) {
            throw new IllegalArgumentException("VRRP version 2 is IPv4 only; use version 3 for IPv6");
        }
        if (addresses == null || addresses.isEmpty()) {
            throw new IllegalArgumentException("a virtual address is required");
        }
        for (InetAddress a : addresses) {
            if (!family.contains(a)) {
                throw new IllegalArgumentException("virtual address " + IpAddresses.format(a) + " is not "
                        + family.label());
            }
            if (a.isMulticastAddress() || a.isAnyLocalAddress() || a.isLoopbackAddress()) {
                throw new IllegalArgumentException("virtual address " + IpAddresses.format(a)
                        + " must be a unicast address");
            }
        }
        if (addresses.stream().distinct().count() != addresses.size()) {
            throw new IllegalArgumentException("virtual addresses are listed twice");
        }
        addresses = linkLocalFirst(family, addresses);
        if (priority < 1 || priority > 254) {
            throw new IllegalArgumentException("priority " + priority + " is outside 1-254 (255 is taken by the "
                    + "address owner automatically)");
        }
        if (version == VrrpVersion.V3 && (advertIntervalMillis < 10 || advertIntervalMillis > 40950
                || advertIntervalMillis % 10 != 0)) {
            throw new IllegalArgumentException("advertisement interval " + advertIntervalMillis
                    + " ms is not 10-40950 ms in steps of 10 (VRRPv3)");
        }
        if (version == VrrpVersion.V2 && (advertIntervalMillis < 1000 || advertIntervalMillis > 255_000
                || advertIntervalMillis % 1000 != 0)) {
            throw new IllegalArgumentException("advertisement interval " + advertIntervalMillis
                    + " ms is not 1-255 whole seconds (VRRPv2)");
        }
        if (preemptDelaySeconds < 0 || preemptDelaySeconds > 3600) {
            throw new IllegalArgumentException("preempt delay " + preemptDelaySeconds + " s is outside 0-3600");
        }
        description = description == null ? "" : description;
        vrrsName = vrrsName == null ? "" : vrrsName.trim();
        if (vrrsName.length() > VrrsRegistry.MAX_NAME_LENGTH || vrrsName.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new IllegalArgumentException("VRRS name '" + vrrsName + "' must be 1-64 visible characters");
        }
        checksum = checksum == null ? Ipv4ChecksumMode.PSEUDO_HEADER : checksum;
        announcements = announcements == null ? Announcer.Settings.DEFAULTS : announcements;
        authenticationText = authenticationText == null ? "" : authenticationText;
        checkAuthenticationText(version, authenticationText);
    }

    /** The refusals never quote the password: a refusal is logged and shown. */
    private static void checkAuthenticationText(VrrpVersion version, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (version != VrrpVersion.V2) {
            throw new IllegalArgumentException("authentication text is VRRPv2 only (RFC 2338); VRRPv3 has none");
        }
        if (text.length() > 8 || text.chars().anyMatch(c -> c < ' ' || c > '~')) {
            throw new IllegalArgumentException("authentication text must be 1-8 printable ASCII characters "
                    + "(RFC 2338)");
        }
    }

    /** The v2 Auth Type this group sends and requires: simple text with a password, else none. */
    int authType() {
        return authenticationText.isEmpty() ? VrrpAdvert.AUTH_NONE : VrrpAdvert.AUTH_SIMPLE_TEXT;
    }

    /** The 8 Authentication Data bytes this group sends and requires (0 without a password). */
    long authData() {
        return authenticationText.isEmpty() ? 0 : VrrpAdvert.simpleTextAuthData(authenticationText);
    }

    /** The record's, with the password hidden: configurations are logged. */
    @Override
    public String toString() {
        return "VrrpGroupConfig[" + key() + " " + version + " addresses=" + addresses.stream().map(IpAddresses::format).toList()
                + " priority=" + priority + " interval=" + advertIntervalMillis + "ms preempt=" + preempt
                + " delay=" + preemptDelaySeconds + "s accept=" + acceptMode + " shutdown=" + shutdown
                + " description='" + description + "' name='" + vrrsName + "' checksum=" + checksum
                + " announcements=" + announcements + " useVirtualMac=" + useVirtualMac + " authentication="
                + (authenticationText.isEmpty() ? "none" : "text <hidden>") + "]";
    }

    /** The interval in the protocol's unit: centiseconds. */
    /** The state machine's settings for this group, running at {@code priority} from {@code source}. */
    VirtualRouter.Settings routerSettings(int priority, InetAddress source) {
        return new VirtualRouter.Settings(priority, advertIntervalCentis(), preempt, preemptDelaySeconds * 1_000_000_000L,
                version == VrrpVersion.V3, version == VrrpVersion.V2, source);
    }

    int advertIntervalCentis() {
        return advertIntervalMillis / 10;
    }

    InetAddress primaryVirtualAddress() {
        return addresses.get(0);
    }

    /** Identity of the group on its interface: two configurations with the same key clash. */
    String key() {
        return (network.isEmpty() ? "" : network + "/") + interfaceName + "/" + family.label() + "/" + vrid;
    }

    /** Parses the addresses of a configuration: literals only, never a DNS lookup. */
    static List<InetAddress> parseAddresses(String[] texts) {
        List<InetAddress> list = new ArrayList<>();
        for (String t : texts == null ? new String[0] : texts) {
            for (String part : t.split("[,\\s]+")) {
                if (!part.isBlank()) {
                    list.add(IpAddresses.parse("virtual address", part));
                }
            }
        }
        return list;
    }

    /**
     * An IPv6 group without a link-local virtual address: RFC 5798 5.2.9 prefers one, first, but peers such as
     * keepalived are usually configured with global addresses only and count an advert listing more than theirs as
     * an error, so such a group is run as configured (with a warning).
     */
    boolean lacksLinkLocal() {
        return family == AddressFamily.IPV6 && addresses.stream().noneMatch(InetAddress::isLinkLocalAddress);
    }

    private static List<InetAddress> linkLocalFirst(AddressFamily family, List<InetAddress> addresses) {
        List<InetAddress> ordered = new ArrayList<>(addresses);
        if (family == AddressFamily.IPV6) {
            ordered.sort((a, b) -> Boolean.compare(b.isLinkLocalAddress(), a.isLinkLocalAddress())); // stable
        }
        return List.copyOf(ordered);
    }
}
