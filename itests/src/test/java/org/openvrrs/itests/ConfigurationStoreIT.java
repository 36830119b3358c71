package org.openvrrs.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;

/**
 * The IOS front end's configuration store and type 6 cipher in the assembled distribution: the bundle resolves, the
 * store is offered once Karaf has booted, the appliance key is made in the distribution's etc/ readable by its owner
 * only, and the store answers as it must with or without the front end's running configuration. The services'
 * interfaces are private to cli-ios, so the test calls them by name.
 *
 * <p>Restart semantics (save, restart, still there; change, restart, gone) need the front end's commands, and are
 * for a test over SSH once they exist.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConfigurationStoreIT extends OpenVrrsTestSupport {
    private static final String BUNDLE = "org.openvrrs.cli.ios";
    private static final String ARCHIVE = "org.openvrrs.cli.ios.internal.ConfigurationArchive";
    private static final String CODEC = "org.openvrrs.cli.ios.internal.SecretCodec";
    private static final String RUNNING = "org.openvrrs.cli.ios.internal.RunningConfiguration";
    private static final String JAR_PROPERTY = "openvrrs.cliIos.jar";
    private static final String STORE_COMPONENT = "org.openvrrs.cli.ios.internal.store.ConfigurationStore";

    @Inject
    protected ServiceComponentRuntime scr;

    private final List<ServiceReference<?>> used = new ArrayList<>();

    @Override
    protected Option[] extraOptions() {
        // While no feature carries the bundle, the one the build just made (failsafe runs in the itests folder).
        File jar = new File("../bundles/cli-ios/target/cli-ios-" + required("openvrrs.project.version") + ".jar");
        return new Option[] {systemProperty(JAR_PROPERTY).value(jar.getAbsoluteFile().toURI().toString())};
    }

    @Before
    public void cliIosIsActive() throws Exception {
        Bundle cliIos = bundle(BUNDLE);
        if (cliIos == null) {
            cliIos = bundleContext.installBundle(System.getProperty(JAR_PROPERTY));
        }
        cliIos.start();
        assertEquals(stateName(Bundle.ACTIVE), stateName(cliIos.getState()));
    }

    @Test
    public void theStoreRunsUnaskedSoThatItAppliesTheStartupConfigurationAtBoot() {
        // the other tests give their services back: a component run only on demand would not stay ACTIVE
        await().until(() -> scr.getComponentConfigurationDTOs(
                scr.getComponentDescriptionDTO(bundle(BUNDLE), STORE_COMPONENT)).stream()
                .anyMatch(c -> c.state == ComponentConfigurationDTO.ACTIVE));
    }

    @Test
    public void secretsAreEncryptedUnderAKeyOfTheApplianceMadeOnFirstUse() throws Exception {
        Object codec = service(CODEC);
        Path key = Path.of(bundleContext.getProperty("karaf.etc")).resolve("openvrrs.key");

        String type6 = (String) call(codec, "encrypt", "Radius-Key-1");

        assertFalse(type6, type6.contains("Radius-Key-1"));
        assertEquals("Radius-Key-1", call(codec, "decrypt", type6));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals("% Invalid encrypted key: not a type 6 string of this appliance",
                refusal(codec, "decrypt", "ZdV]GXZ^PbEAJSREeGVWXhEAAB"));
    }

    @Test
    public void theStoreSavesWhatTheRunningConfigurationPrintsOrSaysInOneLineThatItIsMissing() throws Exception {
        Object archive = service(ARCHIVE);
        Path startup = Path.of(bundleContext.getProperty("karaf.etc")).resolve("startup-config");

        if (bundleContext.getServiceReference(RUNNING) == null) {
            assertEquals("% The running configuration is not available (the IOS front end is not started)",
                    refusal(archive, "save"));
            assertFalse(Files.exists(startup));
        } else {
            call(archive, "save");
            call(archive, "save");
            assertEquals(Files.readAllLines(startup), call(archive, "startupLines"));
            assertEquals(1, ((List<?>) call(archive, "archiveListing")).size());
        }
        String refused = refusal(archive, "mergeFile", "../../../../etc/passwd");
        assertTrue(refused, refused.startsWith("%Error opening ../../../../etc/passwd (Permission denied"));
    }

    /** The service, given back after the test. */
    private Object service(String objectClass) {
        await().until(() -> bundleContext.getServiceReference(objectClass) != null);
        ServiceReference<?> ref = bundleContext.getServiceReference(objectClass);
        Object service = bundleContext.getService(ref);
        assertNotEquals(null, service);
        used.add(ref);
        return service;
    }

    @After
    public void giveServicesBack() {
        used.forEach(bundleContext::ungetService);
        used.clear();
    }

    private static Object call(Object target, String method, Object... args) throws Exception {
        Class<?>[] types = new Class<?>[args.length];
        for (int i = 0; i < args.length; i++) {
            types[i] = args[i].getClass();
        }
        try {
            return target.getClass().getMethod(method, types).invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** The one-line message with which the call is refused. */
    private static String refusal(Object target, String method, Object... args) throws Exception {
        try {
            call(target, method, args);
        } catch (Exception e) {
            assertFalse(e.getMessage(), e.getMessage().contains("\n"));
            return e.getMessage();
        }
        fail(method + " was not refused");
        return null;
    }
}
