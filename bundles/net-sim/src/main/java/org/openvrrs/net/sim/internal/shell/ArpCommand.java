package org.openvrrs.net.sim.internal.shell;

import java.net.InetAddress;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openvrrs.net.sim.SimHost;
import org.openvrrs.net.sim.internal.SimPlatform;
import org.openvrrs.vrrs.api.IpAddresses;
import org.openvrrs.vrrs.api.MacAddress;

/** Has a simulated host ARP for an address and prints which MAC answered: who owns a virtual IP now. */
@Service
@Command(scope = "sim", name = "arp", description = "A simulated host resolves an IPv4 address by ARP.")
public class ArpCommand implements Action {
    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);

    @Reference
    SimPlatform platform;

    @Argument(index = 0, name = "host", required = true, description = "host name")
    String hostName;

    @Argument(index = 1, name = "address", required = true, description = "IPv4 address to resolve")
    String address;

    @Override
    public Object execute() {
        SimHost host = platform.host(hostName);
        InetAddress ip = IpAddresses.parse("address", address);
        host.forget(ip);
        host.arp(ip);
        long deadline = System.nanoTime() + WAIT_NANOS;
        Optional<MacAddress> mac = host.macFor(ip);
        while (mac.isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            mac = host.macFor(ip);
        }
        System.out.println(mac.map(m -> IpAddresses.format(ip) + " is at " + m.toDotted())
                .orElse("no answer for " + IpAddresses.format(ip)));
        return null;
    }
}
