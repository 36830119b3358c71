package org.openvrrs.itests.netns;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;

/**
 * Harness (a {@code main}, not a test) for the plug-ins on real Linux devices: one VRRS group (a test server in
 * {@link PluginNode}) followed by N subinterfaces in namespace {@code ovp-r2}, each with interface-state and
 * mac-address; each flip is one VRRS update (ACTIVE, BACKUP alternately) until the kernel shows the last
 * subinterface with the virtual (or burned-in) MAC. Prints every sample, median and p99.
 *
 * <p>Subinterface {@code sI} is a macvlan on its own veth {@code tI} (peer {@code uI} in the same namespace): each
 * stands in for a VLAN device with its own lower, because the kernel gives one MAC to at most one macvlan per lower
 * device, while 4,000 VLAN devices of one NIC may all take the virtual MAC.
 *
 * <p>{@code java -cp <itests test class path> org.openvrrs.itests.netns.PluginLinuxBench N FLIPS [PLUGINS] [OPTION...]}
 * as root (PLUGINS: {@code ifstate,mac}, the default, or {@code ifstate}). Options:
 * <ul>
 * <li>{@code ipv6=off}: the subinterfaces (and their stand-in lowers) are created with IPv6 disabled in the
 * namespace. Every carrier change walks the namespace's whole IPv6 routing table (three routes per IPv6 device), so
 * with 12,000 IPv6 devices a protodown costs ~12 ms instead of ~0.05 ms.</li>
 * <li>{@code rcu=expedited}: writes 1 to {@code /sys/kernel/rcu_expedited} for the run (0 again at the end; it is
 * global to the host). A MAC change on an up macvlan waits for one RCU grace period (~12 ms here, in
 * {@code macvlan_sync_address}) where a VLAN device only edits its parent's unicast list; expedited grace periods
 * (~0.1 ms) bring the macvlan stand-in near what a VLAN device costs.</li>
 * </ul>
 */
public final class PluginLinuxBench {
    private PluginLinuxBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int flips = Integer.parseInt(args[1]);
        String plugins = args.length > 2 ? args[2] : "ifstate,mac";
        List<String> options = args.length > 3 ? List.of(args).subList(3, args.length) : List.of();
        boolean ipv6Off = options.contains("ipv6=off");
        boolean expedited = options.contains("rcu=expedited");
        Path rcu = Path.of("/sys/kernel/rcu_expedited");
        String rcuBefore = expedited ? java.nio.file.Files.readString(rcu).trim() : null;
        try {
            if (expedited) {
                java.nio.file.Files.writeString(rcu, "1");
            }
            run(n, flips, plugins, ipv6Off);
        } finally {
            if (expedited) {
                java.nio.file.Files.writeString(rcu, rcuBefore);
            }
        }
    }

    private static void run(int n, int flips, String plugins, boolean ipv6Off) throws Exception {
        try (NetnsLan lan = new NetnsLan(Path.of("target", "netns", "PluginLinuxBench").toAbsolutePath(),
                PluginNetnsIT.PREFIX)) {
            String r2 = lan.addNode("r2", "192.0.2.3/24");
            if (ipv6Off) {
                lan.exec(r2, "sysctl", "-q", "-w", "net.ipv6.conf.default.disable_ipv6=1");
            }
            StringBuilder batch = new StringBuilder();
            List<String> subs = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                String sub = "s" + i;
                subs.add(sub);
                String ip = (i % 2 == 0 ? "198.51.100." : "203.0.113.") + (1 + (i / 2) % 250);
                String lower = "t" + i;
                batch.append("link add ").append(lower).append(" type veth peer name u").append(i).append('\n')
                        .append("link set ").append(lower).append(" up\n")
                        .append("link set u").append(i).append(" up\n")
                        .append("link add ").append(sub).append(" link ").append(lower)
                        .append(" type macvlan mode private\n")
                        .append("addr add ").append(ip).append("/32 dev ").append(sub).append('\n')
                        .append("link set ").append(sub).append(" up\n");
            }
            Path file = lan.logDir().resolve("subs.batch");
            java.nio.file.Files.writeString(file, batch.toString());
            lan.exec(r2, "ip", "-batch", file.toString());
            List<String> devices = new ArrayList<>(List.of("eth0"));
            devices.addAll(subs);
            subs.forEach(sub -> devices.add("t" + sub.substring(1)));
            String last = subs.get(subs.size() - 1);
            OpenVrrsProcess node = new OpenVrrsProcess(lan, r2, PluginNode.class, List.of(
                    "devices=" + String.join(",", devices), "subs=" + String.join(",", subs), "follow=BENCH",
                    "site=", "arp=5,360", "testServer=true", "probe=" + last, "plugins=" + plugins));
            List<Double> samples = new ArrayList<>();
            for (int f = 0; f < flips; f++) {
                String state = f % 2 == 0 ? "ACTIVE" : "BACKUP";
                int before = (int) node.lines().stream().filter(l -> l.startsWith("SWITCHED")).count();
                node.send(state.toLowerCase(java.util.Locale.ROOT));
                Awaitility.await("flip " + f).atMost(Duration.ofSeconds(120)).until(() -> node.lines().stream()
                        .filter(l -> l.startsWith("SWITCHED")).count() > before);
                String line = node.lines().stream().filter(l -> l.startsWith("SWITCHED")).skip(before).findFirst()
                        .orElseThrow();
                double ms = Double.parseDouble(line.split(" ")[2]);
                String called = node.lines().stream().filter(l -> l.startsWith("CALLED " + state)).reduce(
                        (x, y) -> y).orElse("CALLED ? ?");
                System.out.println("flip " + f + " " + state + " kernel " + ms + " ms, plug-ins done "
                        + called.split(" ")[2] + " ms");
                if (f >= 2) {
                    samples.add(ms); // the first two flips warm up the JVM
                }
                Thread.sleep(1000); // a quiet appliance before each failover
            }
            node.stop();
            List<Double> sorted = samples.stream().sorted().toList();
            System.out.printf("N=%d plugins=%s ipv6=%s samples=%d median=%.1f ms p99=%.1f ms max=%.1f ms%n", n,
                    plugins, ipv6Off ? "off" : "on", sorted.size(),
                    sorted.get(sorted.size() / 2), sorted.get(Math.min(sorted.size() - 1,
                            (int) Math.ceil(sorted.size() * 0.99) - 1)), sorted.get(sorted.size() - 1));
        }
    }
}
