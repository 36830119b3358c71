package org.openvrrs.net.sim.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openvrrs.net.api.InterfaceAddress;
import org.openvrrs.net.api.Scheduler;
import org.openvrrs.net.sim.SimHost;
import org.openvrrs.net.sim.SimLan;
import org.openvrrs.net.sim.SimRouter;
import org.openvrrs.vrrs.api.MacAddress;

/**
 * A simulated LAN built from one-line specs, so the demo's topology lives in a configuration file:
 * {@code ROUTER IFNAME LAN MAC ADDRESS/PREFIX...} per router interface, {@code ROUTER PARENT VLAN ADDRESS/PREFIX...}
 * per VLAN subinterface (named {@code PARENT.VLAN}, as the VRRS plug-ins' examples need) and
 * {@code HOST LAN MAC ADDRESS/PREFIX [vlan N]} per host.
 */
public final class SimTopology {
    private final Map<String, SimLan> lans = new LinkedHashMap<>();
    private final Map<String, SimRouter> routers = new LinkedHashMap<>();
    private final Map<String, SimHost> hosts = new LinkedHashMap<>();

    /** Each array entry may hold several specs separated by commas (a .cfg file's single-line form). */
    public SimTopology(Scheduler scheduler, String[] interfaceSpecs, String[] hostSpecs) {
        this(scheduler, interfaceSpecs, new String[0], hostSpecs);
    }

    /** With VLAN subinterfaces, each on a physical interface of {@code interfaceSpecs}. */
    public SimTopology(Scheduler scheduler, String[] interfaceSpecs, String[] subinterfaceSpecs, String[] hostSpecs) {
        for (String spec : split(interfaceSpecs)) {
            String[] w = words(spec, 4, "interface", "ROUTER IFNAME LAN MAC [ADDRESS/PREFIX...]");
            SimLan lan = lans.computeIfAbsent(w[2], n -> new SimLan(n, scheduler));
            SimRouter router = routers.computeIfAbsent(w[0], n -> new SimRouter(n, scheduler));
            router.addInterface(w[1], lan, mac(spec, w[3]), addresses(spec, Arrays.copyOfRange(w, 4, w.length)));
        }
        for (String spec : split(subinterfaceSpecs)) {
            String[] w = words(spec, 3, "subinterface", "ROUTER PARENT VLAN [ADDRESS/PREFIX...]");
            SimRouter router = routers.get(w[0]);
            if (router == null || !w[2].matches("\\d{1,4}")) {
                throw new IllegalArgumentException("subinterface '" + spec + "': " + (router == null
                        ? "no router " + w[0] + " among the interfaces" : "VLAN '" + w[2] + "' is not 1-4094"));
            }
            try {
                router.addSubinterface(w[1], Integer.parseInt(w[2]),
                        addresses(spec, Arrays.copyOfRange(w, 3, w.length)));
            } catch (IllegalArgumentException e) {
                throw e.getMessage().startsWith("'") ? e
                        : new IllegalArgumentException("subinterface '" + spec + "': " + e.getMessage());
            }
        }
        for (String spec : split(hostSpecs)) {
            String[] w = words(spec, 4, "host", "HOST LAN MAC ADDRESS/PREFIX [vlan N]");
            int vlan = 0;
            int end = w.length;
            if (w.length >= 6 && w[w.length - 2].equals("vlan")) {
                if (!w[w.length - 1].matches("\\d{1,4}")) {
                    throw new IllegalArgumentException("host '" + spec + "': VLAN '" + w[w.length - 1]
                            + "' is not 1-4094");
                }
                vlan = Integer.parseInt(w[w.length - 1]);
                end -= 2;
            }
            SimLan lan = lans.computeIfAbsent(w[1], n -> new SimLan(n, scheduler));
            InterfaceAddress[] a = addresses(spec, Arrays.copyOfRange(w, 3, end));
            if (a.length != 1) {
                throw new IllegalArgumentException("host '" + spec + "': one ADDRESS/PREFIX expected");
            }
            hosts.put(w[0], new SimHost(w[0], lan, mac(spec, w[2]), a[0], vlan));
        }
    }

    private static List<String> split(String[] entries) {
        List<String> specs = new ArrayList<>();
        for (String e : entries == null ? new String[0] : entries) {
            for (String spec : e.split(",")) {
                if (!spec.isBlank()) {
                    specs.add(spec.trim());
                }
            }
        }
        return specs;
    }

    public Map<String, SimRouter> routers() {
        return routers;
    }

    public Map<String, SimHost> hosts() {
        return hosts;
    }

    public Map<String, SimLan> lans() {
        return lans;
    }

    private static String[] words(String spec, int min, String what, String form) {
        String[] w = spec == null ? new String[0] : spec.trim().split("\\s+");
        if (w.length < min) {
            throw new IllegalArgumentException(what + " '" + spec + "' is not " + form);
        }
        return w;
    }

    private static MacAddress mac(String spec, String text) {
        try {
            return MacAddress.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + spec + "': " + e.getMessage());
        }
    }

    private static InterfaceAddress[] addresses(String spec, String[] texts) {
        List<InterfaceAddress> list = new ArrayList<>();
        for (String t : texts) {
            try {
                list.add(InterfaceAddress.parse(t));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + spec + "': " + e.getMessage());
            }
        }
        return list.toArray(new InterfaceAddress[0]);
    }
}
