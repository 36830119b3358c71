package org.openvrrs.cli.ios.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openvrrs.cli.ios.internal.parse.InterfaceNames;
import org.openvrrs.config.api.ConfigReader;
import org.openvrrs.net.api.InterfaceAddress;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One interface's IOS settings ({@value #FACTORY_PID} factory configuration, one entry per interface configured with
 * {@code interface X}): its IPv4 addresses (primary first, then {@code secondary}), IPv6 addresses, 802.1Q VLAN,
 * {@code shutdown} and {@code description}. Once an interface has an entry, its addresses are what the entry says
 * ({@code no ip address} removes them all); an interface never configured here keeps what it has.
 */
public record InterfaceSettings(String interfaceName, List<String> addresses, List<String> ipv6Addresses, int vlan,
        boolean nativeVlan, boolean shutdown, String description) {
    public static final String FACTORY_PID = "org.openvrrs.interface";

    @ObjectClassDefinition(name = "OpenVRRS interface", description = "IOS settings of one interface of the "
            + "appliance's own network (interface X / ip address / encapsulation dot1Q / shutdown / description)")
    public @interface Config {
        @AttributeDefinition(description = "Interface name, e.g. GigabitEthernet0/0/0.1")
        String interfaceName();

        @AttributeDefinition(description = "IPv4 ADDRESS/PREFIX, the primary first", required = false)
        String[] addresses() default {};

        @AttributeDefinition(description = "IPv6 ADDRESS/PREFIX", required = false)
        String[] ipv6Addresses() default {};

        @AttributeDefinition(description = "802.1Q VLAN of a subinterface, 1-4094; 0 = its subinterface number")
        int vlan() default 0;

        @AttributeDefinition(description = "encapsulation dot1Q N native")
        boolean nativeVlan() default false;

        @AttributeDefinition(description = "Administratively down")
        boolean shutdown() default false;

        @AttributeDefinition(description = "Free text")
        String description() default "";
    }

    public static final ConfigReader<Config, InterfaceSettings> READER = ConfigReader.of(Config.class,
            c -> new InterfaceSettings(c.interfaceName(), Arrays.asList(c.addresses()),
                    Arrays.asList(c.ipv6Addresses()), c.vlan(), c.nativeVlan(), c.shutdown(), c.description()));

    public InterfaceSettings {
        if (interfaceName == null || interfaceName.isBlank()) {
            throw new IllegalArgumentException("interfaceName is required");
        }
        addresses = List.copyOf(addresses);
        ipv6Addresses = List.copyOf(ipv6Addresses);
        for (String a : addresses) {
            if (!(InterfaceAddress.parse(a).address() instanceof java.net.Inet4Address)) {
                throw new IllegalArgumentException(a + " is not an IPv4 address");
            }
        }
        ipv6Addresses.forEach(InterfaceAddress::parse);
        if (vlan < 0 || vlan > 4094) {
            throw new IllegalArgumentException("VLAN " + vlan + " is outside 1-4094");
        }
        description = description == null ? "" : description;
    }

    /** A new interface's settings: nothing configured yet. */
    public static InterfaceSettings of(String name) {
        return new InterfaceSettings(name, List.of(), List.of(), 0, false, false, "");
    }

    /** The VLAN a subinterface tags with: its {@code encapsulation dot1Q}, else its subinterface number. */
    public Optional<Integer> effectiveVlan() {
        if (InterfaceNames.parent(interfaceName).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(vlan != 0 ? vlan
                : Integer.parseInt(interfaceName.substring(interfaceName.lastIndexOf('.') + 1)));
    }

    public InterfaceSettings withAddresses(List<String> v4) {
        return new InterfaceSettings(interfaceName, v4, ipv6Addresses, vlan, nativeVlan, shutdown, description);
    }

    public InterfaceSettings withIpv6(List<String> v6) {
        return new InterfaceSettings(interfaceName, addresses, v6, vlan, nativeVlan, shutdown, description);
    }

    public InterfaceSettings withVlan(int id, boolean isNative) {
        return new InterfaceSettings(interfaceName, addresses, ipv6Addresses, id, isNative, shutdown, description);
    }

    public InterfaceSettings withShutdown(boolean down) {
        return new InterfaceSettings(interfaceName, addresses, ipv6Addresses, vlan, nativeVlan, down, description);
    }

    public InterfaceSettings withDescription(String text) {
        return new InterfaceSettings(interfaceName, addresses, ipv6Addresses, vlan, nativeVlan, shutdown, text);
    }

    public Map<String, Object> toProperties() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("interfaceName", interfaceName);
        m.put("addresses", addresses.toArray(new String[0]));
        m.put("ipv6Addresses", ipv6Addresses.toArray(new String[0]));
        m.put("vlan", vlan);
        m.put("nativeVlan", nativeVlan);
        m.put("shutdown", shutdown);
        m.put("description", description);
        return m;
    }

    /** Adds {@code address} as primary (replacing the primary) or as a secondary address. */
    public InterfaceSettings withIpv4(String address, boolean secondary) {
        List<String> list = new ArrayList<>(addresses);
        list.remove(address);
        if (secondary) {
            list.add(address);
        } else if (list.isEmpty()) {
            list.add(address);
        } else {
            list.set(0, address);
        }
        return withAddresses(list);
    }
}
