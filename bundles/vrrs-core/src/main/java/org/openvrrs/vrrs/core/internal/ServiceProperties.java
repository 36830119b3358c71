package org.openvrrs.vrrs.core.internal;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeSet;
import org.openvrrs.vrrs.api.ClientPriority;
import org.openvrrs.vrrs.api.ClientSpec;
import org.openvrrs.vrrs.api.ServerSpec;
import org.openvrrs.vrrs.api.VrrsClient;
import org.openvrrs.vrrs.api.VrrsServer;
import org.osgi.util.converter.ConversionException;
import org.osgi.util.converter.Converter;
import org.osgi.util.converter.Converters;

/**
 * Reads what a {@link VrrsClient} or {@link VrrsServer} service says of itself (see their documentation), through
 * the OSGi Converter: a String, a String[] or a collection all do for a list of groups. Anything it cannot read is
 * an {@link IllegalArgumentException} with a message naming the property.
 */
final class ServiceProperties {
    private static final Converter CONVERTER = Converters.standardConverter();

    private ServiceProperties() {
    }

    static ClientSpec client(Map<String, ?> p) {
        String name = required(p, VrrsClient.NAME);
        Object priority = p.get(VrrsClient.PRIORITY);
        return new ClientSpec(name, priority == null ? ClientPriority.NORMAL : ClientPriority.parse(priority.toString()),
                convert(p, VrrsClient.ALL_GROUPS, boolean.class, false),
                new TreeSet<>(Arrays.asList(convert(p, VrrsClient.GROUPS, String[].class, new String[0]))));
    }

    static ServerSpec server(Map<String, ?> p) {
        return new ServerSpec(required(p, VrrsServer.PROTOCOL), convert(p, VrrsServer.GROUP, String.class, "").trim(),
                convert(p, VrrsServer.NETWORK, String.class, ""), convert(p, VrrsServer.INTERFACE, String.class, ""),
                convert(p, VrrsServer.INSTANCE, String.class, ""));
    }

    private static String required(Map<String, ?> p, String key) {
        String value = convert(p, key, String.class, null);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("service property " + key + " is required");
        }
        return value;
    }

    private static <T> T convert(Map<String, ?> p, String key, Class<T> type, T absent) {
        Object raw = p.get(key);
        if (raw == null) {
            return absent;
        }
        try {
            return CONVERTER.convert(raw).to(type);
        } catch (ConversionException e) {
            throw new IllegalArgumentException("service property " + key + " = '" + raw + "' is not a "
                    + type.getSimpleName());
        }
    }
}
