package org.openvrrs.itests.hotplug;

import org.openvrrs.vrrs.api.ClientPriority;
import org.openvrrs.vrrs.api.ClientRegistration;
import org.openvrrs.vrrs.api.VrrsRegistry;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * The activator of the plug-in bundle {@link ItestClientBundle} builds for {@code HotPlugIT}: a VRRS client as a
 * plug-in would be one. Whenever a {@link VrrsRegistry} appears (again after the registry's bundle restarts) it
 * registers {@value #CLIENT} (Normal) following {@value #GROUP}; it records every state pushed in the system property
 * {@value #STATE_PROPERTY} and counts its registrations in {@value #REGISTRATIONS_PROPERTY}, so the test sees them
 * without sharing a class with this bundle.
 *
 * <p>One class on purpose (no inner or anonymous class), so the bundle holds exactly this file.
 */
public final class ItestClientActivator
        implements BundleActivator, ServiceTrackerCustomizer<VrrsRegistry, ClientRegistration> {
    public static final String CLIENT = "ITEST-CLIENT";
    public static final String GROUP = "ITEST-GROUP";
    public static final String STATE_PROPERTY = "itest.client.state";
    public static final String REGISTRATIONS_PROPERTY = "itest.client.registrations";

    private BundleContext context;
    private ServiceTracker<VrrsRegistry, ClientRegistration> tracker;

    @Override
    public void start(BundleContext bundleContext) {
        context = bundleContext;
        tracker = new ServiceTracker<>(bundleContext, VrrsRegistry.class, this);
        tracker.open();
    }

    @Override
    public void stop(BundleContext bundleContext) {
        tracker.close(); // closes every registration through removedService
    }

    @Override
    public ClientRegistration addingService(ServiceReference<VrrsRegistry> reference) {
        VrrsRegistry registry = context.getService(reference);
        if (registry == null) {
            return null;
        }
        ClientRegistration registration = registry.registerClient(CLIENT, ClientPriority.NORMAL, false,
                state -> {
                    if (GROUP.equals(state.group())) {
                        System.setProperty(STATE_PROPERTY, state.state().name());
                    }
                });
        registration.follow(GROUP);
        System.setProperty(REGISTRATIONS_PROPERTY,
                String.valueOf(Integer.getInteger(REGISTRATIONS_PROPERTY, 0) + 1));
        return registration;
    }

    @Override
    public void modifiedService(ServiceReference<VrrsRegistry> reference, ClientRegistration registration) {
        // nothing depends on the registry's service properties
    }

    @Override
    public void removedService(ServiceReference<VrrsRegistry> reference, ClientRegistration registration) {
        try {
            registration.close();
        } finally {
            context.ungetService(reference);
        }
    }
}
