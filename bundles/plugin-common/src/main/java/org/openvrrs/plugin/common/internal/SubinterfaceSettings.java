package org.openvrrs.plugin.common.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openvrrs.config.api.ConfigReader;
import org.openvrrs.net.api.Network;
import org.openvrrs.plugin.common.api.Subinterface;
import org.openvrrs.vrrs.api.VrrsRegistry;

/**
 * One subinterface's plug-in configuration ({@value #FACTORY_PID} factory configuration), validated: read by
 * {@link #READER} the same way by the component and by the shell commands, so a refused change writes nothing.
 */
public record SubinterfaceSettings(String network, String interfaceName, String follow, boolean interfaceState,
        boolean macAddress, boolean arp, int arpIntervalSeconds, int arpDurationSeconds) {
    public static final String FACTORY_PID = "org.openvrrs.plugin.subinterface";
    /** {@code vrrs mac-address arp} alone: the guide's example values. */
    public static final int DEFAULT_ARP_INTERVAL = 5;
    public static final int DEFAULT_ARP_DURATION = 360;
    static final int MAX_SECONDS = 86_400;
    /** The one reader of a subinterface's configuration: the component and the shell commands. */
    public static final ConfigReader<SubinterfaceComponent.Config, SubinterfaceSettings> READER =
            ConfigReader.of(SubinterfaceComponent.Config.class, SubinterfaceSettings::of);

    public SubinterfaceSettings {
        network = network == null || network.isBlank() ? Network.LOCAL : network.trim();
        if (interfaceName == null || interfaceName.isBlank()) {
            throw new IllegalArgumentException("interfaceName is required");
        }
        interfaceName = interfaceName.trim();
        if (follow == null || !follow.trim().matches("\\S{1," + VrrsRegistry.MAX_NAME_LENGTH + "}")) {
            throw new IllegalArgumentException("follow '" + follow + "' of " + interfaceName + " is not a VRRS name (1-"
                    + VrrsRegistry.MAX_NAME_LENGTH + " visible characters, no spaces)");
        }
        follow = follow.trim();
        if (arpIntervalSeconds < 1 || arpIntervalSeconds > MAX_SECONDS) {
            throw new IllegalArgumentException("arp interval " + arpIntervalSeconds + " is outside 1-" + MAX_SECONDS
                    + " seconds");
        }
        if (arpDurationSeconds < arpIntervalSeconds || arpDurationSeconds > MAX_SECONDS) {
            throw new IllegalArgumentException("arp duration " + arpDurationSeconds + " is outside " + arpIntervalSeconds
                    + " (the interval)-" + MAX_SECONDS + " seconds");
        }
    }

    /** The typed configuration, validated; throws with the operator's message when it is not valid. */
    public static SubinterfaceSettings of(SubinterfaceComponent.Config c) {
        return new SubinterfaceSettings(c.network(), c.interfaceName(), c.follow(), c.interfaceState(), c.macAddress(),
                c.arp(), c.arpInterval(), c.arpDuration());
    }

    /** {@link #READER} on Config Admin properties. */
    public static SubinterfaceSettings parse(Map<String, ?> properties) {
        return READER.read(properties);
    }

    /** The properties written to Config Admin. */
    public Map<String, Object> toProperties() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("network", network.equals(Network.LOCAL) ? "" : network);
        m.put("interfaceName", interfaceName);
        m.put("follow", follow);
        m.put("interfaceState", interfaceState);
        m.put("macAddress", macAddress);
        m.put("arp", arp);
        m.put("arpInterval", arpIntervalSeconds);
        m.put("arpDuration", arpDurationSeconds);
        return m;
    }

    public String where() {
        return Subinterface.where(network, interfaceName);
    }
}
