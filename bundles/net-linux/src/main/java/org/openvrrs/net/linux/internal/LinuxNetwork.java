package org.openvrrs.net.linux.internal;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.openvrrs.net.api.FrameKind;
import org.openvrrs.net.api.FrameListener;
import org.openvrrs.net.api.Frames;
import org.openvrrs.net.api.InterfaceAddress;
import org.openvrrs.net.api.InterfaceListener;
import org.openvrrs.net.api.NetInterface;
import org.openvrrs.net.api.Network;
import org.openvrrs.net.api.Registration;
import org.openvrrs.net.api.Scheduler;
import org.openvrrs.vrrs.api.MacAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Network} on real Linux devices, composed of three parts that never call each other back:
 * {@link KernelInterfaces} (link state read with {@code ip -json} and followed with {@code ip monitor}, the snapshots
 * and interface listeners), {@link FramePorts} (frames through libpcap, one receive thread per device handing them to
 * the {@link Scheduler}, and the one raw socket every frame leaves through) and {@link VirtualAddresses} (which
 * virtual address is on which macvlan, {@link VirtualMacs}). Link control goes through one long-lived
 * {@code ip -batch} process ({@link IpBatch}).
 *
 * <p>Public with a plain constructor so tests and tools run it without OSGi ({@link LinuxPlatform} is the OSGi
 * shell). Only the configured devices are interfaces of this network; a configured device that does not exist yet is
 * waited for. Each has an appliance name (what VRRP groups, plug-ins and show commands use, e.g.
 * {@code GigabitEthernet0/0/0.10}) and a Linux device name ({@code eth0.10}); by default they are the same.
 */
