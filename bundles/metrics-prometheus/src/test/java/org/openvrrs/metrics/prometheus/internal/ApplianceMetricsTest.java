package org.openvrrs.metrics.prometheus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openvrrs.fhrp.vrrp.internal.VrrpRuntime;
import org.openvrrs.net.api.InterfaceAddress;
import org.openvrrs.net.sim.SimLan;
import org.openvrrs.net.sim.SimRouter;
import org.openvrrs.net.sim.VirtualScheduler;
import org.openvrrs.plugin.accounting.api.AccountingCounters;
import org.openvrrs.plugin.common.api.SubinterfaceCounts;
import org.openvrrs.vrrs.api.ClientPriority;
import org.openvrrs.vrrs.api.ClientSpec;
import org.openvrrs.vrrs.api.MacAddress;
import org.openvrrs.vrrs.core.internal.StandaloneRegistry;

/**
 * The exposition of a running appliance without OSGi: the demo's two routers on a simulated LAN (virtual time) with
 * the real VRRP engine and VRRS registry, read the way the component reads them.
 */
class ApplianceMetricsTest {
    static final String R1 = "{network=\"r1\",interface=\"eth0\",vrid=\"1\",family=\"ipv4\",version=\"3\","
            + "vrrs_name=\"DEMO-R1\"}";
    static final String R2 = R1.replace("r1", "r2").replace("DEMO-R1", "DEMO-R2");
    /** RFC 6527 vrrpv3StatisticsTable, as named here (and RFC 2787's authentication counters for VRRPv2). */
    static final List<String> RFC_6527_COUNTERS = List.of("master_transitions", "advertisements_received",
            "advertisement_interval_errors", "ip_ttl_errors", "priority_zero_received", "priority_zero_sent",
            "invalid_type_received", "address_list_errors", "packet_length_errors", "auth_failures",
            "invalid_auth_type", "auth_type_mismatch");

    final VirtualScheduler clock = new VirtualScheduler();
    final SimLan lan = new SimLan("lan0", clock);
    final SimRouter r1 = new SimRouter("r1", clock);
    final SimRouter r2 = new SimRouter("r2", clock);
    final StandaloneRegistry registry = new StandaloneRegistry();
    final VrrpRuntime vrrp = new VrrpRuntime(registry.whiteboard());
    VrrpSource vrrpSource;
    final MetricsComponent metrics = new MetricsComponent();
    final List<AutoCloseable> closing = new ArrayList<>();

    ApplianceMetricsTest() {
        r1.addInterface("eth0", lan, MacAddress.parse("0200.0000.0101"), InterfaceAddress.parse("192.0.2.2/24"));
        r2.addInterface("eth0", lan, MacAddress.parse("0200.0000.0102"), InterfaceAddress.parse("192.0.2.3/24"));
        vrrp.addNetwork("r1", r1);
        vrrp.addNetwork("r2", r2);
        closing.add(vrrp.addGroup(group("r1", 120, "DEMO-R1"), (g, s, m, p) -> { }));
        closing.add(vrrp.addGroup(group("r2", 100, "DEMO-R2"), (g, s, m, p) -> { }));
        // a client following a name no server publishes, with the characters a label value must escape
        closing.add(registry.whiteboard().client(s -> { }, ClientSpec.following("odd \"client\\",
                ClientPriority.HIGH, java.util.Set.of("ODD\"NAME\\"))));
        vrrpSource = new VrrpSource(vrrp.monitor());
        metrics.sources = List.of(vrrpSource);
        metrics.registry = registry;
        metrics.registryStatistics = registry.statistics();
        clock.advance(Duration.ofSeconds(5));
    }

    static Map<String, Object> group(String network, int priority, String name) {
        return Map.of("network", network, "interfaceName", "eth0", "vrid", 1, "addresses", "192.0.2.1",
                "priority", priority, "name", name);
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        registry.close();
    }

