package org.openvrrs.net.linux.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openvrrs.vrrs.api.IpAddresses;
import org.openvrrs.vrrs.api.MacAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which virtual addresses with which virtual MAC are on which configured device, and the ip batch lines
 * ({@link VirtualMacs}) each change needs. Pure bookkeeping: every request updates the state and returns the lines;
 * it runs nothing, the caller writes them to the kernel. Not thread-safe: the caller serialises.
 *
 * <p>A virtual address lives on the macvlan of its MAC over the device, created with the first address and deleted
 * with the last; a subinterface's own address takes the virtual MAC on the subinterface itself
 * ({@link VirtualMacs#onDeviceItself}). In physical-MAC mode ({@link #addPlain}) the address goes on the device
 * itself as /32 or /128 and keeps the device's MAC. A device appearing or vanishing changes nothing here: the kernel deletes the
 * macvlans of a vanished device itself.
 */
final class VirtualAddresses {
    private static final Logger LOG = LoggerFactory.getLogger(VirtualAddresses.class);
    private static final Logger DEBUG = LoggerFactory.getLogger("org.openvrrs.debug.infra.linux");

    /** What is on one device. */
    private static final class OnDevice {
        final Map<InetAddress, MacAddress> macs = new HashMap<>();
        /** macvlan name -> the virtual addresses it carries. */
        final Map<String, Set<InetAddress>> macvlans = new HashMap<>();
        /** Virtual addresses given the virtual MAC by changing the device's own MAC (no macvlan). */
        final Set<InetAddress> ownMac = new HashSet<>();
        /** Virtual addresses on the device itself with its own MAC (physical-MAC mode, no macvlan). */
        final Set<InetAddress> plain = new HashSet<>();
    }

    private final Map<Device, OnDevice> devices = new HashMap<>();

    /** The virtual MAC {@code ip} has on {@code d}, {@code null} when it is not there or has the device's own. */
    MacAddress macOf(Device d, InetAddress ip) {
        OnDevice on = devices.get(d);
        return on == null ? null : on.macs.get(ip);
    }

    /** Whether {@code ip} was put on {@code d}, with a virtual MAC or its own. */
    boolean has(Device d, InetAddress ip) {
        OnDevice on = devices.get(d);
        return on != null && (on.macs.containsKey(ip) || on.plain.contains(ip));
    }

    /**
     * Puts {@code ip} on {@code d} itself, keeping the device's own MAC (physical-MAC mode): the kernel answers ARP
     * and neighbour solicitations for it with that MAC. With a virtual MAC before, that is withdrawn first.
     */
    List<String> addPlain(Device d, MacAddress burnedInMac, InetAddress ip) {
        OnDevice on = devices.computeIfAbsent(d, k -> new OnDevice());
        if (on.plain.contains(ip)) {
            return List.of();
        }
        List<String> commands = new ArrayList<>();
        if (on.macs.containsKey(ip)) {
            commands.addAll(withdraw(d, on, burnedInMac, ip));
        }
        on.plain.add(ip);
        commands.add(VirtualMacs.addAddress(d.dev, ip));
        DEBUG.debug("{}: virtual address {} on the device itself", d.name, IpAddresses.format(ip));
        return commands;
    }

    /**
     * Puts {@code ip} with {@code mac} on {@code d}: on the macvlan of {@code mac}, created first when it is the first
     * address of that MAC, or on the device itself. Nothing when it is there with that MAC already; with another MAC
     * it is withdrawn first.
     *
     * @param link        the device's kernel state (it exists)
     * @param burnedInMac the device's burned-in MAC, restored when an own address leaves for another MAC
     */
    List<String> add(Device d, IpLink link, MacAddress burnedInMac, InetAddress ip, MacAddress mac) {
        OnDevice on = devices.computeIfAbsent(d, k -> new OnDevice());
        MacAddress current = on.macs.get(ip);
        if (mac.equals(current)) {
            return List.of();
        }
        List<String> commands = new ArrayList<>();
        if (current != null || on.plain.contains(ip)) {
            commands.addAll(withdraw(d, on, burnedInMac, ip));
        }
        if (VirtualMacs.onDeviceItself(link, ip)) {
            on.ownMac.add(ip);
            on.macs.put(ip, mac);
            commands.add(VirtualMacs.setMac(d.dev, mac));
            DEBUG.debug("{}: own address {} now uses {}", d.name, IpAddresses.format(ip), mac);
            return commands;
        }
        String macvlan = VirtualMacs.deviceName(link.index(), mac);
        Set<InetAddress> carried = on.macvlans.get(macvlan);
        if (carried == null) {
            carried = new HashSet<>();
            on.macvlans.put(macvlan, carried);
            commands.addAll(VirtualMacs.create(d.dev, macvlan, mac, ip instanceof Inet6Address));
        }
        carried.add(ip);
        on.macs.put(ip, mac);
        commands.add(VirtualMacs.addAddress(macvlan, ip));
        DEBUG.debug("{}: virtual address {} on {} ({})", d.name, IpAddresses.format(ip), macvlan, mac);
        return commands;
    }

    /**
     * Takes {@code ip} off {@code d}; nothing when it is not there.
     *
     * @param burnedInMac the device's burned-in MAC, {@code null} while the device does not exist
     */
    List<String> remove(Device d, MacAddress burnedInMac, InetAddress ip) {
        OnDevice on = devices.get(d);
        if (on == null || !has(d, ip)) {
            return List.of();
        }
        List<String> commands = withdraw(d, on, burnedInMac, ip);
        DEBUG.debug("{}: virtual address {} withdrawn", d.name, IpAddresses.format(ip));
        return commands;
    }

    /** The lines removing {@code ip}: the macvlan goes with its last address, an own MAC goes back. */
    private static List<String> withdraw(Device d, OnDevice on, MacAddress burnedInMac, InetAddress ip) {
        if (on.plain.remove(ip)) {
            return List.of(VirtualMacs.removeAddress(d.dev, ip));
        }
        MacAddress mac = on.macs.remove(ip);
        if (on.ownMac.remove(ip)) {
            if (!on.ownMac.isEmpty()) {
                return List.of(VirtualMacs.setMac(d.dev, on.macs.get(on.ownMac.iterator().next())));
            }
            return burnedInMac == null ? List.of() : List.of(VirtualMacs.setMac(d.dev, burnedInMac));
        }
        for (Map.Entry<String, Set<InetAddress>> e : on.macvlans.entrySet()) {
            if (e.getValue().remove(ip)) {
                if (e.getValue().isEmpty()) {
                    on.macvlans.remove(e.getKey());
                    return List.of(VirtualMacs.delete(e.getKey()));
                }
                return List.of(VirtualMacs.removeAddress(e.getKey(), ip));
            }
        }
        LOG.debug("{}: no macvlan carried {} ({})", d.name, ip, mac);
        return List.of();
    }

    /**
     * At stop: forgets everything on {@code d} and returns the lines that undo it, every macvlan deleted, every
     * address put on the device itself removed and the burned-in MAC back when an own address had the virtual one.
     *
     * @param burnedInMac the device's burned-in MAC, {@code null} while the device does not exist
     */
    List<String> release(Device d, MacAddress burnedInMac) {
        OnDevice on = devices.remove(d);
        if (on == null) {
            return List.of();
        }
        List<String> commands = new ArrayList<>();
        on.macvlans.keySet().forEach(m -> commands.add(VirtualMacs.delete(m)));
        on.plain.forEach(ip -> commands.add(VirtualMacs.removeAddress(d.dev, ip)));
        if (!on.ownMac.isEmpty() && burnedInMac != null) {
            commands.add(VirtualMacs.setMac(d.dev, burnedInMac));
        }
        return commands;
    }
}
