package org.openvrrs.net.sim.internal.shell;

import java.net.InetAddress;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openvrrs.net.api.NetInterface;
import org.openvrrs.net.sim.SimHost;
import org.openvrrs.net.sim.SimRouter;
import org.openvrrs.net.sim.internal.SimPlatform;
import org.openvrrs.vrrs.api.IpAddresses;
import org.openvrrs.vrrs.api.MacAddress;

/** Lists the simulated routers with their interfaces and virtual addresses, and the hosts with their ARP tables. */
@Service
@Command(scope = "sim", name = "routers", description = "Shows the simulated LAN: routers, interfaces, hosts.")
public class RoutersCommand implements Action {
    @Reference
    SimPlatform platform;

    @Override
    public Object execute() {
        for (SimRouter r : platform.topology().routers().values()) {
            System.out.println("Router " + r.name() + (r.isRunning() ? "" : " (stopped)"));
            for (NetInterface i : r.interfaces()) {
                System.out.printf("  %-8s %-4s %s %s%n", i.name(), i.lineProtocolUp() ? "up" : "down",
                        i.mac().toDotted(), i.addresses().stream().map(Object::toString)
                                .collect(Collectors.joining(" ")));
                for (Map.Entry<InetAddress, MacAddress> v : r.virtualAddresses(i.name()).entrySet()) {
                    System.out.printf("           virtual %s %s%n", IpAddresses.format(v.getKey()),
                            v.getValue().toDotted());
                }
            }
        }
        for (SimHost h : platform.topology().hosts().values()) {
            System.out.println("Host " + h.name() + " " + h.address() + " " + h.mac().toDotted());
            h.arpTable().forEach((ip, mac) -> System.out.printf("  arp %s %s%n", IpAddresses.format(ip),
                    mac.toDotted()));
        }
        return null;
    }
}
