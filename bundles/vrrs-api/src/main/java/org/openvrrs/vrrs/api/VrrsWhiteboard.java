package org.openvrrs.vrrs.api;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.function.Function;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Declares {@link VrrsServer}s and {@link VrrsClient}s: inside the appliance as OSGi services ({@link #of}), in a
 * plain JVM (tools, tests) straight to a registry without OSGi. Servers and clients are written once against this.
 */
public interface VrrsWhiteboard {

    /** A declaration; {@link #update} changes what it says (setProperties), {@link #close} withdraws it. */
    interface Declaration<S> extends AutoCloseable {
        void update(S spec);

        /** Withdraws the declaration. Idempotent. */
        @Override
        void close();
    }

    Declaration<ServerSpec> server(VrrsServer server, ServerSpec spec);

    Declaration<ClientSpec> client(VrrsClient client, ClientSpec spec);

    /** Declarations as services of {@code context}'s bundle: they go when it stops. */
    static VrrsWhiteboard of(BundleContext context) {
        return new VrrsWhiteboard() {
            @Override
            public Declaration<ServerSpec> server(VrrsServer server, ServerSpec spec) {
                return declare(context.registerService(VrrsServer.class, server, dictionary(spec.toProperties())),
                        ServerSpec::toProperties);
            }

            @Override
            public Declaration<ClientSpec> client(VrrsClient client, ClientSpec spec) {
                return declare(context.registerService(VrrsClient.class, client, dictionary(spec.toProperties())),
                        ClientSpec::toProperties);
            }
        };
    }

    private static <S> Declaration<S> declare(ServiceRegistration<?> registration,
            Function<S, Map<String, Object>> properties) {
        return new Declaration<>() {
            @Override
            public void update(S spec) {
                registration.setProperties(dictionary(properties.apply(spec)));
            }

            @Override
            public void close() {
                try {
                    registration.unregister();
                } catch (IllegalStateException alreadyGone) {
                    // the bundle stopped first, which unregistered it
                }
            }
        };
    }

    private static Dictionary<String, Object> dictionary(Map<String, Object> map) {
        return new Hashtable<>(map);
    }
}
