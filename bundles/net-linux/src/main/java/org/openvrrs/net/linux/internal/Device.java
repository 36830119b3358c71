package org.openvrrs.net.linux.internal;

import org.openvrrs.net.api.NetInterface;

/**
 * One configured device: the appliance's name for it, its Linux name, and its latest snapshot. Fixed at construction
 * except the snapshot, which only {@link KernelInterfaces} writes; the send and receive paths read it without a lock.
 */
final class Device {
    /** The appliance's name for it: every Network call and listener callback uses this one. */
    final String name;
    /** The Linux device: every ip command, pcap handle and sysctl uses this one. */
    final String dev;
    /** How logs name it: {@code GigabitEthernet0/0/0 (eth0)}, or just {@code eth0} when the names agree. */
    final String label;
    private volatile NetInterface snapshot;

    Device(String name, String dev) {
        this.name = name;
        this.dev = dev;
        this.label = name.equals(dev) ? name : name + " (" + dev + ")";
    }

    /** What the appliance sees of it now; {@code null} while the device does not exist. */
    NetInterface snapshot() {
        return snapshot;
    }

    /** Only {@link KernelInterfaces}, under its lock. */
    void setSnapshot(NetInterface snapshot) {
        this.snapshot = snapshot;
    }

    @Override
    public String toString() {
        return label;
    }
}
