package org.openvrrs.plugin.common.internal.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openvrrs.net.api.InterfaceAddress;
import org.openvrrs.net.api.NetInterface;
import org.openvrrs.plugin.common.internal.PluginDatabaseComponent;
import org.openvrrs.plugin.common.internal.PluginInfrastructure;
import org.openvrrs.plugin.common.internal.ShowFormat;
import org.openvrrs.vrrs.api.GroupState;
import org.openvrrs.vrrs.api.IpAddresses;
import org.openvrrs.vrrs.api.MacAddress;

/** {@code show ip arp}: which MAC each address is answered with, where the MAC-Address plug-in's effect shows. */
@Service
@Command(scope = "vrrs", name = "ip-arp", description = "Shows the router's addresses and the MAC answering each.")
public class IpArpCommand implements Action {
    @Reference
    PluginDatabaseComponent database;

    @Option(name = "--network", description = "Network (router) name; default: every network")
    String network;

    @Option(name = "--json", description = "Machine-readable output")
    boolean json;

    @Override
    public Object execute() throws java.io.IOException {
        PluginInfrastructure infra = database.infrastructure();
        var selected = NetworkViews.select(infra, network);
        List<Object> json = new ArrayList<>();
        for (var e : selected.entrySet()) {
            String name = e.getKey();
            var interfaces = e.getValue().interfaces();
            var rows = ShowFormat.arpRows(interfaces, infra::arpMac, name, activeGroups(infra, name, interfaces));
            if (this.json) {
                rows.forEach(r -> json.add(ShowFormat.json(r)));
            } else {
                NetworkViews.header(selected, name);
                System.out.print(ShowFormat.arp(rows));
            }
        }
        if (this.json) {
            System.out.println(ShowFormat.JSON_OUT.asString(json));
        }
        return null;
    }

    /** Virtual addresses of the ACTIVE groups followed on this network, on the interface whose subnet holds them. */
    private static Map<String, Map<String, MacAddress>> activeGroups(PluginInfrastructure infra, String name,
            List<NetInterface> interfaces) {
        Map<String, Map<String, MacAddress>> out = new TreeMap<>();
        for (PluginInfrastructure.SubinterfaceView v : infra.subinterfaces()) {
            GroupState g = v.state();
            if (!v.settings().network().equals(name) || !g.hasServer() || !g.isActive()) {
                continue;
            }
            for (NetInterface i : interfaces) {
                if (i.addresses().stream().filter(a -> a.family() == g.family()).findFirst()
                        .map((InterfaceAddress a) -> a.contains(g.virtualAddress())).orElse(false)) {
                    out.computeIfAbsent(i.name(), k -> new TreeMap<>())
                            .put(IpAddresses.format(g.virtualAddress()), g.virtualMac());
                }
            }
        }
        return out;
    }
}
