package org.openvrrs.plugin.accounting.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A FreeRADIUS of our own for tests: a minimal configuration in a temporary directory (a client for 127.0.0.1 with
 * the secret, a {@code detail} module, a server on 127.0.0.1:PORT whose accounting section calls only that module),
 * run as {@code freeradius -f -X -d DIR} and stopped by its pid. Nothing of the system installation is used but the
 * dictionaries and modules.
 */
final class FreeRadius implements AutoCloseable {
    static final String BINARY = "/usr/sbin/freeradius";

    final Path dir;
    final int port;
    final String secret;
    private Process process;

    /** Skips the calling test when FreeRADIUS is not installed. */
    static void assumeInstalled() {
        assumeTrue(Files.isExecutable(Path.of(BINARY)),
                "FreeRADIUS is not installed (" + BINARY + "): apt-get install freeradius to run this test");
    }

    FreeRadius(Path dir, String secret) throws IOException {
        this.dir = dir;
        this.port = freeUdpPort();
        this.secret = secret;
        Files.createDirectories(dir.resolve("log"));
        Files.createDirectories(dir.resolve("run"));
        Files.createDirectories(dir.resolve("acct"));
        String d = dir.toAbsolutePath().toString();
        String conf = String.join("\n",
                "prefix = /usr",
                "exec_prefix = /usr",
                "sysconfdir = /etc",
                "localstatedir = /var",
                "sbindir = /usr/sbin",
                "logdir = " + d + "/log",
                "raddbdir = " + d,
                "radacctdir = " + d + "/acct",
                "name = freeradius",
                "confdir = " + d,
                "run_dir = " + d + "/run",
                "libdir = /usr/lib/freeradius",
                "pidfile = " + d + "/run/radiusd.pid",
                "max_request_time = 30",
                "cleanup_delay = 2",
                "max_requests = 65536",
                "hostname_lookups = no",
                "log {",
                "  destination = stdout",
                "}",
                "security {",
                "  allow_core_dumps = no",
                "}",
                "client local {",
                "  ipaddr = 127.0.0.1",
                "  secret = " + secret,
                "}",
                "modules {",
                "  detail {",
                "    filename = " + d + "/acct/detail",
                "    permissions = 0600",
                "    locking = no",
                "  }",
                "}",
                "server default {",
                "  listen {",
                "    type = acct",
                "    ipaddr = 127.0.0.1",
                "    port = " + port,
                "  }",
                "  accounting {",
                "    detail",
                "  }",
                "}",
                "");
        Files.writeString(dir.resolve("radiusd.conf"), conf);
    }

    /** Starts the server and waits until it says it is ready. */
    FreeRadius start() throws IOException, InterruptedException {
        Path out = dir.resolve("log/stdout.log");
        process = new ProcessBuilder(BINARY, "-f", "-X", "-d", dir.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile())).start();
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(until)) {
            if (Files.exists(out) && Files.readString(out, StandardCharsets.ISO_8859_1)
                    .contains("Ready to process requests")) {
                return this;
            }
            if (!process.isAlive()) {
                throw new IOException("freeradius exited: " + Files.readString(out, StandardCharsets.ISO_8859_1));
            }
            Thread.sleep(50);
        }
        throw new IOException("freeradius did not become ready within 20 s");
    }

    /** Stops the server by its pid and waits for it to exit. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy(); // SIGTERM to that pid
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        // the next start appends to the same log: forget the old "ready" line
        try {
            Files.deleteIfExists(dir.resolve("log/stdout.log"));
        } catch (IOException e) {
            // best effort
        }
    }

    String log() throws IOException {
        Path out = dir.resolve("log/stdout.log");
        return Files.exists(out) ? Files.readString(out, StandardCharsets.ISO_8859_1) : "";
    }

    /** The records of the detail file in order, each attribute name to its value as FreeRADIUS wrote it. */
    List<Map<String, String>> records() throws IOException {
        Path detail = dir.resolve("acct/detail");
        List<Map<String, String>> out = new ArrayList<>();
        if (!Files.exists(detail)) {
            return out;
        }
        Map<String, String> current = null;
        for (String line : Files.readAllLines(detail, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                current = null;
            } else if (!line.startsWith("\t")) {
                current = new LinkedHashMap<>();
                out.add(current);
            } else if (current != null) {
                int eq = line.indexOf(" = ");
                String value = line.substring(eq + 3);
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                current.put(line.substring(1, eq), value);
            }
        }
        return out;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
