package org.openvrrs.itests;

import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Stream;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/**
 * What every OpenVRRS integration test shares: it boots the very distribution karaf-assembly built (its tar.gz, passed
 * by the pom as {@code openvrrs.distribution}), offline, and runs shell commands in it.
 *
 * <p>The container resolves Maven URLs only from the distribution's system/ folder and from
 * {@code target/container-repository}, which the pom fills with what Pax Exam provisions: it never reaches the
 * network or ~/.m2.
 */
public abstract class OpenVrrsTestSupport {

    /** How long a test waits for the container to reach an expected state. */
    protected static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** The container's /metrics port (read it in the container with {@link #metricsPort()}). */
    private static final String METRICS_PORT_PROPERTY = "openvrrs.metrics.port";
    private static final int METRICS_PORT = freePort();

    @Inject
    protected BundleContext bundleContext;

    @Inject
    protected SessionFactory sessionFactory;

    @Configuration
    public Option[] config() {
        return Stream.concat(Arrays.stream(baseOptions()), Arrays.stream(extraOptions())).toArray(Option[]::new);
    }

    /** Options a test class adds to the common ones; none by default. Runs on the driver side, not in Karaf. */
    protected Option[] extraOptions() {
        return new Option[0];
    }

    private static Option[] baseOptions() {
        String distribution = required("openvrrs.distribution");
        String containerRepository = new File(required("openvrrs.containerRepository")).toURI().toString();
        String mvnCfg = "etc/org.ops4j.pax.url.mvn.cfg";
        return options(
                karafDistributionConfiguration()
                        .frameworkUrl(distribution)
                        .name("OpenVRRS")
                        .karafVersion(required("openvrrs.karaf.version"))
                        .unpackDirectory(new File("target/exam"))
                        .useDeployFolder(false),
                // no local console (no terminal under Maven) and no SSH server (no port to collide on)
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                logLevel(LogLevel.WARN),
                // the distribution is offline and confined to system/; let it also see Pax Exam's own bundles
                editConfigurationFilePut(mvnCfg, "org.ops4j.pax.url.mvn.defaultRepositories",
                        "${karaf.home.uri}${karaf.default.repository}@id=system.repository@snapshots, "
                                + containerRepository + "@id=itests.container.repository@snapshots"),
                // /metrics on a port free when the container is configured, so parallel runs never collide
                editConfigurationFilePut("etc/org.openvrrs.metrics.cfg", "port", String.valueOf(METRICS_PORT)),
                systemProperty(METRICS_PORT_PROPERTY).value(String.valueOf(METRICS_PORT)),
                mavenBundle("org.hamcrest", "hamcrest", "2.1"),
                mavenBundle("org.awaitility", "awaitility", required("openvrrs.awaitility.version")),
                systemProperty("openvrrs.project.version").value(required("openvrrs.project.version")));
    }

    /** The probe (the bundle holding the test classes) imports on demand whatever the container exports. */
    @ProbeBuilder
    public TestProbeBuilder probeConfiguration(TestProbeBuilder probe) {
        probe.setHeader(Constants.DYNAMICIMPORT_PACKAGE, "*");
        return probe;
    }

    /** Where this container serves /metrics (127.0.0.1). */
    protected static int metricsPort() {
        return Integer.parseInt(required(METRICS_PORT_PROPERTY));
    }

    /** A TCP port nobody listens on now, on the driver side. */
    protected static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    protected static String required(String property) {
        return Objects.requireNonNull(System.getProperty(property), () -> "system property " + property + " not set");
    }

    protected static ConditionFactory await() {
        return Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100));
    }

    /**
     * Runs one shell command as the local console would, and returns what it printed (standard output and error).
     * When the command fails, the result is the failure's message prefixed with {@code "ERROR: "}, so tests can
     * assert on the message an operator sees.
     */
    protected String execute(String command) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(new ByteArrayInputStream(new byte[0]), out, out);
        try {
            Object result = session.execute(command);
            if (result != null) {
                out.println(result);
            }
            out.flush();
            return bytes.toString(StandardCharsets.UTF_8);
        } catch (Exception e) {
            out.flush();
            return bytes.toString(StandardCharsets.UTF_8) + "ERROR: " + e.getMessage();
        } finally {
            session.close();
        }
    }

    /** The bundle with this symbolic name, or null. */
    protected Bundle bundle(String symbolicName) {
        return Arrays.stream(bundleContext.getBundles())
                .filter(b -> symbolicName.equals(b.getSymbolicName()))
                .findFirst()
                .orElse(null);
    }

    protected static String stateName(int state) {
        switch (state) {
            case Bundle.UNINSTALLED: return "UNINSTALLED";
            case Bundle.INSTALLED: return "INSTALLED";
            case Bundle.RESOLVED: return "RESOLVED";
            case Bundle.STARTING: return "STARTING";
            case Bundle.STOPPING: return "STOPPING";
            case Bundle.ACTIVE: return "ACTIVE";
            default: return String.valueOf(state);
        }
    }
}
