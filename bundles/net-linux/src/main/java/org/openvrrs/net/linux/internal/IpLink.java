package org.openvrrs.net.linux.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openvrrs.net.api.InterfaceAddress;
import org.openvrrs.vrrs.api.MacAddress;

/**
 * One Linux link with its addresses as {@code ip -json -details addr show} reports it: what the bundle turns into a
 * {@link org.openvrrs.net.api.NetInterface} snapshot, and how it finds stale virtual-MAC macvlans.
 *
 * @param name        device name
 * @param index       ifindex
 * @param mac         current MAC (all zero for a device without one)
 * @param permanentMac burned-in MAC when the kernel knows it ({@code permaddr}), else {@code null}
 * @param flags       IFF flags as ip prints them (UP, LOWER_UP, ...)
 * @param kind        {@code linkinfo.info_kind} (vlan, macvlan, veth, bridge...), "" for a plain device
 * @param parent      lower device of a vlan or macvlan, else {@code null}
 * @param vlanId      802.1Q id of a vlan device, else 0
 * @param addresses   addresses in kernel order (primary first per family); tentative/dadfailed ones left out
 * @param protoDown   {@code proto_down} set: the kernel holds the carrier down whatever the lower device does
 */
record IpLink(String name, int index, MacAddress mac, MacAddress permanentMac, Set<String> flags, String kind,
        String parent, int vlanId, List<InterfaceAddress> addresses, boolean protoDown) {

    /** This link with the state a monitor line reported; addresses, kind, parent and the burned-in MAC kept. */
    IpLink withLinkState(Set<String> newFlags, MacAddress newMac, boolean newProtoDown) {
        return new IpLink(name, index, newMac, permanentMac, newFlags, kind, parent, vlanId, addresses, newProtoDown);
    }

    boolean adminUp() {
        return flags.contains("UP");
    }

    /** Administratively up with carrier: what the appliance calls line protocol up. */
    boolean lineUp() {
        return flags.contains("UP") && flags.contains("LOWER_UP");
    }

    /** Parses the whole output of {@code ip -json -details addr show} (or {@code link show}). */
    @SuppressWarnings("unchecked")
    static List<IpLink> parseAll(String json) {
        Object root = Json.parse(json.isBlank() ? "[]" : json);
        if (!(root instanceof List<?> list)) {
            throw new IllegalArgumentException("ip -json printed no list");
        }
        List<IpLink> links = new ArrayList<>();
        for (Object o : list) {
            if (o instanceof Map<?, ?> m && m.containsKey("ifname")) {
                links.add(parse((Map<String, Object>) m));
            }
        }
        return links;
    }

    @SuppressWarnings("unchecked")
    static IpLink parse(Map<String, Object> m) {
        String name = (String) m.get("ifname");
        int index = ((Number) m.getOrDefault("ifindex", 0L)).intValue();
        MacAddress mac = mac((String) m.get("address"));
        MacAddress perm = m.get("permaddr") instanceof String p ? mac(p) : null;
        Set<String> flags = Set.copyOf((List<String>) m.getOrDefault("flags", List.of()));
        String kind = "";
        int vlanId = 0;
        if (m.get("linkinfo") instanceof Map<?, ?> info) {
            kind = String.valueOf(info.get("info_kind"));
            if ("vlan".equals(kind) && info.get("info_data") instanceof Map<?, ?> data
                    && data.get("id") instanceof Number id) {
                vlanId = id.intValue();
            }
        }
        String parent = ("vlan".equals(kind) || "macvlan".equals(kind)) && m.get("link") instanceof String l ? l
                : null;
        List<InterfaceAddress> addresses = new ArrayList<>();
        for (Object a : (List<Object>) m.getOrDefault("addr_info", List.of())) {
            Map<String, Object> am = (Map<String, Object>) a;
            if (Boolean.TRUE.equals(am.get("tentative")) || Boolean.TRUE.equals(am.get("dadfailed"))
                    || !(am.get("local") instanceof String local) || !(am.get("prefixlen") instanceof Number len)) {
                continue;
            }
            addresses.add(new InterfaceAddress(InterfaceAddress.parseLiteral(local), len.intValue()));
        }
        return new IpLink(name, index, mac, perm, flags, kind, parent, vlanId, addresses,
                Boolean.TRUE.equals(m.get("proto_down")));
    }

    /** ip prints MACs as {@code aa:bb:cc:dd:ee:ff}; devices without one (tunnels) print something else or nothing. */
    static MacAddress mac(String text) {
        if (text == null || !text.matches("\\p{XDigit}{2}(:\\p{XDigit}{2}){5}")) {
            return MacAddress.ZERO;
        }
        byte[] b = new byte[6];
        for (int i = 0; i < 6; i++) {
            b[i] = (byte) Integer.parseInt(text.substring(i * 3, i * 3 + 2), 16);
        }
        return MacAddress.of(b);
    }
}
