package org.openvrrs.metrics.prometheus.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openvrrs.config.api.ConfigReader;
import org.openvrrs.config.api.LiveConfig;
import org.openvrrs.vrrs.api.IpAddresses;
import org.openvrrs.vrrs.api.VrrsRegistry;
import org.openvrrs.vrrs.api.VrrsRegistryStatistics;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code /metrics} at the configured address, 127.0.0.1:9469 by default (like the SSH console: only this
 * host, until an operator says otherwise). Each scrape reads the VRRP server, the registry and the optional sources
 * present at that moment; none of them is needed for the server to answer.
 */
@Component(service = {}, configurationPid = MetricsComponent.PID, immediate = true)
@Designate(ocd = MetricsComponent.Config.class)
public final class MetricsComponent {
    static final String PID = "org.openvrrs.metrics";
    private static final Logger LOG = LoggerFactory.getLogger(MetricsComponent.class);

    @ObjectClassDefinition(name = "OpenVRRS Prometheus metrics", description = "Where /metrics is served")
    public @interface Config {
        @AttributeDefinition(description = "Address to listen on: an IPv4 or IPv6 address of this host "
                + "(0.0.0.0 or :: for every address); 127.0.0.1 = this host only")
        String host() default "127.0.0.1";

        @AttributeDefinition(description = "TCP port, 1-65535")
        int port() default 9469;
    }

    /** Where to listen, validated. */
    record Endpoint(InetAddress host, int port) {
        @Override
        public String toString() {
            return (host.getAddress().length == 16 ? "[" + IpAddresses.format(host) + "]" : IpAddresses.format(host))
                    + ":" + port;
        }
    }

    static final ConfigReader<Config, Endpoint> READER = ConfigReader.of(Config.class, c -> {
        if (c.port() < 1 || c.port() > 65535) {
            throw new IllegalArgumentException("port = " + c.port() + ": not a TCP port (1-65535)");
        }
        return new Endpoint(IpAddresses.parse("host", c.host()), c.port());
    });

    /** The optional sources (component name, the API service they read), enabled while such a service exists. */
    private static final List<String[]> OPTIONAL_SOURCES = List.of(
            new String[] {VrrpSource.class.getName(), "org.openvrrs.fhrp.vrrp.api.VrrpMonitor"},
            new String[] {PluginSource.class.getName(), "org.openvrrs.plugin.common.api.PluginMonitor"},
            new String[] {AccountingSource.class.getName(), "org.openvrrs.plugin.accounting.api.AccountingMonitor"});

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile VrrsRegistry registry;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile VrrsRegistryStatistics registryStatistics;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    volatile List<MetricsSource> sources = List.of();

    private final LiveConfig<Endpoint> config = LiveConfig.defaultsUntilValid(READER, LOG);
    private final Scrape scrape = new Scrape();
    private Endpoint listening;
    private MetricsServer server;
    private OptionalSources optionalSources;

    @Activate
    void activate(ComponentContext context, BundleContext bundleContext, Map<String, Object> properties) {
        optionalSources = new OptionalSources(context, bundleContext, OPTIONAL_SOURCES);
        config.update(properties);
        listen(config.current().orElseThrow());
    }

    @Modified
    void modified(Map<String, Object> properties) {
        config.update(properties).ifPresent(this::listen);
    }

    @Deactivate
    synchronized void deactivate() {
        optionalSources.close();
        stop();
    }

    /** (Re)starts the server when the endpoint changed; a failure to bind is one line and no server. */
    private synchronized void listen(Endpoint endpoint) {
        if (endpoint.equals(listening) && server != null) {
            return;
        }
        stop();
        try {
            server = MetricsServer.start(new InetSocketAddress(endpoint.host(), endpoint.port()), this::scrape);
            listening = endpoint;
            LOG.info("Prometheus metrics at http://{}{}", endpoint, MetricsServer.PATH);
        } catch (IOException e) {
            LOG.error("Prometheus metrics: cannot listen on {}: {} (no metrics served until {} is changed)",
                    endpoint, e.getMessage(), PID);
        }
    }

    private void stop() {
        if (server != null) {
            server.close();
            server = null;
            listening = null;
        }
    }

    /** The exposition now: the sources present, in a fixed order. */
    String scrape() {
        List<Scrape.Part> parts = new ArrayList<>();
        VrrsRegistry r = registry;
        if (r != null) {
            parts.add(new Scrape.Part("registry", out -> RegistryMetrics.write(r, out)));
        }
        VrrsRegistryStatistics s = registryStatistics;
        if (s != null) {
            parts.add(new Scrape.Part("registry statistics", out -> RegistryMetrics.write(s, out)));
        }
        sources.stream().sorted(java.util.Comparator.comparing(MetricsSource::name))
                .forEach(m -> parts.add(new Scrape.Part(m.name(), m::write)));
        return scrape.text(parts);
    }
}
