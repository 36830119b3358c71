package org.openvrrs.itests.hotplug;

import java.util.Set;
import org.openvrrs.vrrs.api.ClientPriority;
import org.openvrrs.vrrs.api.ClientSpec;
import org.openvrrs.vrrs.api.GroupState;
import org.openvrrs.vrrs.api.VrrsClient;
import org.openvrrs.vrrs.api.VrrsWhiteboard;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * The activator of the plug-in bundle {@link ItestClientBundle} builds for {@code HotPlugIT}: a VRRS client as a
 * plug-in would be one, a {@link VrrsClient} service {@value #CLIENT} (Normal) following {@value #GROUP}, declared
 * once when the bundle starts and never again (the registry finds it, also after the registry's bundle restarts).
 * It records every state pushed in the system property {@value #STATE_PROPERTY} and counts its declarations in
 * {@value #DECLARATIONS_PROPERTY}, so the test sees them without sharing a class with this bundle.
 *
 * <p>One class on purpose (no inner or anonymous class), so the bundle holds exactly this file.
 */
public final class ItestClientActivator implements BundleActivator, VrrsClient {
    public static final String CLIENT = "ITEST-CLIENT";
    public static final String GROUP = "ITEST-GROUP";
    public static final String STATE_PROPERTY = "itest.client.state";
    public static final String DECLARATIONS_PROPERTY = "itest.client.declarations";

    @Override
    public void start(BundleContext bundleContext) {
        // not closed in stop(): a bundle that stops takes its services, and so its client, with it
        VrrsWhiteboard.of(bundleContext).client(this,
                ClientSpec.following(CLIENT, ClientPriority.NORMAL, Set.of(GROUP)));
        System.setProperty(DECLARATIONS_PROPERTY,
                String.valueOf(Integer.getInteger(DECLARATIONS_PROPERTY, 0) + 1));
    }

    @Override
    public void stop(BundleContext bundleContext) {
    }

    @Override
    public void groupChanged(GroupState state) {
        if (GROUP.equals(state.group())) {
            System.setProperty(STATE_PROPERTY, state.state().name());
        }
    }
}
