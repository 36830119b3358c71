package org.openvrrs.itests.netns;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openvrrs.fhrp.vrrp.internal.VrrpRuntime;
import org.openvrrs.net.api.SystemScheduler;
import org.openvrrs.net.linux.internal.LinuxNetwork;

/**
 * Several VRRP groups and track objects in a plain JVM inside a router namespace, as {@link OpenVrrsNode} runs one
 * group: {@code TrackingNode eth0,up0 track:id=1;type=interface;interfaceName=up0
 * group:interfaceName=eth0;vrid=1;addresses=192.0.2.1;priority=200;track=1 decrement 100}. The first argument lists
 * the devices (each under its own name); {@code track:} entries are {@code org.openvrrs.track} properties,
 * {@code group:} entries {@code org.openvrrs.vrrp.group} ones, separated by ';' (a list value by ','). Prints
 * {@code READY}, one {@code STATE KEY STATE MASTER PRIORITY} line per change; reads {@code track} (prints
 * {@code show track} as {@code TRACK} lines, then {@code TRACK-END}) and {@code stop}.
 */
public final class TrackingNode {
    private TrackingNode() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> devices = new LinkedHashMap<>();
        for (String d : args[0].split(",")) {
            devices.put(d, d);
        }
        SystemScheduler scheduler = new SystemScheduler("vrrp");
        LinuxNetwork network = new LinuxNetwork(devices, scheduler, "");
        try {
            network.start();
        } catch (IllegalStateException e) {
            System.out.println("ERROR " + e.getMessage());
            System.exit(1);
        }
        VrrpRuntime vrrp = new VrrpRuntime();
        vrrp.addNetwork("local", network);
        List<AutoCloseable> groups = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            Map<String, Object> props = new LinkedHashMap<>();
            String entry = args[i].substring(args[i].indexOf(':') + 1);
            for (String kv : entry.split(";")) {
                int eq = kv.indexOf('=');
                String key = kv.substring(0, eq);
                String value = kv.substring(eq + 1);
                props.put(key, key.equals("track") ? value.split(",") : value);
            }
            if (args[i].startsWith("track:")) {
                vrrp.addTrack(props);
            } else {
                groups.add(vrrp.addGroup(props, (key, state, master, priority) -> {
                    System.out.println("STATE " + key + " " + state + " " + (master.isEmpty() ? "-" : master) + " "
                            + priority);
                    System.out.flush();
                }));
            }
        }
        System.out.println("READY");
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.trim().equals("stop")) {
            if (line.trim().equals("track")) {
                vrrp.showTrack().lines().forEach(l -> System.out.println("TRACK " + l));
                System.out.println("TRACK-END");
                System.out.flush();
            }
        }
        for (AutoCloseable g : groups) {
            g.close();
        }
        CompletableFuture<Void> drained = new CompletableFuture<>();
        scheduler.execute(() -> drained.complete(null));
        drained.get(5, TimeUnit.SECONDS);
        network.close();
        scheduler.close();
        System.out.println("STOPPED");
        System.out.flush();
    }
}
