package org.openvrrs.metrics.prometheus.internal;

import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentContext;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Enables a source component of this bundle ({@link PluginSource}, {@link AccountingSource}) while a service of its
 * bundle's API is registered, and disables it when the last one goes. The services are tracked by name, so nothing
 * of an API this bundle cannot load is ever touched; the API package is imported dynamically, on the first load
 * once its bundle is there, whenever that bundle was installed.
 */
final class OptionalSources implements AutoCloseable {
    private final List<ServiceTracker<Object, Object>> trackers = new ArrayList<>();

    OptionalSources(ComponentContext component, BundleContext context, List<String[]> sources) {
        for (String[] source : sources) {
            String name = source[0];
            String api = source[1];
            try {
                ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context,
                        context.createFilter("(objectClass=" + api + ")"), null) {
                    @Override
                    public Object addingService(ServiceReference<Object> reference) {
                        if (loadable(api)) {
                            component.enableComponent(name);
                        }
                        return reference;
                    }

                    @Override
                    public void removedService(ServiceReference<Object> reference, Object service) {
                        if (size() == 0) { // the tracker forgets the service before telling
                            component.disableComponent(name);
                        }
                    }
                };
                tracker.open(true); // all services: none is filtered out for a class this bundle has not loaded
                trackers.add(tracker);
            } catch (InvalidSyntaxException e) {
                throw new IllegalArgumentException(api, e);
            }
        }
    }

    /** Whether this bundle can load the API class now (the dynamic import finds an exporter). */
    static boolean loadable(String apiClass) {
        try {
            Class.forName(apiClass, false, OptionalSources.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public void close() {
        trackers.forEach(ServiceTracker::close);
    }
}
