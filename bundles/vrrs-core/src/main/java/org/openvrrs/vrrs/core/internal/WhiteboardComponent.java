package org.openvrrs.vrrs.core.internal;

import java.util.Map;
import org.openvrrs.vrrs.api.VrrsClient;
import org.openvrrs.vrrs.api.VrrsServer;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's whiteboard in OSGi: tracks every {@link VrrsServer} and {@link VrrsClient} service (the database
 * itself offers the read-only {@code VrrsRegistry} view). Bind and unbind run synchronously with the service's
 * registration and unregistration, so no callback starts after a client's service is gone.
 */
@Component(service = {}, immediate = true)
public final class WhiteboardComponent {
    private static final Logger LOG = LoggerFactory.getLogger(WhiteboardComponent.class);

    private final Whiteboard whiteboard;

    @Activate
    public WhiteboardComponent(@Reference VrrsDatabase database) {
        this.whiteboard = new Whiteboard(database);
    }

    @Deactivate
    void deactivate() {
        whiteboard.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindClient(VrrsClient client, Map<String, Object> properties) {
        try {
            whiteboard.addClient(key(properties), ServiceProperties.client(properties), client);
        } catch (IllegalArgumentException e) {
            LOG.error("VRRS: client service {} refused: {}", describe(properties), e.getMessage());
        }
    }

    void updatedClient(VrrsClient client, Map<String, Object> properties) {
        try {
            whiteboard.updateClient(key(properties), ServiceProperties.client(properties), client);
        } catch (IllegalArgumentException e) {
            LOG.error("VRRS: client service {} refused: {}", describe(properties), e.getMessage());
            whiteboard.removeClient(key(properties));
        }
    }

    void unbindClient(VrrsClient client, Map<String, Object> properties) {
        whiteboard.removeClient(key(properties));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindServer(VrrsServer server, Map<String, Object> properties) {
        try {
            whiteboard.addServer(key(properties), ServiceProperties.server(properties), server);
        } catch (IllegalArgumentException e) {
            LOG.error("VRRS: server service {} refused: {}", describe(properties), e.getMessage());
        }
    }

    void updatedServer(VrrsServer server, Map<String, Object> properties) {
        try {
            whiteboard.updateServer(key(properties), ServiceProperties.server(properties));
        } catch (IllegalArgumentException e) {
            LOG.error("VRRS: server service {} refused: {}", describe(properties), e.getMessage());
            whiteboard.removeServer(key(properties));
        }
    }

    void unbindServer(VrrsServer server, Map<String, Object> properties) {
        whiteboard.removeServer(key(properties));
    }

    private static Object key(Map<String, Object> properties) {
        return properties.get(Constants.SERVICE_ID);
    }

    private static String describe(Map<String, Object> p) {
        return p.get(Constants.SERVICE_ID) + " of bundle " + p.get(Constants.SERVICE_BUNDLEID);
    }
}
