package org.openvrrs.plugin.accounting.internal.shell;

import java.util.HashMap;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openvrrs.plugin.accounting.internal.ConfigParser;
import org.osgi.service.cm.ConfigurationAdmin;

/** {@code radius server NAME} with {@code address ipv4 A acct-port P}, {@code key}, {@code timeout}, {@code retransmit}. */
@Service
@Command(scope = "aaa", name = "radius-server", description = "Creates or changes a RADIUS accounting server. The "
        + "key is stored in Config Admin and never shown.")
public class RadiusServerCommand implements Action {
    @Reference
    ConfigurationAdmin configAdmin;

    @Argument(index = 0, name = "name", required = true, description = "server name")
    String name;

    @Option(name = "--address", description = "IPv4 or IPv6 address")
    String address;

    @Option(name = "--acct-port", description = "accounting port (1813)")
    int acctPort = 1813;

    @Option(name = "--key", description = "shared secret")
    String key;

    @Option(name = "--timeout", description = "seconds to wait for a response (5)")
    int timeout = 5;

    @Option(name = "--retransmit", description = "resends before the next server (3)")
    int retransmit = 3;

    @Override
    public Object execute() throws Exception {
        Map<String, Object> p = new HashMap<>();
        p.put("address", address == null ? "" : address);
        p.put("acctPort", acctPort);
        p.put("secret", key == null ? "" : key);
        p.put("timeout", timeout);
        p.put("retransmit", retransmit);
        return ConfigCommandSupport.apply(configAdmin, ConfigParser.SERVER_PID, name, p,
                "RADIUS server " + name + " " + address + " acct-port " + acctPort + " configured");
    }
}