    /** A scrape as the HTTP thread makes it, while the simulated routers' scheduler answers. */
    String scrape() {
        CompletableFuture<String> f = CompletableFuture.supplyAsync(metrics::scrape);
        await().until(() -> {
            clock.runUntilIdle();
            return f.isDone();
        });
        return f.join();
    }

    @Test
    void everyGroupHasItsStateAndEveryRfc6527CounterLabelledByWhereItRuns() {
        Map<String, Double> s = Samples.of(scrape());
        assertThat(s).containsEntry("openvrrs_vrrp_group_state" + R1, 3.0)
                .containsEntry("openvrrs_vrrp_group_state" + R2, 2.0)
                .containsEntry("openvrrs_vrrp_group_priority" + R1, 120.0)
                .containsEntry("openvrrs_vrrp_group_priority" + R2, 100.0)
                .containsEntry("openvrrs_vrrp_group_master_transitions_total" + R1, 1.0)
                .containsEntry("openvrrs_vrrp_group_master_transitions_total" + R2, 0.0)
                .containsEntry("openvrrs_vrrp_group_master_advertisement_interval_seconds" + R2, 1.0)
                .containsKeys("openvrrs_vrrp_router_checksum_errors_total", "openvrrs_vrrp_router_version_errors_total",
                        "openvrrs_vrrp_router_vrid_errors_total");
        for (String g : List.of(R1, R2)) {
            for (String counter : RFC_6527_COUNTERS) {
                assertThat(s).containsKey("openvrrs_vrrp_group_" + counter + "_total" + g);
            }
            assertThat(s).containsKeys("openvrrs_vrrp_group_new_master_reason" + g,
                    "openvrrs_vrrp_group_protocol_error_reason" + g,
                    "openvrrs_vrrp_group_advertisements_sent_total" + g);
        }
        assertThat(s.get("openvrrs_vrrp_group_advertisements_sent_total" + R1)).isPositive();
        assertThat(s.get("openvrrs_vrrp_group_advertisements_received_total" + R2)).isPositive();
        // the registry: both groups served, the followed unknown name INIT and unserved, escaped
        assertThat(s).containsEntry("openvrrs_vrrs_group_state{group=\"DEMO-R1\"}", 3.0)
                .containsEntry("openvrrs_vrrs_group_state{group=\"DEMO-R2\"}", 2.0)
                .containsEntry("openvrrs_vrrs_group_state{group=\"ODD\\\"NAME\\\\\"}", 1.0)
                .containsEntry("openvrrs_vrrs_group_served{group=\"ODD\\\"NAME\\\\\"}", 0.0)
                .containsKey("openvrrs_vrrs_client_deliveries_total{client=\"odd \\\"client\\\\\",id=\"1\","
                        + "priority=\"High\"}");
    }

    @Test
    void aFailoverShowsInStateAndTransitionsAndNoCounterEverGoesBack() {
        Map<String, Double> before = Samples.of(scrape());
        r1.stop();
        clock.advance(Duration.ofSeconds(5));
        Map<String, Double> after = Samples.of(scrape());

        assertThat(after).containsEntry("openvrrs_vrrp_group_state" + R2, 3.0)
                .containsEntry("openvrrs_vrrp_group_master_transitions_total" + R2, 1.0)
                .containsEntry("openvrrs_vrrs_group_state{group=\"DEMO-R2\"}", 3.0);
        assertThat(after.get("openvrrs_vrrp_group_advertisements_sent_total" + R2)).isPositive();
        assertThat(after.get("openvrrs_vrrs_fanout_duration_seconds_count"))
                .isGreaterThan(before.get("openvrrs_vrrs_fanout_duration_seconds_count"));
        before.forEach((sample, value) -> {
            if (isCumulative(sample)) {
                assertThat(after.get(sample)).as(sample).isGreaterThanOrEqualTo(value);
            }
        });
    }

