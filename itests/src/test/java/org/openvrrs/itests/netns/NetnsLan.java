package org.openvrrs.itests.netns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.Assume;

/**
 * A test LAN built from network namespaces: a switch namespace with a Linux bridge (multicast snooping off, so VRRP
 * multicast to 224.0.0.18 / ff02::12 is flooded) and one namespace per router or host, each with an {@code eth0}
 * veth into the bridge. Every name starts with the LAN's prefix ({@value #PREFIX} unless given), so test classes
 * run at the same time with different prefixes leave each other alone; {@link #close()} removes the namespaces and
 * the processes started in them, and a new LAN first removes what a crashed run with its prefix left. Addresses must be documentation
 * ones (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32, fe80::/10): anything else is refused.
 */
public final class NetnsLan implements AutoCloseable {
    public static final String PREFIX = "ovt-";
    private static final List<String> DOCUMENTATION = List.of("192.0.2.", "198.51.100.", "203.0.113.", "2001:db8:",
            "fe80:");

    private final Map<String, String> nodes = new LinkedHashMap<>();
    private final List<Process> processes = new ArrayList<>();
    private final Path logDir;
    private final String prefix;
    private final String switchNs;

    /** A LAN with the default prefix {@value #PREFIX}; see {@link #NetnsLan(Path, String)}. */
    public NetnsLan(Path logDir) {
        this(logDir, PREFIX);
    }