public final class LinuxNetwork implements Network, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LinuxNetwork.class);

    private final Map<String, String> devices; // appliance name -> Linux device
    private final Map<String, Device> byName = new LinkedHashMap<>(); // filled by the constructor, then only read
    private final Scheduler scheduler;
    private final IpBatch batch = new IpBatch();
    private final FramePorts frames;
    private final KernelInterfaces kernel;
    /** Guarded by this. */
    private final VirtualAddresses virtualAddresses = new VirtualAddresses();
    /** Guarded by this. */
    private final AcceptRules acceptRules = new AcceptRules();
    private final Nft nft = new Nft();

    /**
     * @param devices     Linux device names the appliance uses (e.g. eth0, eth0.10), each under its own name
     * @param scheduler   where every callback runs; owned by the caller
     * @param pcapLibrary path of libpcap, "" to look in the usual places
     */
    public LinuxNetwork(List<String> devices, Scheduler scheduler, String pcapLibrary) {
        this(InterfaceMap.identity(devices), scheduler, pcapLibrary);
    }

    /** {@link #LinuxNetwork(Map, Scheduler, String, int)} at the default real-time priority. */
    public LinuxNetwork(Map<String, String> interfaces, Scheduler scheduler, String pcapLibrary) {
        this(interfaces, scheduler, pcapLibrary, Realtime.DEFAULT_PRIORITY);
    }

    /**
     * @param interfaces       appliance interface name -> Linux device, in the order to show them (see
     *                         {@link InterfaceMap})
     * @param scheduler        where every callback runs; owned by the caller, its thread is put under real-time
     *                         scheduling at {@code realtimePriority} by {@link #start()}
     * @param pcapLibrary      path of libpcap, "" to look in the usual places
     * @param realtimePriority SCHED_FIFO priority of the scheduler's and the receive threads (see {@link Realtime}),
     *                         0 to keep the normal scheduler
     */
    public LinuxNetwork(Map<String, String> interfaces, Scheduler scheduler, String pcapLibrary,
            int realtimePriority) {
        int priority = Realtime.validate(realtimePriority);
        this.devices = InterfaceMap.validate(interfaces);
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler is required");
        this.devices.forEach((name, dev) -> byName.put(name, new Device(name, dev)));
        List<Device> all = List.copyOf(byName.values());
        this.frames = new FramePorts(all, scheduler, pcapLibrary == null ? "" : pcapLibrary, priority);
        this.kernel = new KernelInterfaces(all, scheduler, batch, frames::setPresent);
    }

    /**
     * Checks the host, removes virtual-MAC macvlans a crashed run left behind, sets the ARP sysctls, opens the
     * devices and starts following link changes. Throws {@link IllegalStateException} with a one-line reason.
     */
    public void start() {
        Platform.requireCapabilities();
        frames.start();
        List<IpLink> links = IpLink.parseAll(IpProcess.run("-json", "-details", "addr", "show"));
        for (String stale : VirtualMacs.stale(links)) {
            LOG.info("removing {} left behind by an earlier run", stale);
            try {
                IpProcess.run("link", "del", "dev", stale);
            } catch (IllegalStateException e) {
                LOG.warn(e.getMessage());
            }
        }
        nft.removeStale();
        kernel.start();
    }

    private Device require(String ifname) {
        Device d = byName.get(ifname);
        if (d == null) {
            throw new IllegalArgumentException("no interface named " + ifname);
        }
        return d;
    }

    // ---- Network

    @Override
    public List<NetInterface> interfaces() {
        return kernel.interfaces();
    }

    /** Asks the kernel's main table ({@link KernelRoutes}): every route, not only connected ones. */
    @Override
    public boolean hasRoute(InetAddress prefix, int prefixLength) {
        return KernelRoutes.present(prefix, prefixLength);
    }

    @Override
    public Optional<NetInterface> find(String name) {
        Device d = byName.get(name);
        return d == null ? Optional.empty() : Optional.ofNullable(d.snapshot());
    }

    @Override
    public Registration addInterfaceListener(InterfaceListener listener) {
        return kernel.addInterfaceListener(listener);
    }

    /** Allowed on a configured device that does not exist yet: frames flow once it appears. */
    @Override
    public Registration receive(String interfaceName, FrameKind kind, FrameListener listener) {
        Objects.requireNonNull(kind, "frame kind is required");
        Callbacks.Entry<FrameListener> entry = new Callbacks.Entry<>(listener);
        return frames.receive(require(interfaceName), kind, entry);
    }

    @Override
    public void send(String interfaceName, byte[] ethernetFrame) {
        Objects.requireNonNull(ethernetFrame, "frame is required");
        if (ethernetFrame.length < Frames.ETHERNET_HEADER_LENGTH) {
            throw new IllegalArgumentException("a frame of " + ethernetFrame.length + " bytes has no Ethernet header");
        }
        // no lock: the first advert of a takeover must not wait for the monitor thread reading a dump
        Device d = require(interfaceName);
        NetInterface snap = d.snapshot();
        if (snap == null || !snap.lineProtocolUp()) {
            return;
        }
        frames.send(d, snap.index(), ethernetFrame);
    }

    /** Through a raw IP socket on the device: the kernel resolves the neighbour (docs/linux.md, unicast). */
    @Override
    public void sendIp(String interfaceName, InetAddress destination, byte[] ipPacket) {
        Objects.requireNonNull(destination, "destination is required");
        Objects.requireNonNull(ipPacket, "packet is required");
        Device d = require(interfaceName);
        NetInterface snap = d.snapshot();
        if (snap == null || !snap.lineProtocolUp()) {
            return;
        }
        frames.sendIp(d, snap.index(), destination, ipPacket);
    }

    @Override
    public Scheduler scheduler() {
        return scheduler;
    }

    /**
     * Forced down, the kernel device is put in {@code protodown}: its carrier goes down and it stops passing traffic
     * both ways, while its administrative state (what the operator set with {@code ip link set up/down}) is left
     * alone and shown unchanged. Released, {@code protodown off}: it follows its link again.
     */
    @Override
    public void setLineProtocol(String interfaceName, boolean up) {
        kernel.setLineProtocol(require(interfaceName), up);
    }

    @Override
    public void setAdminState(String interfaceName, boolean up) {
        Device d = require(interfaceName);
        kernel.requirePresent(d);
        batch.submit(List.of("link set dev " + d.dev + (up ? " up" : " down")));
    }

    @Override
    public void setMac(String interfaceName, MacAddress mac) {
        Device d = require(interfaceName);
        KernelInterfaces.Present present = kernel.requirePresent(d);
        if (mac != null && Frames.isGroupAddress(mac)) {
            throw new IllegalArgumentException("MAC " + mac + " for " + interfaceName + " is a group address");
        }
        MacAddress target = mac != null ? mac : present.burnedInMac();
        batch.submit(List.of(VirtualMacs.setMac(d.dev, target)));
    }

    @Override
    public void addMacFilter(String interfaceName, MacAddress mac) {
        kernel.addMacFilter(require(interfaceName), mac);
    }

    @Override
    public void removeMacFilter(String interfaceName, MacAddress mac) {
        kernel.removeMacFilter(require(interfaceName), mac);
    }

    /**
     * IOS {@code interface X.N}: one line for the operator, nothing changed. Without 802.1Q in the kernel (no
     * /proc/net/vlan, as on the CI kernel) no VLAN device can exist; with it, creating one is not done here yet.
     */
    @Override
    public void addVlanSubinterface(String name, String parent, int vlanId) {
        throw new UnsupportedOperationException(java.nio.file.Files.isDirectory(java.nio.file.Path.of("/proc/net/vlan"))
                ? "VLAN devices are not created by the appliance yet: create " + parent + "'s VLAN " + vlanId
                        + " with ip link and list it in org.openvrrs.net.linux"
                : "this kernel has no 802.1Q VLAN support (no /proc/net/vlan): " + name + " not created");
    }

    @Override
    public void addAddress(String interfaceName, InterfaceAddress address) {
        Device d = require(interfaceName);
        kernel.requirePresent(d);
        batch.submit(List.of("addr replace " + address + " dev " + d.dev));
    }

    @Override
    public void removeAddress(String interfaceName, InterfaceAddress address) {
        Device d = require(interfaceName);
        IpLink link = kernel.requirePresent(d).link();
        if (link.addresses().stream().noneMatch(a -> a.address().equals(address.address()))) {
            LOG.warn("{}: address {} is not on the interface; nothing removed", interfaceName, address);
            return;
        }
        batch.submit(List.of("addr del " + address + " dev " + d.dev));
    }

    /**
     * Puts {@code ip} on the macvlan of {@code mac} over the device, creating the macvlan first when needed, in one
     * write to the ip batch process (no fork on the way to Master); {@code mac == null} puts it on the device itself
     * (/32, /128), with the device's own MAC.
     */
    @Override
    public synchronized void addVirtualAddress(String interfaceName, InetAddress ip, MacAddress mac) {
        Objects.requireNonNull(ip, "virtual address is required");
        Device d = require(interfaceName);
        KernelInterfaces.Present present = kernel.requirePresent(d);
        batch.submit(mac == null ? virtualAddresses.addPlain(d, present.burnedInMac(), ip)
                : virtualAddresses.add(d, present.link(), present.burnedInMac(), ip, mac));
    }

    @Override
    public synchronized void removeVirtualAddress(String interfaceName, InetAddress ip) {
        Device d = require(interfaceName);
        if (!virtualAddresses.has(d, ip)) {
            return;
        }
        batch.submit(virtualAddresses.remove(d, kernel.burnedInMac(d), ip));
    }

    /**
     * Accept mode off puts {@code ip} in the nftables table {@value AcceptRules#TABLE} (created with the first such
     * address, deleted with the last), whose input chain drops packets to it except neighbour discovery; the
     * {@code nft} fork runs on a thread of its own.
     */
    @Override
    public synchronized void setAcceptMode(String interfaceName, InetAddress ip, boolean accept) {
        Objects.requireNonNull(ip, "virtual address is required");
        nft.submit(acceptRules.set(require(interfaceName).dev, ip, accept));
    }

    /**
     * Stops following links, removes every macvlan and the nftables table it created, closes the devices and the ip
     * processes.
     */
    @Override
    public void close() {
        List<String> cleanup = new ArrayList<>();
        synchronized (this) {
            Map<Device, List<String>> undo = kernel.stop();
            if (undo == null) {
                return; // closed already
            }
            for (Device d : byName.values()) {
                cleanup.addAll(virtualAddresses.release(d, kernel.burnedInMac(d)));
                cleanup.addAll(undo.get(d));
            }
            nft.submit(acceptRules.release());
        }
        nft.close();
        kernel.close();
        batch.submit(cleanup);
        batch.close();
        frames.close();
        LOG.info("net-linux stopped; {} frames dropped while the scheduler was behind", frames.dropped());
    }

    @Override
    public String toString() {
        return "LinuxNetwork " + devices;
    }
}
