package org.openvrrs.net.linux.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the host must offer (capabilities, libpcap) and the sysctls the appliance sets itself, with clear errors. */
final class Platform {
    private static final Logger LOG = LoggerFactory.getLogger(Platform.class);
    static final int CAP_NET_ADMIN = 12;
    static final int CAP_NET_RAW = 13;
    /** Where Debian, Red Hat and Alpine keep libpcap; Debian's libpcap0.8 has only libpcap.so.0.8. */
    static final List<String> LIBRARY_DIRS = List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
            "/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib", "/lib");
    static final String PCAP_LIB_PROPERTY = "org.pcap4j.core.pcapLibName";

    private Platform() {
    }

    /** The effective capability mask from {@code /proc/self/status} text, -1 when absent. */
    static long effectiveCapabilities(String procStatus) {
        return procStatus.lines().filter(l -> l.startsWith("CapEff:")).findFirst()
                .map(l -> Long.parseUnsignedLong(l.substring(7).trim(), 16)).orElse(-1L);
    }

    static boolean has(long caps, int capability) {
        return caps == -1 || (caps & (1L << capability)) != 0;
    }

    /** Throws a one-line explanation when this JVM lacks CAP_NET_ADMIN or CAP_NET_RAW. */
    static void requireCapabilities() {
        long caps;
        try {
            caps = effectiveCapabilities(Files.readString(Path.of("/proc/self/status"), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return; // not Linux-like; the first ip or pcap call will say what is wrong
        }
        if (!has(caps, CAP_NET_ADMIN) || !has(caps, CAP_NET_RAW)) {
            throw new IllegalStateException("net-linux needs CAP_NET_ADMIN and CAP_NET_RAW: run OpenVRRS as root or "
                    + "grant them to its JVM (e.g. systemd AmbientCapabilities=CAP_NET_ADMIN CAP_NET_RAW)");
        }
    }

    /** {@code configured} when set, else the first libpcap.so[.N...] found in {@link #LIBRARY_DIRS}. */
    static Optional<Path> findLibpcap(String configured, List<String> dirs) {
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured.trim());
            return Files.isReadable(p) ? Optional.of(p) : Optional.empty();
        }
        for (String dir : dirs) {
            Path d = Path.of(dir);
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> files = Files.list(d)) {
                Optional<Path> found = files.filter(f -> f.getFileName().toString().matches("libpcap\\.so(\\.\\d+)*"))
                        .sorted().findFirst();
                if (found.isPresent()) {
                    return found;
                }
            } catch (IOException e) {
                LOG.debug("cannot list {}: {}", dir, e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** Points pcap4j at libpcap before its native mappings load. */
    static Path configureLibpcap(String configured) {
        Path lib = findLibpcap(configured, LIBRARY_DIRS).orElseThrow(() -> new IllegalStateException(
                configured == null || configured.isBlank()
                        ? "libpcap not found in " + LIBRARY_DIRS + ": install it (Debian: apt-get install libpcap0.8)"
                        + " or set pcapLibrary in org.openvrrs.net.linux"
                        : "libpcap " + configured + " (pcapLibrary in org.openvrrs.net.linux) is not readable"));
        System.setProperty(PCAP_LIB_PROPERTY, lib.toString());
        return lib;
    }

    /**
     * What the appliance needs of the kernel so a virtual IP on a macvlan is answered with the virtual MAC only:
     * arp_ignore=1 (answer ARP only for addresses of the receiving device; otherwise the parent answers for the
     * virtual IP with its burned-in MAC) and arp_announce=2 (ARP requests from the parent use its own address).
     */
    static void setArpSysctls(String device) {
        writeSysctl("net/ipv4/conf/" + device + "/arp_ignore", "1");
        writeSysctl("net/ipv4/conf/" + device + "/arp_announce", "2");
    }

    static void writeSysctl(String key, String value) {
        Path p = Path.of("/proc/sys", key);
        try {
            Files.writeString(p, value);
        } catch (IOException e) {
            LOG.warn("cannot set sysctl {}={}: {}", key.replace('/', '.'), value, e.getMessage());
        }
    }
}
