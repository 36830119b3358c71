package org.openvrrs.snmp.internal;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.openvrrs.net.api.NetInterface;
import org.openvrrs.net.api.Network;

/**
 * The ifIndex the VRRP MIBs index a group's interface by. On the appliance's own network ({@value Network#LOCAL},
 * Linux) it is the kernel's ifIndex, the one snmpd's IF-MIB shows. Interfaces of other networks (the simulated
 * routers, where r1/eth0 and r2/eth0 are both "eth0") and interfaces that do not exist yet have no such index: they
 * are given one from {@value #FIRST_ASSIGNED} up, in the order first asked, kept while the bundle runs; the
 * OPENVRRS-VRRS-MIB's interface table says which is which.
 */
final class InterfaceIndexes {
    static final int FIRST_ASSIGNED = 1_000_000;

    private final Map<String, Network> networks = new ConcurrentHashMap<>();
    private final Map<String, Integer> assigned = new ConcurrentHashMap<>();
    private final Map<Integer, String> names = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger(FIRST_ASSIGNED);

    void addNetwork(String name, Network network) {
        networks.put(name, network);
    }

    void removeNetwork(String name) {
        networks.remove(name);
    }

    /** The ifIndex of {@code ifname} on {@code network} ("" = the appliance's own). */
    int of(String network, String ifname) {
        String net = network.isEmpty() ? Network.LOCAL : network;
        if (net.equals(Network.LOCAL)) {
            Optional<Integer> kernel = Optional.ofNullable(networks.get(net)).flatMap(n -> n.find(ifname))
                    .map(NetInterface::index).filter(i -> i > 0 && i < FIRST_ASSIGNED);
            if (kernel.isPresent()) {
                names.put(kernel.get(), net + "/" + ifname);
                return kernel.get();
            }
        }
        return assigned.computeIfAbsent(net + "/" + ifname, k -> {
            int index = next.getAndIncrement();
            names.put(index, k);
            return index;
        });
    }

    /** Every index handed out so far, with its NETWORK/IFNAME. */
    Map<Integer, String> known() {
        return new TreeMap<>(names);
    }
}
