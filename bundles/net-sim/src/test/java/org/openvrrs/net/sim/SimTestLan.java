package org.openvrrs.net.sim;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.openvrrs.net.api.FrameKind;
import org.openvrrs.net.api.Frames;
import org.openvrrs.net.api.InterfaceAddress;
import org.openvrrs.vrrs.api.AddressFamily;
import org.openvrrs.vrrs.api.MacAddress;

/** Three routers on one LAN driven by a virtual clock: the fixture of the net-sim tests. */
class SimTestLan {
    static final MacAddress MAC1 = MacAddress.parse("0200.0000.0001");
    static final MacAddress MAC2 = MacAddress.parse("0200.0000.0002");
    static final MacAddress MAC3 = MacAddress.parse("0200.0000.0003");
    static final MacAddress VMAC = MacAddress.vrrp(AddressFamily.IPV4, 1);
    static final MacAddress VRRP_GROUP_MAC = MacAddress.parse("0100.5e00.0012");
    static final InetAddress R1_IP = InterfaceAddress.parseLiteral("192.0.2.1");
    static final InetAddress VIP = InterfaceAddress.parseLiteral("192.0.2.254");

    final VirtualScheduler clock = new VirtualScheduler();
    final SimLan lan = new SimLan("lan", clock);
    final SimRouter r1 = router("r1", MAC1, "192.0.2.1/24");
    final SimRouter r2 = router("r2", MAC2, "192.0.2.2/24");
    final SimRouter r3 = router("r3", MAC3, "192.0.2.3/24");

    private SimRouter router(String name, MacAddress mac, String address) {
        SimRouter router = new SimRouter(name, clock);
        router.addInterface("eth0", lan, mac, InterfaceAddress.parse(address));
        return router;
    }

    /** A VRRP-like IPv4 frame (protocol 112) to the VRRP group from {@code source}. */
    static byte[] vrrp(MacAddress source) {
        return ipv4(VRRP_GROUP_MAC, source, 112);
    }

    static byte[] ipv4(MacAddress destination, MacAddress source, int protocol) {
        byte[] ip = ByteBuffer.allocate(28).put((byte) 0x45).put(new byte[8]).put((byte) protocol)
                .put(new byte[18]).array();
        return Frames.ethernet(destination, source, Frames.ETHERTYPE_IPV4, ip);
    }

    /** Frames one interface of a router receives, as "kind from source MAC". */
    static List<String> record(SimRouter router, String ifname, FrameKind kind) {
        List<String> seen = new ArrayList<>();
        router.receive(ifname, kind, (name, frame, nanos) ->
                seen.add(name + " " + FrameKind.classify(frame) + " from " + Frames.source(frame)));
        return seen;
    }
}
