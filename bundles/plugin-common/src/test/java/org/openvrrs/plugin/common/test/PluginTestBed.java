package org.openvrrs.plugin.common.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.time.Duration;
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
import org.openvrrs.vrrs.api.GroupState;
import org.openvrrs.vrrs.api.IpAddresses;
import org.openvrrs.vrrs.api.MacAddress;
import org.openvrrs.vrrs.api.ServerRegistration;
import org.openvrrs.vrrs.api.ServerSpec;
import org.openvrrs.vrrs.api.ServerUpdate;
import org.openvrrs.vrrs.api.StateReason;
import org.openvrrs.vrrs.api.VrrsServer;
import org.openvrrs.vrrs.api.VrrsState;
import org.openvrrs.vrrs.api.VrrsWhiteboard;
import org.openvrrs.vrrs.core.internal.StandaloneRegistry;

/**
 * The guide's plug-in example on the simulated LAN, on a virtual clock, with the real registry (vrrs-core's
 * {@link StandaloneRegistry}): router r1 with GigabitEthernet0/0/0 as eth0 running VRRP group 1 named VRRS_NAME_1
 * (192.0.2.254), subinterfaces eth0.2-eth0.4, a second physical eth1 with eth1.5, and host h2 in VLAN 2.
 *
 * <p>The registry calls its clients on its own threads: {@link #settle()} waits until the plug-ins have heard every
 * state the registry holds, then lets the LAN run, so tests read a settled router.
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
    public final StandaloneRegistry registry = new StandaloneRegistry();
    /** The VRRP group as the rules tests give it. */
    public final List<FhrpSite> sites = new ArrayList<>(List.of(new FhrpSite("r1", "eth0", NAME_1, "VRRP group 1")));
    public final PluginInfrastructure infra = new PluginInfrastructure(registry.whiteboard());
    private Server server;

    /** A declared VRRS server, as fhrp-vrrp's groups are; the infrastructure hears of it as DS would tell it. */
    public final class Server implements VrrsServer, AutoCloseable {
        private final VrrsWhiteboard.Declaration<ServerSpec> declaration;
        private volatile ServerRegistration registration;

        Server(String ifname, String group) {
            ServerSpec spec = new ServerSpec("VRRP", group, "r1", ifname);
            declaration = registry.whiteboard().server(this, spec);
            infra.putServer(this, FhrpSite.ofServer(spec.toProperties()).orElseThrow());
        }

        @Override
        public void attached(ServerRegistration r) {
            registration = r;
        }

        @Override
        public void detached(ServerRegistration r) {
            registration = null;
        }

        /** Publishes {@code state} of 192.0.2.254 as the VRRP Master or Backup would; returns at once. */
        public void send(VrrsState state) {
            InetAddress vip = IpAddresses.parse("vip", "192.0.2.254");
            registration.update(new ServerUpdate(state, StateReason.PROTOCOL, AddressFamily.IPV4, vip, VMAC,
                    IpAddresses.parse("a", "192.0.2.2"), AddressFamily.IPV4.unspecified()));
        }

        @Override
        public void close() {
            declaration.close();
            infra.removeServer(this);
        }
    }

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

    /** Declares a VRRP server for {@code group} on r1's {@code ifname}; closing it withdraws the server. */
    public Server declareServer(String ifname, String group) {
        Server s = new Server(ifname, group);
        settle();
        return s;
    }

    /**
     * Publishes VRRS_NAME_1 in {@code state} as the VRRP server on eth0 would (declared at the first publish, which
     * pushes INIT first), then settles.
     */
    public void publish(VrrsState state) {
        if (server == null) {
            server = declareServer("eth0", NAME_1);
        }
        server.send(state);
        settle();
    }

    /** The VRRP server of VRRS_NAME_1, declared by the first {@link #publish}. */
    public Server server() {
        return server;
    }

    public void withdrawServer() {
        server.close();
        server = null;
        settle();
    }

    /**
     * Waits until the plug-ins have heard the registry's current state of every followed name (when their client is
     * declared), then lets the LAN run.
     */
    public void settle() {
        if (registry.clients().stream().anyMatch(c -> c.name().equals("VRRS-Plugins"))) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> infra.subinterfaces().forEach(v ->
                    assertThat(v.state()).isEqualTo(registry.group(v.settings().follow())
                            .orElse(GroupState.unserved(v.settings().follow())))));
        }
        clock.runUntilIdle();
    }

    public boolean lineUp(String ifname) {
        return r1.find(ifname).orElseThrow().lineProtocolUp();
    }
}
