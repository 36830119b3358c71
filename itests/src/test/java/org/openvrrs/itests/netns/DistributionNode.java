package org.openvrrs.itests.netns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * The assembled distribution (karaf-assembly/target/assembly) run as users run it on real interfaces, inside one of
 * a {@link NetnsLan}'s namespaces: a copy of it in {@code LOGDIR/distribution-NS}, configured in {@code etc/} as
 * README.md's "On real interfaces" says, an operator's SSH key added as its "Security by default" section says, then
 * {@code ip netns exec NS bin/karaf server}. Shell commands go over SSH to 127.0.0.1:8101 from inside the same
 * namespace with OpenSSH, as an operator on the box would run them.
 *
 * <p>What it runs, for the record: {@code cp -a ASSEMBLY COPY}; {@code ssh-keygen -q -t ecdsa -N "" -f
 * COPY/operator-key}; {@code ip netns exec NS COPY/bin/karaf server} (JAVA_HOME = this JVM's, output to
 * {@code COPY/console.log}); {@code ip netns exec NS ssh -p 8101 -i COPY/operator-key -o BatchMode=yes -o
 * StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o ConnectTimeout=5
 * operator@127.0.0.1 COMMAND}; {@code ip netns exec NS COPY/bin/stop}, then SIGKILL of what is left of the
 * process it started and its descendants. The copy is kept after the test for its logs ({@code data/log/karaf.log}).
 */
final class DistributionNode implements AutoCloseable {
    /** The pom passes the assembly folder; from the itests folder (failsafe's working folder) it is here. */
    static final String ASSEMBLY_PROPERTY = "openvrrs.assembly";
    private static final String USER = "operator";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** README "On real interfaces": the demo's files an operator deletes. */
    private static final String DEMO_FILES =
            "org\\.openvrrs\\.(vrrp\\.group-demo-.*|net\\.sim|plugin\\.subinterface-demo-.*)\\.cfg";
    /** Karaf colours some of its messages (e.g. "Command not found") even without a terminal. */
    private static final String ANSI = "\u001B\\[[;\\d]*m";

    private final String ns;
    private final Path home;
    private final Path key;
    private Process process;

    /**
     * Copies and configures the distribution; {@link #start()} starts it.
     *
     * @param interfaces   {@code interfaces} of etc/org.openvrrs.net.linux.cfg, e.g.
     *                     {@code GigabitEthernet0/0/0=eth0}
     * @param groups       one etc/org.openvrrs.vrrp.group-NAME.cfg per entry: NAME to its properties
     * @param bootFeatures what replaces {@code openvrrs-demo} in {@code featuresBoot}
     */
    DistributionNode(NetnsLan lan, String ns, String interfaces, Map<String, Map<String, String>> groups,
            List<String> bootFeatures) throws IOException {
        this.ns = ns;
        this.home = lan.logDir().resolve("distribution-" + ns).toAbsolutePath();
        this.key = home.resolve("operator-key");
        Path assembly = Path.of(System.getProperty(ASSEMBLY_PROPERTY, "../karaf-assembly/target/assembly"));
        if (!Files.isExecutable(assembly.resolve("bin/karaf"))) {
            throw new IllegalStateException("no assembled distribution at " + assembly.toAbsolutePath()
                    + " (karaf-assembly builds it before the itests)");
        }
        deleteTree(home);
        check(NetnsLan.run(List.of("cp", "-a", assembly.toAbsolutePath().toString(), home.toString())));
        configure(interfaces, groups, bootFeatures);
    }

    /** README "On real interfaces" and "Security by default": the files an operator writes. */
    private void configure(String interfaces, Map<String, Map<String, String>> groups, List<String> bootFeatures)
            throws IOException {
        Path etc = home.resolve("etc");
        // copy the example, then list the devices
        String linux = Files.readString(etc.resolve("org.openvrrs.net.linux.cfg.example"));
        String configured = linux.replaceFirst("(?m)^interfaces\\s*=.*$", "interfaces = " + interfaces);
        if (configured.equals(linux)) {
            throw new IllegalStateException("no 'interfaces =' line in org.openvrrs.net.linux.cfg.example");
        }
        Files.writeString(etc.resolve("org.openvrrs.net.linux.cfg"), configured);

        for (Map.Entry<String, Map<String, String>> group : groups.entrySet()) {
            StringBuilder cfg = new StringBuilder();
            group.getValue().forEach((k, v) -> cfg.append(k).append(" = ").append(v).append('\n'));
            Files.writeString(etc.resolve("org.openvrrs.vrrp.group-" + group.getKey() + ".cfg"), cfg.toString());
        }

        // and delete the demo's files, as README says
        try (Stream<Path> files = Files.list(etc)) {
            for (Path f : files.filter(f -> f.getFileName().toString().matches(DEMO_FILES)).toList()) {
                Files.delete(f);
            }
        }

        Path featuresCfg = etc.resolve("org.apache.karaf.features.cfg");
        String features = Files.readString(featuresCfg);
        String replaced = features.replaceFirst("openvrrs-demo(/[^,\\s]*)?", String.join(", ", bootFeatures));
        if (replaced.equals(features)) {
            throw new IllegalStateException("openvrrs-demo is not in featuresBoot of " + featuresCfg);
        }
        Files.writeString(featuresCfg, replaced);

        // a throwaway operator key (ECDSA: Karaf 4.4's SSH server has no Ed25519 verifier, docs/operations.md)
        check(NetnsLan.run(List.of("ssh-keygen", "-q", "-t", "ecdsa", "-N", "", "-C", "itest", "-f",
                key.toString())));
        String publicKey = Files.readString(home.resolve("operator-key.pub")).trim().split("\\s+")[1];
        Files.writeString(etc.resolve("keys.properties"), USER + " = " + publicKey + ",_g_:admingroup\n",
                StandardOpenOption.APPEND);
    }