    @Test
    void theFanoutHistogramIsCumulativeAndEndsInItsCount() {
        Map<String, Double> s = Samples.of(scrape());
        List<Double> buckets = s.entrySet().stream().filter(e -> e.getKey().startsWith(
                "openvrrs_vrrs_fanout_duration_seconds_bucket")).map(Map.Entry::getValue).toList();
        assertThat(buckets).hasSizeGreaterThan(10).isSorted();
        assertThat(s).containsEntry("openvrrs_vrrs_fanout_duration_seconds_bucket{le=\"+Inf\"}",
                s.get("openvrrs_vrrs_fanout_duration_seconds_count"));
        assertThat(s.get("openvrrs_vrrs_fanout_duration_seconds_count")).isPositive();
    }

    @Test
    void theOptionalSourcesAddTheirFamiliesAndAFailingOneIsLeftOutAndCounted() {
        metrics.sources = List.of(vrrpSource, new PluginSource(() -> new SubinterfaceCounts(5, 4, 2, 5, 3)),
                new AccountingSource(() -> Optional.of(new AccountingCounters(7, 1, List.of(
                        new AccountingCounters.Server("rad1", 10, 8, 3, 2, 1, 0, 7))))));
        Map<String, Double> s = Samples.of(scrape());
        assertThat(s).containsEntry("openvrrs_plugin_subinterfaces_following", 5.0)
                .containsEntry("openvrrs_plugin_subinterfaces_live", 4.0)
                .containsEntry("openvrrs_plugin_subinterfaces_active", 2.0)
                .containsEntry("openvrrs_plugin_subinterfaces{plugin=\"interface-state\"}", 5.0)
                .containsEntry("openvrrs_plugin_subinterfaces{plugin=\"mac-address\"}", 3.0)
                .containsEntry("openvrrs_accounting_running", 1.0)
                .containsEntry("openvrrs_accounting_queued_records", 7.0)
                .containsEntry("openvrrs_accounting_delivery_failures_total{server=\"rad1\"}", 2.0)
                .containsEntry("openvrrs_accounting_requests_sent_total{server=\"rad1\"}", 10.0)
                .containsEntry("openvrrs_accounting_responses_total{server=\"rad1\"}", 8.0)
                .containsEntry("openvrrs_accounting_retransmissions_total{server=\"rad1\"}", 3.0)
                .containsEntry("openvrrs_accounting_server_queued_records{server=\"rad1\"}", 7.0);

        metrics.sources = List.of(vrrpSource, new AccountingSource(() -> {
            throw new IllegalStateException("accounting status unavailable");
        }));
        String text = scrape();
        assertThat(text).doesNotContain("openvrrs_accounting_").contains("openvrrs_vrrp_group_state");
        assertThat(Samples.of(text)).containsEntry("openvrrs_metrics_source_errors_total{source=\"accounting\"}", 1.0);
    }

    @Test
    void promtoolAcceptsTheExposition() throws Exception {
        Optional<Path> promtool = Promtool.find();
        Assumptions.assumeTrue(promtool.isPresent(), "promtool not installed (Debian package prometheus): "
                + "the exposition was not checked by Prometheus's own linter");
        metrics.sources = List.of(vrrpSource, new PluginSource(() -> new SubinterfaceCounts(5, 4, 2, 5, 3)),
                new AccountingSource(() -> Optional.of(new AccountingCounters(7, 1, List.of(
                        new AccountingCounters.Server("rad \"1\"", 10, 8, 3, 2, 1, 0, 7))))));
        r1.stop();
        clock.advance(Duration.ofSeconds(5));
        Promtool.Result result = Promtool.checkMetrics(promtool.get(), scrape());
        assertThat(result.output()).isEmpty();
        assertThat(result.exitCode()).isZero();
    }

    static boolean isCumulative(String sample) {
        String name = sample.contains("{") ? sample.substring(0, sample.indexOf('{')) : sample;
        return name.endsWith("_total") || name.endsWith("_bucket") || name.endsWith("_count")
                || name.endsWith("_sum");
    }
}
