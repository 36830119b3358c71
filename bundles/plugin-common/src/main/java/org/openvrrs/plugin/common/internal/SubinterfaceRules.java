package org.openvrrs.plugin.common.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.openvrrs.net.api.NetInterface;

/**
 * The guide's restrictions on a plug-in subinterface, one message each: it exists and is a subinterface, has an IP
 * address, runs no FHRP itself, and shares the physical interface of the FHRP group it follows. MAC-Address without
 * Interface-State is accepted with a warning: the guide's own MAC-Address example configures it alone, but then the
 * standby router's copy of the subinterface keeps answering ARP with its burned-in MAC.
 */
public final class SubinterfaceRules {
    private SubinterfaceRules() {
    }

    /** Errors refuse the configuration; warnings are told to the operator. */
    public record Verdict(List<String> errors, List<String> warnings) {
        public boolean accepted() {
            return errors.isEmpty();
        }
    }

    /**
     * @param lookup the interfaces of the subinterface's network by name
     * @param sites  every FHRP group configured
     */
    public static Verdict check(SubinterfaceSettings s, Function<String, Optional<NetInterface>> lookup,
            List<FhrpSite> sites) {
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Optional<NetInterface> found = lookup.apply(s.interfaceName());
        if (found.isEmpty()) {
            errors.add("no interface named " + s.interfaceName() + " on network " + s.network());
            return new Verdict(errors, warnings);
        }
        NetInterface iface = found.get();
        if (iface.parent() == null) {
            errors.add(s.where() + " is not a subinterface: VRRS plug-ins go on subinterfaces sharing the physical "
                    + "interface of the FHRP group they follow");
        }
        if (iface.addresses().isEmpty()) {
            errors.add(s.where() + " has no IP address: configure one before the VRRS plug-ins");
        }
        for (FhrpSite site : sites) {
            if (site.network().equals(s.network()) && site.interfaceName().equals(s.interfaceName())) {
                errors.add(s.where() + " runs " + site.label() + ": VRRS plug-ins go on subinterfaces without an FHRP");
            }
        }
        String physical = iface.parent() == null ? iface.name() : iface.parent();
        List<FhrpSite> serving = sites.stream().filter(site -> site.vrrsName().equals(s.follow())).toList();
        for (FhrpSite site : serving) {
            String sitePhysical = !site.network().equals(s.network()) ? null
                    : lookup.apply(site.interfaceName()).map(i -> i.parent() == null ? i.name() : i.parent())
                            .orElse(site.interfaceName());
            if (!physical.equals(sitePhysical)) {
                errors.add("VRRS name " + s.follow() + " is served by " + site.label() + " on "
                        + (site.network().equals("local") ? "" : site.network() + "/") + site.interfaceName()
                        + ", which does not share the physical interface " + physical + " of " + s.where());
            }
        }
        if (serving.isEmpty()) {
            warnings.add("no FHRP group here publishes VRRS name " + s.follow() + ": " + s.where()
                    + " follows it as \"no VRRS server\" until one does");
        }
        if (s.macAddress() && !s.interfaceState()) {
            warnings.add("mac-address without interface-state on " + s.where() + ": the guide asks for both, or the "
                    + "standby router's " + s.interfaceName() + " keeps answering for the same address");
        }
        return new Verdict(errors, warnings);
    }
}
