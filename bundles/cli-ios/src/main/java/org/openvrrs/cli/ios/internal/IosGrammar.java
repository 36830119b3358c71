package org.openvrrs.cli.ios.internal;

import org.openvrrs.cli.ios.internal.parse.Grammar;

/** Every IOS command of the appliance, with the one line of help {@code ?} prints for each keyword. */
final class IosGrammar {
    private IosGrammar() {
    }

    static Grammar<Handler> build(ExecCommands exec, VrrpCommands vrrp) {
        Grammar<Handler> g = new Grammar<>();
        exec.register(g);
        new InterfaceCommands().register(g);
        vrrp.register(g);
        new TrackCommands(vrrp).register(g);
        new AaaCommands().register(g);
        new RadiusCommands().register(g);
        String[][] help = {
            {"aaa", "Authentication, Authorization and Accounting."},
            {"accounting", "Accounting configurations parameters."},
            {"address", "Configure the virtual address (ipv4) or server address (radius)"},
            {"address-family", "Enter the VRRPv3 address-family sub-mode"},
            {"archive", "Archive of the saved configurations"},
            {"arp", "Send gratuitous ARPs with the virtual MAC"},
            {"attribute", "Customize selected radius attributes"},
            {"brief", "Brief output"},
            {"clients", "VRRS clients"},
            {"configure", "Enter configuration mode"},
            {"confirm", "Keep the configuration of a timed configure replace"},
            {"controllers", "Interface controller status"},
            {"copy", "Copy from one file to another"},
            {"database", "VRRS plug-in database"},
            {"debug", "Debugging functions"},
            {"delay", "Delay before the groups of the interface start"},
            {"description", "Interface specific description"},
            {"do", "To run exec commands in config mode"},
            {"duration", "Seconds gratuitous ARPs are sent for"},
            {"encapsulation", "Set encapsulation type for an interface"},
            {"end", "Exit from configure mode"},
            {"exit", "Exit from the current mode"},
            {"fhrp", "FHRP global configuration"},
            {"follow", "Follow a VRRS group name"},
            {"group", "Server group / VRRS group"},
            {"hostname", "Set system's network name"},
            {"interface", "Select an interface to configure"},
            {"interface-state", "Let VRRS control the line protocol"},
            {"interval", "Seconds between gratuitous ARPs"},
            {"ip", "Interface Internet Protocol config commands / virtual IP address"},
            {"ipv6", "IPv6 interface subcommands"},
            {"mac-address", "Let VRRS give the interface the group's virtual MAC"},
            {"memory", "Write to NV memory"},
            {"method", "Accounting method list"},
            {"name", "Redundancy name string"},
            {"no", "Negate a command or set its defaults"},
            {"plugin", "VRRS plug-ins"},
            {"preempt", "Enable preemption of lower priority Master"},
            {"priority", "Priority of this VRRP group"},
            {"radius", "RADIUS server / all RADIUS servers"},
            {"radius-server", "Modify RADIUS query parameters"},
            {"replace", "Replace the running-config with a new config file"},
            {"running-config", "Current operating configuration"},
            {"show", "Show running system information"},
            {"shutdown", "Shutdown the selected interface / group"},
            {"startup-config", "Contents of startup configuration"},
            {"summary", "VRRS summary"},
            {"terminal", "Set terminal line parameters"},
            {"timers", "Set the VRRP timers"},
            {"undebug", "Disable debugging functions"},
            {"vrrp", "VRRP configuration / information"},
            {"vrrs", "VRRS configuration / information"},
            {"write", "Write running configuration to memory"},
        };
        for (String[] h : help) {
            g.help(h[0], h[1]);
        }
        return g;
    }
}
