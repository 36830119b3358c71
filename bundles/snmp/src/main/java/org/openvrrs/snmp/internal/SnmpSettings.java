package org.openvrrs.snmp.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import org.openvrrs.config.api.ConfigReader;
import org.openvrrs.snmp.internal.AgentxSubagent.AgentxAddress;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The SNMP subagent's settings ({@value #PID}), validated: off until {@code enabled = true}; then it connects to
 * the master agent's AgentX socket, which must be on this machine (AgentX has no authentication of its own).
 */
record SnmpSettings(boolean enabled, AgentxAddress agentx, boolean notifications) {
    static final String PID = "org.openvrrs.snmp";

    @ObjectClassDefinition(name = "OpenVRRS SNMP", description = "AgentX subagent of net-snmp's snmpd serving "
            + "VRRPV3-MIB, VRRP-MIB and OPENVRRS-VRRS-MIB")
    public @interface Config {
        @AttributeDefinition(description = "Connect to the master agent; false (the default): nothing is served")
        boolean enabled() default false;

        @AttributeDefinition(description = "The master agent's AgentX socket, as snmpd's agentXSocket: "
                + "unix:/PATH (net-snmp's default unix:/var/agentx/master) or tcp:127.0.0.1:705 (loopback only)")
        String agentxSocket() default "unix:/var/agentx/master";

        @AttributeDefinition(description = "Send vrrpv3NewMaster, vrrpv3ProtoError and vrrpTrapNewMaster through "
                + "the master agent (which sends them to its trap destinations)")
        boolean notifications() default true;
    }

    static final ConfigReader<Config, SnmpSettings> READER = ConfigReader.of(Config.class,
            c -> new SnmpSettings(c.enabled(), address(c.agentxSocket()), c.notifications()));

    /** Reads {@code unix:/path}, a bare {@code /path}, or {@code tcp:HOST:PORT} with a loopback HOST. */
    static AgentxAddress address(String text) {
        String t = text.trim();
        if (t.startsWith("unix:") || t.startsWith("/")) {
            String path = t.startsWith("unix:") ? t.substring(5) : t;
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("agentxSocket '" + text + "': the Unix socket path must be "
                        + "absolute");
            }
            return new AgentxAddress("unix:" + path, UnixDomainSocketAddress.of(path));
        }
        if (t.startsWith("tcp:")) {
            int colon = t.lastIndexOf(':');
            String host = t.substring(4, colon > 3 ? colon : t.length()).replace("[", "").replace("]", "");
            int port;
            try {
                port = Integer.parseInt(t.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (colon <= 3 || port < 1 || port > 65535) {
                throw new IllegalArgumentException("agentxSocket '" + text + "': expected tcp:127.0.0.1:PORT");
            }
            InetAddress a;
            try {
                a = InetAddress.getByName(host);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("agentxSocket '" + text + "': unknown host " + host);
            }
            if (!a.isLoopbackAddress()) {
                throw new IllegalArgumentException("agentxSocket '" + text + "': AgentX has no authentication, "
                        + "the master agent must be on this machine (127.0.0.1 or ::1)");
            }
            return new AgentxAddress("tcp:" + host + ":" + port, new InetSocketAddress(a, port));
        }
        throw new IllegalArgumentException("agentxSocket '" + text + "': expected unix:/PATH or tcp:127.0.0.1:PORT");
    }
}
