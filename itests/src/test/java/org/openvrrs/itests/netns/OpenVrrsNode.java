package org.openvrrs.itests.netns;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openvrrs.fhrp.vrrp.internal.VrrpRuntime;
import org.openvrrs.net.api.SystemScheduler;
import org.openvrrs.net.linux.internal.LinuxNetwork;
import org.openvrrs.vrrs.core.internal.StandaloneRegistry;

/**
 * OpenVRRS's data plane and VRRP engine in a plain JVM, started by the namespace tests inside a router namespace
 * ({@code ip netns exec NS java -cp ... OpenVrrsNode eth0 vrid=1 addresses=192.0.2.1 priority=100}; the interface as
 * {@code NAME=DEVICE} runs the group on the appliance name {@code NAME} for Linux device {@code DEVICE}): net-linux and
 * fhrp-vrrp exactly as the bundles run them, without the container. Prints {@code READY} and one {@code STATE} line
 * per state change on stdout; reads {@code stop} (graceful: a Master resigns with priority 0) or end of input,
 * {@code status}, {@code statistics} (prints {@code vrrp:statistics} as {@code STATS} lines, then
 * {@code STATS-END}) and {@code vrrs NAME} (prints {@code vrrs:group NAME} as {@code VRRS} lines, then {@code VRRS-END}).
 */
public final class OpenVrrsNode {
    private OpenVrrsNode() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: OpenVrrsNode [NAME=]DEVICE key=value... (org.openvrrs.vrrp.group properties)");
            System.exit(2);
        }
        int named = args[0].indexOf('=');
        String interfaceName = named < 0 ? args[0] : args[0].substring(0, named);
        String device = args[0].substring(named + 1);
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("interfaceName", interfaceName);
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            group.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        SystemScheduler scheduler = new SystemScheduler("vrrp");
        LinuxNetwork network = new LinuxNetwork(Map.of(interfaceName, device), scheduler, "");
        try {
            network.start();
        } catch (IllegalStateException e) {
            System.out.println("ERROR " + e.getMessage());
            System.exit(1);
        }
        StandaloneRegistry vrrs = new StandaloneRegistry();
        VrrpRuntime vrrp = new VrrpRuntime(vrrs.whiteboard());
        vrrp.addNetwork("local", network);
        AutoCloseable handle = vrrp.addGroup(group, (key, state, master, priority) -> {
            System.out.println("STATE " + key + " " + state + " " + (master.isEmpty() ? "-" : master));
            System.out.flush();
        });
        System.out.println("READY");
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.trim().equals("stop")) {
            if (line.trim().equals("status")) {
                vrrp.status().forEach(s -> System.out.println("STATUS " + s));
                System.out.flush();
            } else if (line.trim().equals("statistics")) {
                // what `vrrp:statistics` shows on the appliance
                vrrp.statistics().lines().forEach(l -> System.out.println("STATS " + l));
                System.out.println("STATS-END");
                System.out.flush();
            } else if (line.startsWith("vrrs ")) {
                // what `vrrs:group NAME` shows on the appliance
                vrrs.showGroup(line.substring(5).trim()).lines().forEach(l -> System.out.println("VRRS " + l));
                System.out.println("VRRS-END");
                System.out.flush();
            }
        }
        handle.close();
        CompletableFuture<Void> drained = new CompletableFuture<>();
        scheduler.execute(() -> drained.complete(null)); // after the resignation the removal queued
        drained.get(5, TimeUnit.SECONDS);
        network.close();
        scheduler.close();
        vrrs.close();
        System.out.println("STOPPED");
        System.out.flush();
    }
}
