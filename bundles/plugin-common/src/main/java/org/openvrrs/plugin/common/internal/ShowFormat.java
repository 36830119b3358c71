package org.openvrrs.plugin.common.internal;

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

/** The guide's layouts: {@code show vrrs plugin database}, {@code show ip interface brief}, {@code show ip arp}. */
public final class ShowFormat {
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

    /**
     * {@code show ip interface brief} of one network, with the guide's comment under a subinterface the
     * Interface-State plug-in holds down.
     */
    public static String interfaceBrief(String networkName, List<NetInterface> interfaces,
            List<PluginInfrastructure.SubinterfaceView> subinterfaces) {
        // the guide's columns: 26, 16, 4, 7, 16 (a longer status keeps one space before the protocol)
        StringBuilder out = new StringBuilder(briefRow("Interface", "IP-Address", "OK?", "Method", "Status",
                "Protocol"));
        for (NetInterface i : interfaces) {
            Optional<InterfaceAddress> v4 = i.primaryAddress(AddressFamily.IPV4);
            out.append(briefRow(i.name(), v4.map(a -> IpAddresses.format(a.address())).orElse("unassigned"), "YES",
                    v4.isPresent() ? "manual" : "NVRAM", i.adminUp() ? "up" : "administratively down",
                    i.lineProtocolUp() ? "up" : "down"));
            for (PluginInfrastructure.SubinterfaceView v : subinterfaces) {
                SubinterfaceSettings s = v.settings();
                if (s.network().equals(networkName) && s.interfaceName().equals(i.name()) && s.interfaceState()
                        && v.live() && !(v.state().hasServer() && v.state().isActive())) {
                    out.append("! \"interface-state\" DOWN due to ").append(reason(v.state())).append('\n');
                }
            }
        }
        return out.toString();
    }

    private static String briefRow(String name, String ip, String ok, String method, String status,
            String protocol) {
        String st = status.length() >= 16 ? status + " " : status;
        return String.format(Locale.ROOT, "%-26s%-16s%-4s%-7s%-16s%s%n", name, ip, ok, method, st, protocol);
    }

    private static String reason(GroupState s) {
        return s.hasServer() ? "VRRS " + s.group() + " state " + s.state() : "no VRRS server";
    }

    /**
     * {@code show ip arp} of one network: each interface's own addresses with the MAC they are answered with (the
     * virtual MAC while the MAC-Address plug-in holds it), then the active groups' virtual addresses.
     *
     * @param arpMac       the plug-in MAC of an interface, if any
     * @param groupsByIf   virtual addresses and MACs of the ACTIVE followed groups, by the interface that owns them
     */
    public static String arp(List<NetInterface> interfaces, BiFunction<String, String, Optional<MacAddress>> arpMac,
            String networkName, Map<String, Map<String, MacAddress>> groupsByIf) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-10s%-18s%-11s%-17s%-6s%s%n",
                "Protocol", "Address", "Age (min)", "Hardware Addr", "Type", "Interface"));
        for (NetInterface i : interfaces) {
            Optional<MacAddress> virtual = arpMac.apply(networkName, i.name());
            Optional<InterfaceAddress> primary = i.primaryAddress(AddressFamily.IPV4);
            for (InterfaceAddress a : i.addresses()) {
                if (a.family() != AddressFamily.IPV4) {
                    continue; // ARP is IPv4's, as the guide's table
                }
                MacAddress mac = primary.get().equals(a) ? virtual.orElse(i.mac()) : i.mac();
                out.append(row(IpAddresses.format(a.address()), mac, i.name()));
            }
            groupsByIf.getOrDefault(i.name(), Map.of()).forEach((ip, mac) -> out.append(row(ip, mac, i.name())));
        }
        return out.toString();
    }

    private static String row(String ip, MacAddress mac, String ifname) {
        return String.format(Locale.ROOT, "%-10s%-18s%-11s%-17s%-6s%s%n", "Internet", ip, "-", mac.toDotted(), "ARPA",
                ifname);
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
        java.util.Set<MacAddress> accepted = new java.util.LinkedHashSet<>();
        accepted.add(Frames.BROADCAST);
        accepted.add(i.mac());
        accepted.addAll(i.macFilter());
        accepted.stream().sorted(java.util.Comparator.comparingInt(ShowFormat::bucket)
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
}
