package org.openvrrs.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.junit.Assume;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Prometheus metrics as an operator watches them: the booted distribution serves /metrics on 127.0.0.1, promtool
 * accepts it, and a real Prometheus (Debian's, started here with its own configuration, data directory under
 * target/ and port on 127.0.0.1) scrapes it and answers the demo group's state through its query API.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MetricsIT extends OpenVrrsTestSupport {
    private static final String DIR_PROPERTY = "openvrrs.itests.prometheus.dir";
    private static final String PORT_PROPERTY = "openvrrs.itests.prometheus.port";
    private static final String DASHBOARD_PROPERTY = "openvrrs.itests.grafana.dashboard";
    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    private static final String DEMO_R1 = "{network=\"r1\",interface=\"eth0\",vrid=\"1\",family=\"ipv4\","
            + "version=\"3\",vrrs_name=\"DEMO-R1\"}";

    @Inject
    protected FeaturesService featuresService;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    protected Option[] extraOptions() {
        return new Option[] {
            systemProperty(DIR_PROPERTY).value(new File("target/prometheus-it").getAbsolutePath()),
            systemProperty(PORT_PROPERTY).value(String.valueOf(freePort())),
            systemProperty(DASHBOARD_PROPERTY).value(new File("../docs/grafana-openvrrs.json").getAbsolutePath())};
    }

    private String get(String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(url + ": " + r.body(), 200, r.statusCode());
        return r.body();
    }

    private String metrics() throws Exception {
        return get("http://127.0.0.1:" + metricsPort() + "/metrics");
    }

    @Test
    public void metricsShowTheDemoGroupsAndPromtoolAcceptsThem() throws Exception {
        await().untilAsserted(() -> assertTrue(metrics().contains("openvrrs_vrrp_group_state" + DEMO_R1 + " 3\n")));
        String text = metrics();
        for (String expected : List.of("openvrrs_vrrs_group_state{group=\"DEMO-R1\"} 3",
                "openvrrs_vrrs_group_state{group=\"VRRS_NAME_2\"} 1", "openvrrs_plugin_subinterfaces_following 5",
                "openvrrs_vrrp_group_advertisements_sent_total" + DEMO_R1,
                "openvrrs_vrrs_client_deliveries_total{client=\"VRRS-Plugins\"",
                "# TYPE openvrrs_vrrs_fanout_duration_seconds histogram")) {
            assertTrue(expected + " in\n" + text, text.contains(expected));
        }
        Assume.assumeTrue("promtool not installed (Debian package prometheus): /metrics not linted",
                Files.isExecutable(PROMTOOL));
        Process p = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics").redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
        String complaints = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("promtool did not finish", p.waitFor(30, TimeUnit.SECONDS));
        assertEquals("promtool check metrics: " + complaints, 0, p.exitValue());
    }

    @Test
    public void aRealPrometheusScrapesTheApplianceAndAnswersTheGroupsState() throws Exception {
        Assume.assumeTrue("prometheus not installed (Debian package prometheus): no real scrape tested",
                Files.isExecutable(PROMETHEUS));
        Path dir = Path.of(required(DIR_PROPERTY), "run-" + System.currentTimeMillis()); // nothing of an earlier run
        Files.createDirectories(dir);
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, String.join("\n",
                "global:",
                "  scrape_interval: 1s",
                "  evaluation_interval: 1s",
                "scrape_configs:",
                "  - job_name: openvrrs",
                "    static_configs:",
                "      - targets: ['127.0.0.1:" + metricsPort() + "']",
                ""));
        String listen = "127.0.0.1:" + required(PORT_PROPERTY);
        Process prometheus = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=" + listen, "--log.level=warn")
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        try {
            String query = "http://" + listen + "/api/v1/query?query=" + URLEncoder.encode(
                    "openvrrs_vrrp_group_state{vrrs_name=\"DEMO-R1\"}", StandardCharsets.UTF_8);
            // the first scrape lands within a scrape interval of Prometheus being up
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
                    assertEquals(query, "3", value(get(query))));
            String answer = get(query);
            assertTrue(answer, answer.contains("\"job\":\"openvrrs\"") && answer.contains("\"network\":\"r1\""));
            String vrrs = "http://" + listen + "/api/v1/query?query=" + URLEncoder.encode(
                    "openvrrs_vrrs_group_state{group=\"DEMO-R2\"}", StandardCharsets.UTF_8);
            assertEquals(vrrs, "2", value(get(vrrs)));

            // every query of the Grafana dashboard is valid PromQL on these metrics, the group states give data
            String dashboard = Files.readString(Path.of(required(DASHBOARD_PROPERTY)));
            Matcher expr = Pattern.compile("\"expr\": \"((?:[^\"\\\\]|\\\\.)*)\"").matcher(dashboard);
            int queries = 0;
            while (expr.find()) {
                String promql = expr.group(1).replace("\\\"", "\"").replace("$__rate_interval", "1m")
                        .replace("$instance", ".*").replace("$vrrs_name", ".*");
                String result = get("http://" + listen + "/api/v1/query?query="
                        + URLEncoder.encode(promql, StandardCharsets.UTF_8));
                assertTrue(promql + ": " + result, result.contains("\"status\":\"success\""));
                if (promql.startsWith("openvrrs_vrrp_group_state") || promql.startsWith("openvrrs_vrrs_group_state")) {
                    assertTrue(promql + " has data: " + result, result.contains("\"value\""));
                }
                queries++;
            }
            assertTrue("queries found in the dashboard: " + queries, queries >= 10);
        } finally {
            stop(prometheus, dir);
        }
    }

    /**
     * Accounting installed after the appliance booted, without refreshing any bundle: the metrics bundle imports its
     * API dynamically and enables the accounting source while the service is there. (No refresh also keeps Pax
     * Exam's own bundles, which a refresh would restart, running.)
     */
    @Test
    public void accountingInstalledLaterIsInTheMetrics() throws Exception {
        await().untilAsserted(() -> assertTrue(metrics().contains("openvrrs_vrrp_group_state" + DEMO_R1 + " 3\n")));
        assertTrue(!metrics().contains("openvrrs_accounting_"));
        // the shell's feature:install is for the admin role (command ACL); the test installs as the runtime does
        EnumSet<FeaturesService.Option> noRefresh = EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);
        featuresService.installFeature("openvrrs-accounting", noRefresh);
        try {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
                    assertTrue(metrics().contains("# TYPE openvrrs_accounting_running gauge\n")));
        } finally {
            featuresService.uninstallFeature("openvrrs-accounting", noRefresh);
        }
        // and gone with it
        await().ignoreExceptions().untilAsserted(() -> assertTrue(!metrics().contains("openvrrs_accounting_")));
    }

    /**
     * Not a check, a measurement (docs/operations.md): what serving /metrics costs in the booted demo. Prints the
     * bundle's size, the threads it runs, and the time and size of a scrape (median and p99 of 200).
     */
    @Test
    public void footprintOfServingMetrics() throws Exception {
        await().untilAsserted(() -> assertTrue(metrics().contains("openvrrs_vrrp_group_state" + DEMO_R1 + " 3\n")));
        org.osgi.framework.Bundle bundle = bundle("org.openvrrs.metrics.prometheus");
        long jarBytes = Files.size(Path.of(URI.create(bundle.getLocation().startsWith("file:") ? bundle.getLocation()
                : "file:" + System.getProperty("karaf.home") + "/system/org/openvrrs/metrics-prometheus/"
                        + required("openvrrs.project.version") + "/metrics-prometheus-"
                        + required("openvrrs.project.version") + ".jar")));
        List<String> threads = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("openvrrs-metrics") || n.startsWith("HTTP-Dispatcher")).sorted().toList();
        long[] nanos = new long[200];
        int bytes = 0;
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            bytes = metrics().getBytes(StandardCharsets.UTF_8).length;
            nanos[i] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(nanos);
        String report = String.format(java.util.Locale.ROOT, "metrics footprint: bundle %d bytes, threads %s, scrape "
                + "%d bytes, %.2f ms median, %.2f ms p99 (200 scrapes over loopback)%n", jarBytes, threads, bytes,
                nanos[100] / 1e6, nanos[197] / 1e6);
        System.out.print(report);
        Files.writeString(Path.of(required(DIR_PROPERTY)).getParent().resolve("metrics-footprint.txt"), report);
        assertTrue(threads.toString(), !threads.isEmpty());
    }

    /** The one sample's value of an instant query's answer. */
    private static String value(String answer) {
        Matcher m = Pattern.compile("\"value\":\\[[0-9.]+,\"([^\"]+)\"\\]").matcher(answer);
        assertTrue("one sample in " + answer, m.find());
        String v = m.group(1);
        assertTrue("exactly one sample in " + answer, !m.find());
        return v;
    }

    private static void stop(Process prometheus, Path dir) throws IOException, InterruptedException {
        prometheus.destroy();
        if (!prometheus.waitFor(20, TimeUnit.SECONDS)) {
            prometheus.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        System.out.println("prometheus log:\n" + Files.readString(dir.resolve("prometheus.log")));
    }
}
