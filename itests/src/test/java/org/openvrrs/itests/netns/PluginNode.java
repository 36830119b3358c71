package org.openvrrs.itests.netns;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openvrrs.fhrp.vrrp.internal.VrrpRuntime;
import org.openvrrs.net.api.SystemScheduler;
import org.openvrrs.net.linux.internal.LinuxNetwork;
import org.openvrrs.plugin.common.internal.FhrpSite;
import org.openvrrs.plugin.common.internal.PluginInfrastructure;
import org.openvrrs.plugin.common.internal.SubinterfaceSettings;
import org.openvrrs.plugin.ifstate.internal.InterfaceStatePlugin;
import org.openvrrs.plugin.macaddr.internal.MacAddressPlugin;
import org.openvrrs.vrrs.api.AddressFamily;
import org.openvrrs.vrrs.api.MacAddress;
import org.openvrrs.vrrs.api.ServerRegistration;
import org.openvrrs.vrrs.api.ServerUpdate;
import org.openvrrs.vrrs.api.StateReason;
import org.openvrrs.vrrs.api.VrrsState;
import org.openvrrs.vrrs.core.internal.StandaloneRegistry;

/**
 * The appliance's VRRS stack in a plain JVM inside a router namespace, as the bundles run it without the container:
 * net-linux's {@link LinuxNetwork}, vrrs-core's registry, fhrp-vrrp's engine publishing a named group, and the
 * plug-in infrastructure with the Interface-State and MAC-Address plug-ins on the given subinterfaces.
 *
 * <p>Arguments ({@code key=value}): {@code devices=eth0,t10,s10} (the network's devices), {@code follow=NAME},
 * {@code subs=s10,...} (each with interface-state and mac-address), {@code arp=INTERVAL,DURATION} (optional),
 * {@code site=DEV} (the physical interface the FHRP group is declared on to the plug-ins' rules; empty: no FHRP
 * group, as with a test server), {@code g.KEY=V}
 * (an {@code org.openvrrs.vrrp.group} property; a group is started when any is given) and {@code testServer=true}
 * (a VRRS test server for {@code follow} instead, switched by {@code active} / {@code backup} on stdin).
 *
 * <p>Prints {@code READY}, one {@code STATE} line per VRRP state change and, when {@code probe=DEV} is given (the
 * last subinterface), per test-server flip {@code CALLED STATE MILLIS} when the plug-ins have acted on it and
 * {@code SWITCHED ACTIVE|BACKUP MILLIS} once the kernel shows it switched, both from the VRRS update.
 * {@code plugins=ifstate,mac} (default) selects the plug-ins configured. Reads {@code stop} or end of input.
 */
