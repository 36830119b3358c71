package org.openvrrs.vrrs.core.internal;

import java.util.List;
import java.util.Optional;
import org.openvrrs.vrrs.api.ClientInfo;
import org.openvrrs.vrrs.api.ClientPriority;
import org.openvrrs.vrrs.api.ClientRegistration;
import org.openvrrs.vrrs.api.GroupState;
import org.openvrrs.vrrs.api.ServerRegistration;
import org.openvrrs.vrrs.api.VrrsClient;
import org.openvrrs.vrrs.api.VrrsRegistry;
import org.osgi.framework.Bundle;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry as each bundle sees it: one instance per using bundle, so that when the bundle stops (or forgets to
 * close its handles) everything it registered is removed.
 */
@Component(service = VrrsRegistry.class, scope = ServiceScope.BUNDLE)
public final class BundleRegistry implements VrrsRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(BundleRegistry.class);

    private final VrrsDatabase database;
    private final String user;

    @Activate
    public BundleRegistry(@Reference VrrsDatabase database, ComponentContext context) {
        this(database, describe(context.getUsingBundle()));
    }

    BundleRegistry(VrrsDatabase database, String user) {
        this.database = database;
        this.user = user;
    }

    @Deactivate
    void deactivate() {
        int removed = database.release(this);
        if (removed > 0) {
            LOG.info("VRRS: bundle {} released the registry; removed {} registration(s) it left open", user, removed);
        }
    }

    @Override
    public ServerRegistration registerServer(String protocol, String group) {
        return database.registerServer(this, protocol, group);
    }

    @Override
    public ClientRegistration registerClient(String name, ClientPriority priority, boolean allGroups,
            VrrsClient client) {
        return database.registerClient(this, name, priority, allGroups, client);
    }

    @Override
    public List<GroupState> groups() {
        return database.groups();
    }

    @Override
    public Optional<GroupState> group(String name) {
        return database.group(name);
    }

    @Override
    public List<ClientInfo> clients() {
        return database.clients();
    }

    private static String describe(Bundle bundle) {
        return bundle == null ? "?" : bundle.getSymbolicName() + " [" + bundle.getBundleId() + "]";
    }
}
