package org.openvrrs.metrics.prometheus.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /metrics} on the JDK's own HTTP server (module jdk.httpserver): one thread, no bundle to add. Anything
 * else is 404, any other method 405; a scrape that fails is 500 with one line.
 */
final class MetricsServer implements AutoCloseable {
    static final String PATH = "/metrics";
    /**
     * The JDK's server writes headers and body apart; with Nagle's algorithm on, the body waits for the client's
     * delayed ACK of the headers: 40-50 ms per scrape instead of 2-3 ms (measured, docs/operations.md). Read once,
     * when the JDK's server is first used; nothing else in the appliance uses that server.
     */
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";
    private static final Logger LOG = LoggerFactory.getLogger(MetricsServer.class);

    private final HttpServer server;
    private final ExecutorService thread;

    private MetricsServer(HttpServer server, ExecutorService thread) {
        this.server = server;
        this.thread = thread;
    }

    /** Listens at once; throws when the address cannot be bound (taken, not this host's). */
    static MetricsServer start(InetSocketAddress address, Supplier<String> scrape) throws IOException {
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
        HttpServer server = HttpServer.create(address, 0);
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "openvrrs-metrics-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(thread);
        server.createContext("/", exchange -> answer(exchange, scrape));
        server.start();
        return new MetricsServer(server, thread);
    }

    private static void answer(HttpExchange exchange, Supplier<String> scrape) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!PATH.equals(exchange.getRequestURI().getPath())) {
                send(exchange, 404, "text/plain; charset=utf-8", "Not found: the metrics are at " + PATH + "\n",
                        method);
            } else if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", "Only GET and HEAD\n", method);
            } else {
                String body;
                try {
                    body = scrape.get();
                } catch (RuntimeException e) {
                    LOG.warn("Prometheus metrics: scrape failed: {}", e.toString());
                    send(exchange, 500, "text/plain; charset=utf-8", "scrape failed: " + e + "\n", method);
                    return;
                }
                send(exchange, 200, Exposition.CONTENT_TYPE, body, method);
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body, String method)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (method.equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Where it listens (the port chosen when 0 was asked). */
    InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(0);
        thread.shutdownNow();
    }
}