public final class PluginNode {
    private PluginNode() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        Map<String, Object> group = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq < 0) {
                System.err.println("usage: PluginNode key=value... (see the class comment)");
                System.exit(2);
            }
            if (a.startsWith("g.")) {
                group.put(a.substring(2, eq), a.substring(eq + 1));
            } else {
                opts.put(a.substring(0, eq), a.substring(eq + 1));
            }
        }
        List<String> devices = Arrays.asList(opts.get("devices").split(","));
        List<String> subs = Arrays.asList(opts.get("subs").split(","));
        String follow = opts.get("follow");
        String site = opts.getOrDefault("site", devices.get(0));
        String[] arp = opts.getOrDefault("arp", "").split(",");

        SystemScheduler scheduler = new SystemScheduler("lan");
        LinuxNetwork network = new LinuxNetwork(devices, scheduler, "");
        try {
            network.start();
        } catch (IllegalStateException e) {
            System.out.println("ERROR " + e.getMessage());
            System.exit(1);
        }
        StandaloneRegistry registry = new StandaloneRegistry();

        String probe = opts.get("probe");
        long[] flipStart = {0};
        MacAddress vmac = MacAddress.vrrp(AddressFamily.IPV4, Integer.parseInt(opts.getOrDefault("vrid",
                String.valueOf(group.getOrDefault("vrid", "1")))));
        boolean withIfState = opts.getOrDefault("plugins", "ifstate,mac").contains("ifstate");
        boolean withMac = opts.getOrDefault("plugins", "ifstate,mac").contains("mac");
        AutoCloseable vrrpGroup = null;
        VrrpRuntime vrrp = null;
        if (!group.isEmpty()) {
            group.putIfAbsent("interfaceName", devices.get(0));
            group.putIfAbsent("name", follow);
            vrrp = new VrrpRuntime(registry.whiteboard());
            vrrp.addNetwork("local", network);
            vrrpGroup = vrrp.addGroup(group, (key, state, master, priority) -> {
                System.out.println("STATE " + key + " " + state + " " + (master.isEmpty() ? "-" : master));
                System.out.flush();
            });
        }
        ServerRegistration server = null;
        ServerUpdate active = null;
        ServerUpdate backup = null;
        if (Boolean.parseBoolean(opts.getOrDefault("testServer", "false"))) {
            InetAddress vip = InetAddress.getByName("192.0.2.1");
            active = new ServerUpdate(VrrsState.ACTIVE, StateReason.PROTOCOL, AddressFamily.IPV4, vip, vmac,
                    InetAddress.getByName("192.0.2.3"), InetAddress.getByName("192.0.2.2"));
            backup = active.withState(VrrsState.BACKUP, StateReason.PROTOCOL);
            server = registry.publishByHand("VRRP", follow);
            server.update(backup);
        }

        PluginInfrastructure infra = new PluginInfrastructure(registry.whiteboard());
        infra.setRegistry(registry);
        if (!site.isEmpty()) {
            infra.putServer("site", new FhrpSite("local", site, follow, "VRRP group"));
        }
        infra.addNetwork("local", network);
        for (String sub : subs) {
            infra.put("sub-" + sub, new SubinterfaceSettings("local", sub, follow, withIfState, withMac,
                    arp.length == 2,
                    arp.length == 2 ? Integer.parseInt(arp[0]) : SubinterfaceSettings.DEFAULT_ARP_INTERVAL,
                    arp.length == 2 ? Integer.parseInt(arp[1]) : SubinterfaceSettings.DEFAULT_ARP_DURATION));
        }
        infra.addPlugin(new InterfaceStatePlugin());
        infra.addPlugin(new MacAddressPlugin());
        if (probe != null) {
            infra.addPlugin(new CalledProbe(probe, flipStart));
        }
        System.out.println("READY");
        System.out.flush();

        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.trim().equals("stop")) {
            String cmd = line.trim();
            if (server != null && (cmd.equals("active") || cmd.equals("backup"))) {
                boolean toActive = cmd.equals("active");
                flipStart[0] = System.nanoTime();
                server.update(toActive ? active : backup);
                if (probe != null) {
                    awaitKernel(probe, toActive, withIfState, withMac, vmac, flipStart[0]);
                }
            } else if (cmd.equals("database")) {
                List<String> out = new ArrayList<>();
                infra.subinterfaces().forEach(v -> out.add("SUB " + v.settings().where() + " live=" + v.live()
                        + (v.problem() == null ? "" : " problem=" + v.problem())));
                out.forEach(System.out::println);
                System.out.flush();
            }
        }
        infra.close();
        if (vrrpGroup != null) {
            vrrpGroup.close();
        }
        CompletableFuture<Void> drained = new CompletableFuture<>();
        scheduler.execute(() -> drained.complete(null)); // after the resignation and releases queued on it
        drained.get(5, TimeUnit.SECONDS);
        network.close();
        registry.close();
        scheduler.close();
        System.out.println("STOPPED");
        System.out.flush();
    }

    /**
     * Polls the kernel until {@code dev} shows the flip applied (protodown off and operstate UP / protodown on, the
     * virtual / another MAC), then
     * prints {@code SWITCHED ACTIVE|BACKUP MILLIS} since {@code start}. The ip batch applies commands in order, so the
     * last subinterface applied means all are.
     */
    private static void awaitKernel(String dev, boolean active, boolean ifState, boolean mac, MacAddress vmac,
            long start) throws Exception {
        String macText = vmac.toColons();
        long deadline = start + 300_000_000_000L;
        while (System.nanoTime() < deadline) {
            Process p = new ProcessBuilder("ip", "-d", "-j", "link", "show", "dev", dev).redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            // ip -json prints proto_down only when it is set; operstate follows once the kernel's link watch has
            // run (until then the device does not transmit), so both are waited for
            boolean lineOk = !ifState || (out.contains("\"proto_down\":true") != active
                    && out.contains("\"operstate\":\"UP\"") == active);
            boolean macOk = !mac || out.contains("\"address\":\"" + macText + "\"") == active;
            if (lineOk && macOk) {
                System.out.println("SWITCHED " + (active ? "ACTIVE" : "BACKUP") + " "
                        + String.format(java.util.Locale.ROOT, "%.3f", (System.nanoTime() - start) / 1e6));
                System.out.flush();
                return;
            }
            Thread.sleep(10); // each poll forks ip: polling harder would steal the CPU it measures
        }
        System.out.println("SWITCHED " + (active ? "ACTIVE" : "BACKUP") + " TIMEOUT");
        System.out.flush();
    }

    /** Ordered after the real plug-ins: prints {@code CALLED STATE MILLIS} when the last subinterface was acted on. */
    private static final class CalledProbe implements org.openvrrs.plugin.common.api.SubinterfacePlugin {
        private final String last;
        private final long[] start;

        CalledProbe(String last, long[] start) {
            this.last = last;
            this.start = start;
        }

        @Override
        public String name() {
            return "probe";
        }

        @Override
        public int order() {
            return 100;
        }

        @Override
        public boolean configuredOn(org.openvrrs.plugin.common.api.Subinterface s) {
            return true;
        }

        @Override
        public void update(org.openvrrs.plugin.common.api.Subinterface s, org.openvrrs.vrrs.api.GroupState state) {
            if (s.interfaceName().equals(last) && start[0] != 0 && state.hasServer()) {
                System.out.println("CALLED " + state.state() + " "
                        + String.format(java.util.Locale.ROOT, "%.3f", (System.nanoTime() - start[0]) / 1e6));
                System.out.flush();
            }
        }

        @Override
        public void release(org.openvrrs.plugin.common.api.Subinterface s) {
        }
    }
}
