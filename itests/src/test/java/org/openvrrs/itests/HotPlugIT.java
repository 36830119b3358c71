package org.openvrrs.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.openvrrs.itests.hotplug.ItestClientActivator.CLIENT;
import static org.openvrrs.itests.hotplug.ItestClientActivator.GROUP;
import static org.openvrrs.itests.hotplug.ItestClientActivator.DECLARATIONS_PROPERTY;
import static org.openvrrs.itests.hotplug.ItestClientActivator.STATE_PROPERTY;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.openvrrs.itests.hotplug.ItestClientBundle;
import org.openvrrs.vrrs.api.ClientInfo;
import org.openvrrs.vrrs.api.VrrsRegistry;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * A VRRS client plug-in comes and goes at run time, and so does the registry: the client is pushed its group's state,
 * registers again when the registry's bundle restarts, and leaves nothing behind when uninstalled.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotPlugIT extends OpenVrrsTestSupport {
    private static final String BUNDLE_FILE_PROPERTY = "openvrrs.itest.clientBundle";

    /** Builds the plug-in on the driver side and tells the container where it is. */
    @Override
    protected Option[] extraOptions() {
        Path file = ItestClientBundle.writeTo(Path.of("target", "itest-client.jar"));
        return new Option[] {systemProperty(BUNDLE_FILE_PROPERTY).value(file.toString())};
    }

    @Test
    public void clientPlugInComesAndGoesWithoutLeavingAnythingBehind() throws Exception {
        System.clearProperty(STATE_PROPERTY);
        System.clearProperty(DECLARATIONS_PROPERTY);
        Bundle plugIn = bundleContext.installBundle(new File(required(BUNDLE_FILE_PROPERTY)).toURI().toString());
        plugIn.start();
        assertEquals(Bundle.ACTIVE, plugIn.getState());

        // the client follows ITEST-GROUP and is pushed its state
        ok("vrrs:test-server --virtual-address 192.0.2.1 " + GROUP + " active");
        await().until(() -> System.getProperty(STATE_PROPERTY), "ACTIVE"::equals);
        await().until(() -> clientRows().stream().anyMatch(r -> r.contains(CLIENT) && r.contains("Normal")));
        await().until(() -> execute("vrrs:group " + GROUP).contains("Client "));
        assertTrue(execute("vrrs:group " + GROUP).contains(CLIENT + ", priority Normal"));

        // the registry's bundle restarts: a new registry finds the client's service; the client does nothing
        Bundle core = bundle("org.openvrrs.vrrs.core");
        assertNotNull("vrrs-core installed", core);
        core.stop();
        core.start();
        await().until(() -> clientRows().stream().anyMatch(r -> r.contains(CLIENT)));
        assertEquals("declared once, at start", 1, (int) Integer.getInteger(DECLARATIONS_PROPERTY, 0));
        // following again creates the group afresh, without server: the client is pushed INIT
        await().until(() -> System.getProperty(STATE_PROPERTY), "INIT"::equals);
        ok("vrrs:test-server --virtual-address 192.0.2.1 " + GROUP + " active");
        await().until(() -> System.getProperty(STATE_PROPERTY), "ACTIVE"::equals);

        // uninstalled, it leaves no client and no follower behind
        plugIn.uninstall();
        await().until(() -> clientRows().stream().noneMatch(r -> r.contains(CLIENT)));
        String group = execute("vrrs:group " + GROUP);
        assertTrue(group, group.strip().startsWith(GROUP));
        assertFalse("no follower left: " + group, group.contains("Client "));
        List<ClientInfo> following = withRegistry(registry -> registry.clients().stream()
                .filter(c -> c.following().contains(GROUP) || c.name().equals(CLIENT))
                .collect(Collectors.toList()));
        assertEquals("clients of the registry following " + GROUP, List.of(), following);
    }

    private String ok(String command) {
        String out = execute(command);
        assertFalse(command + " failed: " + out, out.contains("ERROR: "));
        return out;
    }

    /** Rows of {@code vrrs:clients} after its header. */
    private List<String> clientRows() {
        List<String> lines = execute("vrrs:clients").lines().filter(l -> !l.isBlank()).collect(Collectors.toList());
        return lines.isEmpty() ? lines : lines.subList(1, lines.size());
    }

    /** Asks the current registry (looked up now: the injected one would be stale after the restart). */
    private <T> T withRegistry(java.util.function.Function<VrrsRegistry, T> question) {
        ServiceReference<VrrsRegistry> reference = bundleContext.getServiceReference(VrrsRegistry.class);
        assertNotNull("a VrrsRegistry service", reference);
        VrrsRegistry registry = bundleContext.getService(reference);
        try {
            return question.apply(registry);
        } finally {
            bundleContext.ungetService(reference);
        }
    }
}
