package org.openvrrs.net.linux.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.openvrrs.vrrs.api.IpAddresses;
import org.openvrrs.vrrs.api.MacAddress;

/**
 * How a virtual MAC with its virtual addresses lives in the kernel: a macvlan on the parent with that MAC, in mode
 * {@code private} (as keepalived's {@code use_vmac}), carrying the virtual addresses, so the kernel itself answers ARP
 * and neighbour solicitations with the virtual MAC and accepts and routes traffic sent to it. Names are
 * {@code vrrp.<parent ifindex>.<vrid>} (IPv4 VRRP MAC), {@code vrrp6.<ifindex>.<vrid>} (IPv6 VRRP MAC) or
 * {@code vmac.<ifindex>.<last two MAC bytes>} (other protocols): unique per parent and MAC, at most 15 characters,
 * and recognisable, so stale ones left by a crash are removed at start.
 */
final class VirtualMacs {
    /** Names this bundle gives its macvlans; nothing else is ever deleted as stale. */
    static final Pattern OURS = Pattern.compile("^(vrrp6?|vmac)\\.\\d{1,5}\\.[0-9a-f]{1,4}$");
    static final String MODE = "private";
    private static final int IFNAMSIZ = 15;

    private VirtualMacs() {
    }

    /** The macvlan name for {@code mac} on the parent with ifindex {@code parentIndex}. */
    static String deviceName(int parentIndex, MacAddress mac) {
        byte[] b = mac.toBytes();
        boolean vrrp = b[0] == 0 && b[1] == 0 && b[2] == 0x5e && b[3] == 0 && (b[4] == 1 || b[4] == 2);
        String name = vrrp ? (b[4] == 1 ? "vrrp." : "vrrp6.") + parentIndex + "." + (b[5] & 0xff)
                : "vmac." + parentIndex + "." + String.format("%02x%02x", b[4] & 0xff, b[5] & 0xff);
        if (name.length() > IFNAMSIZ) {
            throw new IllegalArgumentException("interface index " + parentIndex + " is too large for a macvlan name");
        }
        return name;
    }

    /**
     * ip batch lines creating the macvlan, up. IPv4 ones get no IPv6 link-local at all ({@code addrgenmode none}):
     * an EUI-64 one from the shared virtual MAC would clash between routers; IPv6 ones get a random one.
     */
    static List<String> create(String parent, String device, MacAddress mac, boolean ipv6) {
        List<String> lines = new ArrayList<>();
        lines.add("link add link " + parent + " name " + device + " address " + mac.toColons()
                + " type macvlan mode " + MODE);
        lines.add("link set dev " + device + " addrgenmode " + (ipv6 ? "random" : "none"));
        lines.add("link set dev " + device + " up");
        return lines;
    }

    static String delete(String device) {
        return "link del dev " + device;
    }

    /** IPv4 as /32 (no second connected route beside the parent's); IPv6 without DAD, link-local as /64. */
    static String addAddress(String device, InetAddress ip) {
        return "addr replace " + withPrefix(ip) + " dev " + device + (ip instanceof Inet4Address ? "" : " nodad");
    }

    static String removeAddress(String device, InetAddress ip) {
        return "addr del " + withPrefix(ip) + " dev " + device;
    }

    private static String withPrefix(InetAddress ip) {
        int prefix = ip instanceof Inet4Address ? 32 : ip.isLinkLocalAddress() ? 64 : 128;
        return IpAddresses.format(ip) + "/" + prefix;
    }

    /** The stale macvlans among {@code links}: ours by name and kind, left by a run that did not stop cleanly. */
    static List<String> stale(List<IpLink> links) {
        return links.stream().filter(l -> "macvlan".equals(l.kind()) && OURS.matcher(l.name()).matches())
                .map(IpLink::name).toList();
    }

    /**
     * Whether the virtual address {@code ip} on {@code link} is given the virtual MAC by changing the device's own
     * MAC rather than through a macvlan: a subinterface (VLAN or macvlan device) whose own configured address it is
     * (the MAC-Address plug-in). A macvlan carrying the same address would answer ARP beside the subinterface, each
     * with its own MAC, and the host would keep whichever answer came last.
     */
    static boolean onDeviceItself(IpLink link, InetAddress ip) {
        return link.parent() != null && link.addresses().stream().anyMatch(a -> a.address().equals(ip));
    }

    /** The device takes {@code mac} as its own (a VLAN device adds it to its parent's unicast filter itself). */
    static String setMac(String device, MacAddress mac) {
        return "link set dev " + device + " address " + mac.toColons();
    }

    /**
     * Forces the carrier of {@code device} down (or lets it follow its lower device again) without touching the
     * administrative state: {@code protodown}, which macvlan (and, on recent kernels, VLAN) devices support.
     */
    static String protoDown(String device, boolean down) {
        return "link set dev " + device + " protodown " + (down ? "on" : "off");
    }
}
