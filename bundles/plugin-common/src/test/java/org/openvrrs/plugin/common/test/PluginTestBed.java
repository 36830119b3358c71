package org.openvrrs.plugin.common.test;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.openvrrs.net.api.InterfaceAddress;
import org.openvrrs.net.sim.SimHost;
import org.openvrrs.net.sim.SimLan;
import org.openvrrs.net.sim.SimRouter;
import org.openvrrs.net.sim.VirtualScheduler;
import org.openvrrs.plugin.common.internal.FhrpSite;
import org.openvrrs.plugin.common.internal.PluginInfrastructure;
import org.openvrrs.plugin.common.internal.SubinterfaceSettings;
import org.openvrrs.vrrs.api.AddressFamily;
import org.openvrrs.vrrs.api.IpAddresses;
import org.openvrrs.vrrs.api.MacAddress;
import org.openvrrs.vrrs.api.ServerRegistration;
import org.openvrrs.vrrs.api.ServerUpdate;
import org.openvrrs.vrrs.api.StateReason;
import org.openvrrs.vrrs.api.VrrsState;

/**
 * The guide's plug-in example on the simulated LAN, on a virtual clock: router r1 with GigabitEthernet0/0/0 as eth0
 * running VRRP group 1 named VRRS_NAME_1 (192.0.2.254), subinterfaces eth0.2-eth0.4, a second physical eth1 with
 * eth1.5, and host h2 in VLAN 2. The registry calls back synchronously.
 */
public final class PluginTestBed {
    public static final String NAME_1 = "VRRS_NAME_1";
    public static final String NAME_2 = "VRRS_NAME_2";
    public static final MacAddress VMAC = MacAddress.vrrp(AddressFamily.IPV4, 1);
    public static final MacAddress BIA = MacAddress.parse("0200.0000.0101");

    public final VirtualScheduler clock = new VirtualScheduler();
    public final SimLan lan = new SimLan("lan0", clock);
    public final SimLan lan1 = new SimLan("lan1", clock);
    public final SimRouter r1 = new SimRouter("r1", clock);
    public final SimHost h2;
    public final SimHost h3;
    public final FakeRegistry registry = new FakeRegistry();
    public final List<FhrpSite> sites = new ArrayList<>(List.of(new FhrpSite("r1", "eth0", NAME_1, "VRRP group 1")));
    public final PluginInfrastructure infra = new PluginInfrastructure(() -> List.copyOf(sites));
    private ServerRegistration server;

    public PluginTestBed() {
        r1.addInterface("eth0", lan, BIA, InterfaceAddress.parse("192.0.2.2/24"));
        r1.addInterface("eth1", lan1, MacAddress.parse("0200.0000.0201"), InterfaceAddress.parse("203.0.113.2/24"));
        r1.addSubinterface("eth0", 2, InterfaceAddress.parse("198.51.100.1/26"));
        r1.addSubinterface("eth0", 3, InterfaceAddress.parse("198.51.100.65/26"));
        r1.addSubinterface("eth0", 4, InterfaceAddress.parse("198.51.100.129/26"));
        r1.addSubinterface("eth0", 6);
        r1.addSubinterface("eth1", 5, InterfaceAddress.parse("203.0.113.129/25"));
        h2 = new SimHost("h2", lan, MacAddress.parse("0200.0000.0120"), InterfaceAddress.parse("198.51.100.10/26"),
                2);
        h3 = new SimHost("h3", lan, MacAddress.parse("0200.0000.0130"), InterfaceAddress.parse("198.51.100.70/26"),
                3);
        infra.setRegistry(registry);
        infra.addNetwork("r1", r1);
        clock.runUntilIdle();
    }

    /** {@code vrrs follow NAME} (+ interface-state, mac-address) on {@code ifname} of r1. */
    public static SubinterfaceSettings follow(String ifname, String name, boolean ifState, boolean mac, boolean arp,
            int interval, int duration) {
        return new SubinterfaceSettings("r1", ifname, name, ifState, mac, arp, interval, duration);
    }

    /** Publishes VRRS_NAME_1 in {@code state} as the VRRP server would, then lets the LAN run. */
    public void publish(VrrsState state) {
        if (server == null) {
            server = registry.registerServer("VRRP", NAME_1);
        }
        InetAddress vip = IpAddresses.parse("vip", "192.0.2.254");
        server.update(new ServerUpdate(state, StateReason.PROTOCOL, AddressFamily.IPV4, vip, VMAC,
                IpAddresses.parse("a", "192.0.2.2"), AddressFamily.IPV4.unspecified()));
        clock.runUntilIdle();
    }

    public void withdrawServer() {
        server.close();
        server = null;
        clock.runUntilIdle();
    }

    public boolean lineUp(String ifname) {
        return r1.find(ifname).orElseThrow().lineProtocolUp();
    }
}
