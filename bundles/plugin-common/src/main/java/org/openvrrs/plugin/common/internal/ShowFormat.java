package org.openvrrs.plugin.common.internal;

import com.fasterxml.jackson.jr.ob.JSON;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.openvrrs.net.api.Frames;
import org.openvrrs.net.api.InterfaceAddress;
import org.openvrrs.net.api.NetInterface;
import org.openvrrs.vrrs.api.AddressFamily;
import org.openvrrs.vrrs.api.GroupState;
import org.openvrrs.vrrs.api.IpAddresses;
import org.openvrrs.vrrs.api.MacAddress;

/**
 * The guide's layouts: {@code show vrrs plugin database}, {@code show ip interface brief}, {@code show ip arp},
 * {@code show controller}; and the same rows as JSON for {@code --json} (docs/json.md).
 */
public final class ShowFormat {
    /** JSON for {@code --json}: fields in order, absent values written as null (scripts expect every key). */
    public static final JSON JSON_OUT = JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES);

    private ShowFormat() {
    }

    public static String database(List<PluginInfrastructure.EntryView> entries) {
        StringBuilder out = new StringBuilder("VRRS Plugin Database\n");
        for (PluginInfrastructure.EntryView e : entries) {
            out.append("-----\n");
            out.append("Name = ").append(e.name()).append('\n');
            out.append("Server connection = ").append(e.live() ? "Live" : "Disconnected").append('\n');
            out.append("State = ").append(e.active() ? "Active" : "Disabled").append('\n');
            out.append("MAC addr = ").append(e.mac().toDotted()).append('\n');
            out.append("Test Control = ").append(e.testControl() ? "True" : "False").append('\n');
            out.append("Client Handle = ").append(e.clientHandle()).append('\n');
            out.append("Interface list =\n");
            // the guide's short form: GigabitEthernet0/0/0.2 is listed as GigE0/0/0.2
            e.interfaces().forEach(i -> out.append("                ").append(i.replaceFirst("^GigabitEthernet",
                    "GigE")).append('\n'));
        }
        return out.toString();
    }

    public static List<Map<String, Object>> databaseJson(List<PluginInfrastructure.EntryView> entries) {
        return entries.stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", e.name());
            m.put("serverConnected", e.live());
            m.put("active", e.active());
            m.put("mac", e.mac().toDotted());
            m.put("testControl", e.testControl());
            m.put("clientHandle", e.clientHandle());
            m.put("interfaces", e.interfaces());
            return m;
        }).toList();
    }

    /** A row of {@code show ip interface brief}; {@code heldDownBy} is why Interface-State holds it down, or null. */
    public record InterfaceRow(String network, String name, String address, boolean adminUp, boolean lineProtocolUp,
            String heldDownBy) {
    }

    public static List<InterfaceRow> interfaceRows(String networkName, List<NetInterface> interfaces,
            List<PluginInfrastructure.SubinterfaceView> subinterfaces) {
        List<InterfaceRow> rows = new ArrayList<>();
        for (NetInterface i : interfaces) {
            String ip = i.primaryAddress(AddressFamily.IPV4).map(a -> IpAddresses.format(a.address())).orElse(null);
            String heldDownBy = null;
            for (PluginInfrastructure.SubinterfaceView v : subinterfaces) {
                SubinterfaceSettings s = v.settings();
                if (s.network().equals(networkName) && s.interfaceName().equals(i.name()) && s.interfaceState()
                        && v.live() && !(v.state().hasServer() && v.state().isActive())) {
                    heldDownBy = reason(v.state());
                }
            }
            rows.add(new InterfaceRow(networkName, i.name(), ip, i.adminUp(), i.lineProtocolUp(), heldDownBy));
        }
        return rows;
    }

    /**
     * {@code show ip interface brief} of one network, with the guide's comment under a subinterface the
     * Interface-State plug-in holds down.
     */
    public static String interfaceBrief(List<InterfaceRow> rows) {
        // the guide's columns: 26, 16, 4, 7, 16 (a longer status keeps one space before the protocol)
        StringBuilder out = new StringBuilder(briefRow("Interface", "IP-Address", "OK?", "Method", "Status",
                "Protocol"));
        for (InterfaceRow r : rows) {
            out.append(briefRow(r.name(), r.address() == null ? "unassigned" : r.address(), "YES",
                    r.address() == null ? "NVRAM" : "manual", r.adminUp() ? "up" : "administratively down",
                    r.lineProtocolUp() ? "up" : "down"));
            if (r.heldDownBy() != null) {
                out.append("! \"interface-state\" DOWN due to ").append(r.heldDownBy()).append('\n');
            }
        }
        return out.toString();
    }

    private static String briefRow(String name, String ip, String ok, String method, String status,
            String protocol) {
        String st = status.length() >= 16 ? status + " " : status;
        return String.format(Locale.ROOT, "%-26s%-16s%-4s%-7s%-16s%s%n", name, ip, ok, method, st, protocol);
    }

    public static String interfaceBrief(String networkName, List<NetInterface> interfaces,
            List<PluginInfrastructure.SubinterfaceView> subinterfaces) {
        return interfaceBrief(interfaceRows(networkName, interfaces, subinterfaces));
    }

    public static Map<String, Object> json(InterfaceRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("network", r.network());
        m.put("interface", r.name());
        m.put("address", r.address());
        m.put("adminUp", r.adminUp());
        m.put("lineProtocolUp", r.lineProtocolUp());
        m.put("interfaceStateDownBy", r.heldDownBy());
        return m;
    }

    private static String reason(GroupState s) {
        return s.hasServer() ? "VRRS " + s.group() + " state " + s.state() : "no VRRS server";
    }

    /** A row of {@code show ip arp}: an address, the MAC it is answered with, where; {@code virtual}: a group's. */
    public record ArpRow(String network, String address, MacAddress mac, String interfaceName, boolean virtual) {
    }

    /**
     * The rows of {@code show ip arp} of one network: each interface's own addresses with the MAC they are answered
     * with (the virtual MAC while the MAC-Address plug-in holds it), then the active groups' virtual addresses.
     *
     * @param arpMac     the plug-in MAC of an interface, if any
     * @param groupsByIf virtual addresses and MACs of the ACTIVE followed groups, by the interface that owns them
     */
    public static List<ArpRow> arpRows(List<NetInterface> interfaces,
            BiFunction<String, String, Optional<MacAddress>> arpMac, String networkName,
            Map<String, Map<String, MacAddress>> groupsByIf) {
        List<ArpRow> rows = new ArrayList<>();
        for (NetInterface i : interfaces) {
            Optional<MacAddress> virtual = arpMac.apply(networkName, i.name());
            Optional<InterfaceAddress> primary = i.primaryAddress(AddressFamily.IPV4);
            for (InterfaceAddress a : i.addresses()) {
                if (a.family() != AddressFamily.IPV4) {
                    continue; // ARP is IPv4's, as the guide's table
                }
                MacAddress mac = primary.get().equals(a) ? virtual.orElse(i.mac()) : i.mac();
                rows.add(new ArpRow(networkName, IpAddresses.format(a.address()), mac, i.name(), false));
            }
            groupsByIf.getOrDefault(i.name(), Map.of())
                    .forEach((ip, mac) -> rows.add(new ArpRow(networkName, ip, mac, i.name(), true)));
        }
        return rows;
    }

    public static String arp(List<NetInterface> interfaces, BiFunction<String, String, Optional<MacAddress>> arpMac,
            String networkName, Map<String, Map<String, MacAddress>> groupsByIf) {
        return arp(arpRows(interfaces, arpMac, networkName, groupsByIf));
    }

    public static String arp(List<ArpRow> rows) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-10s%-18s%-11s%-17s%-6s%s%n",
                "Protocol", "Address", "Age (min)", "Hardware Addr", "Type", "Interface"));
        rows.forEach(r -> out.append(String.format(Locale.ROOT, "%-10s%-18s%-11s%-17s%-6s%s%n", "Internet",
                r.address(), "-", r.mac().toDotted(), "ARPA", r.interfaceName())));
        return out.toString();
    }

    public static Map<String, Object> json(ArpRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("network", r.network());
        m.put("address", r.address());
        m.put("mac", r.mac().toDotted());
        m.put("interface", r.interfaceName());
        m.put("virtualAddress", r.virtual());
        return m;
    }

    /**
     * The MAC filter part of {@code show controller}, in the guide's rows ({@code 0x5F: 0 0000.5e00.0101
     * 0000.0000.0000 0}): the addresses a physical interface accepts, by bucket. The bucket is ours (the XOR of the
     * six bytes): IOS prints its network chip's hash, which a software interface has not; hits are not counted.
     */
    public static String controller(NetInterface i) {
        StringBuilder out = new StringBuilder("Interface ").append(i.name()).append('\n');
        out.append("Hardware is Ethernet, address is ").append(i.mac().toDotted()).append(" (bia ")
                .append(i.burnedInMac().toDotted()).append(")\n");
        out.append("Software MAC address filter(hash:length/addr/mask/hits):\n");
        macFilter(i).stream().distinct().sorted(java.util.Comparator.comparingInt(ShowFormat::bucket)
                .thenComparing(MacAddress::toDotted))
                .forEach(m -> out.append(String.format(Locale.ROOT, "0x%02X: 0 %s 0000.0000.0000 0%n", bucket(m),
                        m.toDotted())));
        return out.toString();
    }

    private static int bucket(MacAddress mac) {
        int x = 0;
        for (byte b : mac.toBytes()) {
            x ^= b & 0xFF;
        }
        return x;
    }

    public static Map<String, Object> controllerJson(String network, NetInterface i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("network", network);
        m.put("interface", i.name());
        m.put("mac", i.mac().toDotted());
        m.put("burnedInMac", i.burnedInMac().toDotted());
        m.put("macFilter", macFilter(i).stream().distinct().map(MacAddress::toDotted).toList());
        return m;
    }

    /** Broadcast, the interface's own MAC, then the added ones (each matched exactly). */
    private static List<MacAddress> macFilter(NetInterface i) {
        List<MacAddress> out = new ArrayList<>(List.of(Frames.BROADCAST, i.mac()));
        i.macFilter().stream().sorted(java.util.Comparator.comparing(MacAddress::toDotted)).forEach(out::add);
        return out;
    }
}