    /**
     * Skips the calling test (JUnit assumption) unless this JVM is root and {@code ip netns} works, removes what a
     * crashed run with {@code prefix} left, then builds the switch. Logs and captures of processes go to
     * {@code logDir}.
     *
     * @param prefix starts every namespace name of this LAN, e.g. {@code ovt-}; letters, digits and '-' only
     */
    public NetnsLan(Path logDir, String prefix) {
        assumeAvailable();
        if (!prefix.matches("[a-z0-9-]{2,6}")) {
            throw new IllegalArgumentException("namespace prefix '" + prefix + "': 2-6 of a-z, 0-9, '-'");
        }
        this.prefix = prefix;
        this.switchNs = prefix + "sw";
        this.logDir = logDir;
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + logDir + ": " + e.getMessage());
        }
        removeLeftovers(prefix);
        ip("netns", "add", switchNs);
        ip("-n", switchNs, "link", "set", "lo", "up");
        ip("-n", switchNs, "link", "add", "br0", "type", "bridge", "mcast_snooping", "0");
        ip("-n", switchNs, "link", "set", "br0", "up");
    }

    /** Skips the test with a reason unless root and {@code ip netns} are available. */
    public static void assumeAvailable() {
        Assume.assumeTrue("namespace tests need root (they create network namespaces); skipped",
                "root".equals(System.getProperty("user.name")));
        Result r = run(List.of("ip", "netns", "list"));
        Assume.assumeTrue("'ip netns' does not work here (" + r.output.trim() + "); namespace tests skipped",
                r.exitCode == 0);
    }

    /** Skips the test unless {@code program} is installed (e.g. keepalived, tcpdump, tshark). */
    public static void assumeInstalled(String program, String debianPackage) {
        Result r = run(List.of("sh", "-c", "command -v " + program));
        Assume.assumeTrue(program + " is not installed (Debian package " + debianPackage + "); test skipped",
                r.exitCode == 0);
    }

    /** Deletes every {@value #PREFIX} namespace and ends the processes still running in it. */
    public static void removeLeftovers() {
        removeLeftovers(PREFIX);
    }

    /** Deletes every namespace whose name starts with {@code prefix} and ends the processes still running in it. */
    public static void removeLeftovers(String prefix) {
        for (String line : run(List.of("ip", "netns", "list")).output.split("\n")) {
            String ns = line.split("\\s+")[0];
            if (ns.startsWith(prefix)) {
                killAll(ns);
                run(List.of("ip", "netns", "del", ns));
            }
        }
    }

    /**
     * Adds namespace <i>prefix</i>{@code name} with {@code eth0} on the bridge, up, with the given addresses
     * (IPv6 ones without duplicate address detection) and IPv6 DAD off, so link-locals are usable at once.
     *
     * @return the namespace's name
     */
    public String addNode(String name, String... cidrs) {
        for (String cidr : cidrs) {
            if (DOCUMENTATION.stream().noneMatch(cidr::startsWith)) {
                throw new IllegalArgumentException(cidr + " is not a documentation address");
            }
        }
        String ns = prefix + name;
        String port = "v-" + name;
        ip("netns", "add", ns);
        nodes.put(name, ns);
        exec(ns, "sysctl", "-qw", "net.ipv6.conf.all.accept_dad=0", "net.ipv6.conf.default.accept_dad=0");
        ip("-n", ns, "link", "set", "lo", "up");
        ip("-n", switchNs, "link", "add", port, "type", "veth", "peer", "name", "eth0", "netns", ns);
        ip("-n", switchNs, "link", "set", port, "master", "br0", "up");
        for (String cidr : cidrs) {
            if (cidr.contains(":")) {
                ip("-n", ns, "addr", "add", cidr, "dev", "eth0", "nodad");
            } else {
                ip("-n", ns, "addr", "add", cidr, "dev", "eth0");
            }
        }
        ip("-n", ns, "link", "set", "eth0", "up");
        return ns;
    }

    /**
     * Adds another bridge to the switch (a second broadcast domain, e.g. standing in for a VLAN), multicast snooping
     * off like {@code br0}.
     */
    public void addBridge(String bridge) {
        ip("-n", switchNs, "link", "add", bridge, "type", "bridge", "mcast_snooping", "0");
        ip("-n", switchNs, "link", "set", bridge, "up");
    }

    /**
     * Connects namespace {@code ns} (one of this LAN's) to the switch's {@code bridge} with a new veth named
     * {@code device} on its side, up, without addresses.
     */
    public void connect(String ns, String device, String bridge) {
        if (!nodes.containsValue(ns)) {
            throw new IllegalArgumentException(ns + " is not a namespace of this LAN");
        }
        String port = "v-" + ns.substring(prefix.length()) + "-" + device;
        if (port.length() > 15) {
            throw new IllegalArgumentException("switch port name " + port + " longer than 15 characters");
        }
        ip("-n", switchNs, "link", "add", port, "type", "veth", "peer", "name", device, "netns", ns);
        ip("-n", switchNs, "link", "set", port, "master", bridge, "up");
        ip("-n", ns, "link", "set", device, "up");
    }

    /** Runs {@code command} in {@code ns} and returns its output; fails the test when it fails. */
    public String exec(String ns, String... command) {
        Result r = tryExec(ns, command);
        if (r.exitCode != 0) {
            throw new AssertionError("in " + ns + ": " + String.join(" ", command) + " failed (" + r.exitCode + "): "
                    + r.output.trim());
        }
        return r.output;
    }

    /** Runs {@code command} in {@code ns}; the caller looks at the exit code. */
    public Result tryExec(String ns, String... command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        full.addAll(Arrays.asList(command));
        return run(full);
    }

    /**
     * Starts {@code command} in {@code ns} in the background, stdout and stderr to {@code logDir/logName}; it is
     * ended at {@link #close()} if still running.
     */
    public Process start(String ns, String logName, List<String> command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        full.addAll(command);
        try {
            Process p = new ProcessBuilder(full).redirectErrorStream(true)
                    .redirectOutput(logDir.resolve(logName).toFile()).start();
            processes.add(p);
            return p;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + full + ": " + e.getMessage());
        }
    }

    /** Adds a process started elsewhere (e.g. with piped output) to those ended at {@link #close()}. */
    public void track(Process p) {
        processes.add(p);
    }

    /**
     * SIGKILLs every process in {@code ns}: what a crash looks like to its peers. All are stopped first, so a child
     * cannot react to its parent's death (keepalived's VRRP child would otherwise resign gracefully).
     */
    public static void killAll(String ns) {
        List<String> pids = new ArrayList<>();
        for (String pid : run(List.of("ip", "netns", "pids", ns)).output.split("\\s+")) {
            if (pid.matches("\\d+")) {
                pids.add(pid);
            }
        }
        if (pids.isEmpty()) {
            return;
        }
        List<String> stop = new ArrayList<>(List.of("kill", "-STOP"));
        stop.addAll(pids);
        run(stop);
        List<String> kill = new ArrayList<>(List.of("kill", "-KILL"));
        kill.addAll(pids);
        run(kill);
    }

    public Path logDir() {
        return logDir;
    }

    /** Ends the processes started here and deletes the namespaces. Idempotent. */
    @Override
    public void close() {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(3, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        processes.clear();
        for (String ns : nodes.values()) {
            killAll(ns);
            run(List.of("ip", "netns", "del", ns));
        }
        nodes.clear();
        killAll(switchNs);
        run(List.of("ip", "netns", "del", switchNs));
    }

    private static void ip(String... args) {
        List<String> full = new ArrayList<>(List.of("ip"));
        full.addAll(Arrays.asList(args));
        Result r = run(full);
        if (r.exitCode != 0) {
            throw new AssertionError(String.join(" ", full) + " failed: " + r.output.trim());
        }
    }

    /** A finished command: exit code and combined output. */
    public record Result(int exitCode, String output) {
    }

    static Result run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, out + " (timed out)");
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }
}
