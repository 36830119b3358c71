package org.openvrrs.net.api;

import java.net.Inet4Address;
import java.util.Objects;
import org.openvrrs.vrrs.api.MacAddress;

/**
 * An Ethernet/IPv4 ARP message, decoded by {@link Frames#parseArp(byte[])}, so hosts and routers (simulated or
 * real) read ARP the same way.
 *
 * @param operation {@link #REQUEST} or {@link #REPLY}
 * @param senderMac sender hardware address
 * @param senderIp  sender protocol address
 * @param targetMac target hardware address (zero in requests)
 * @param targetIp  target protocol address
 */
public record ArpPacket(int operation, MacAddress senderMac, Inet4Address senderIp, MacAddress targetMac,
        Inet4Address targetIp) {

    public static final int REQUEST = 1;
    public static final int REPLY = 2;

    public ArpPacket {
        if (operation != REQUEST && operation != REPLY) {
            throw new IllegalArgumentException("ARP operation " + operation + " is neither request (1) nor reply (2)");
        }
        Objects.requireNonNull(senderMac, "sender MAC is required");
        Objects.requireNonNull(senderIp, "sender IP is required");
        Objects.requireNonNull(targetMac, "target MAC is required");
        Objects.requireNonNull(targetIp, "target IP is required");
    }

    public boolean isRequest() {
        return operation == REQUEST;
    }

    public boolean isReply() {
        return operation == REPLY;
    }

    /** Whether the sender announces its own address (sender IP = target IP), as after a VRRP takeover. */
    public boolean isGratuitous() {
        return senderIp.equals(targetIp);
    }
}
