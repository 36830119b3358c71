package org.openvrrs.metrics.prometheus.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetricsServerTest {
    final HttpClient http = HttpClient.newHttpClient();
    MetricsServer server;

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
    }

    HttpResponse<String> send(String method, String path) throws Exception {
        InetSocketAddress at = server.address();
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + at.getPort() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void getMetricsIsTheExpositionWithItsContentTypeAndAnythingElseIsRefused() throws Exception {
        server = MetricsServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                () -> "openvrrs_x 1\n");
        HttpResponse<String> ok = send("GET", "/metrics");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("openvrrs_x 1\n");
        assertThat(ok.headers().firstValue("Content-Type")).contains("text/plain; version=0.0.4; charset=utf-8");
        assertThat(send("HEAD", "/metrics").statusCode()).isEqualTo(200);
        assertThat(send("GET", "/metrics?name[]=x").statusCode()).isEqualTo(200);
        assertThat(send("POST", "/metrics").statusCode()).isEqualTo(405);
        assertThat(send("GET", "/").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/metrics/more").statusCode()).isEqualTo(404);
    }

    @Test
    void aScrapeThatFailsIs500WithOneLine() throws Exception {
        server = MetricsServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), () -> {
            throw new IllegalStateException("registry gone");
        });
        HttpResponse<String> r = send("GET", "/metrics");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).isEqualTo("scrape failed: java.lang.IllegalStateException: registry gone\n");
    }
}