    /**
     * Starts {@code bin/karaf server} in the namespace and waits until SSH answers and each of {@code commands}
     * (e.g. {@code "vrrs:summary"}) runs: the boot features are installed.
     */
    void start(String... commands) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("ip", "netns", "exec", ns, home.resolve("bin/karaf").toString(),
                "server").redirectErrorStream(true).redirectOutput(home.resolve("console.log").toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        process = pb.start();
        Awaitility.await("distribution in " + ns + " answers over SSH with " + List.of(commands) + " (see "
                + home.resolve("data/log/karaf.log") + ")")
                .atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("bin/karaf server ended (" + process.exitValue() + "), see "
                                + home.resolve("console.log"));
                    }
                    for (String command : commands) {
                        if (tryShell(command).exitCode() != 0) {
                            return false;
                        }
                    }
                    return true;
                });
    }

    /** Runs one shell command over SSH and returns what it printed; fails the test when it fails. */
    String shell(String command) {
        NetnsLan.Result r = tryShell(command);
        if (r.exitCode() != 0) {
            throw new AssertionError("over SSH in " + ns + ": " + command + " failed (" + r.exitCode() + "): "
                    + r.output().trim());
        }
        return r.output();
    }

    /**
     * Runs one shell command over SSH. Its exit code is ssh's, and also non-zero when Karaf printed that the command
     * does not exist or failed (it does not always set the exit status); its output without Karaf's colours.
     */
    NetnsLan.Result tryShell(String command) {
        return tryShell(command, null);
    }

    /**
     * Runs one shell command over SSH with {@code input} as its standard input (not a terminal), as a script runs
     * {@code ssh ... 'configure terminal' < site.cfg}; {@code null}: no input. Exit code and output as
     * {@link #tryShell(String)}.
     */
    NetnsLan.Result tryShell(String command, Path input) {
        ProcessBuilder pb = new ProcessBuilder("ip", "netns", "exec", ns, "ssh", "-p", "8101", "-i", key.toString(),
                "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o",
                "LogLevel=ERROR", "-o", "ConnectTimeout=5", USER + "@127.0.0.1", command);
        // ssh's own messages ("Connection to 127.0.0.1 closed by remote host.") are not the command's output
        pb.redirectError(ProcessBuilder.Redirect.appendTo(home.resolve("ssh.log").toFile()));
        if (input != null) {
            pb.redirectInput(input.toFile());
        }
        try {
            Process p = pb.start();
            if (input == null) {
                p.getOutputStream().close();
            }
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .replaceAll(ANSI, "");
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new NetnsLan.Result(-1, output + " (timed out)");
            }
            boolean failed = output.contains("Command not found") || output.contains("Error executing command");
            return new NetnsLan.Result(failed && p.exitValue() == 0 ? 1 : p.exitValue(), output);
        } catch (IOException e) {
            return new NetnsLan.Result(-1, "ssh: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new NetnsLan.Result(-1, "interrupted");
        }
    }

    /** Stops the distribution ({@link #close()}) and starts it again in the same folder ({@link #start}). */
    void restart(String... commands) throws IOException {
        close();
        start(commands);
    }

    /** The distribution's folder (etc/, data/log/karaf.log, console.log). */
    Path home() {
        return home;
    }

    /**
     * {@code bin/stop} in the namespace (Karaf's shutdown port listens on the namespace's loopback), then SIGKILL of
     * whatever is left of the process started here and its descendants. Idempotent.
     */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        NetnsLan.run(List.of("ip", "netns", "exec", ns, home.resolve("bin/stop").toString()));
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        all.forEach(ProcessHandle::destroyForcibly);
        process = null;
    }

    private static void check(NetnsLan.Result r) {
        if (r.exitCode() != 0) {
            throw new IllegalStateException(r.output().trim());
        }
    }

    /** Deletes a copy an earlier run left (always a distribution-NS folder under the LAN's log folder). */
    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        if (!dir.getFileName().toString().startsWith("distribution-")) {
            throw new IllegalArgumentException("refusing to delete " + dir);
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
