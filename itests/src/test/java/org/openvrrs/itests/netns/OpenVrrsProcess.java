package org.openvrrs.itests.netns;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;

/**
 * An {@link OpenVrrsNode} JVM running in a router namespace, started with this test's own class path; its
 * {@code STATE} lines are collected so tests wait for states, and its log goes to the LAN's log folder.
 */
final class OpenVrrsProcess {
    static final String JVM_PROPERTY = "openvrrs.node.jvm";
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final OutputStream stdin;

    OpenVrrsProcess(NetnsLan lan, String ns, String device, List<String> groupProperties) {
        this(lan, ns, OpenVrrsNode.class, prepend(device, groupProperties));
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    /** Runs {@code mainClass} (OpenVrrsNode, PluginNode: READY, STATE lines, stdin commands) with {@code args}. */
    OpenVrrsProcess(NetnsLan lan, String ns, Class<?> mainClass, List<String> args) {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", ns,
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // JVM options of the node; the failover harness compares settings with -Dopenvrrs.node.jvm="..."
        for (String option : jvmOptions().trim().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        // log lines with their time, to set beside a capture or a GC log
        command.addAll(List.of("-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS"));
        command.addAll(List.of("-cp", classPath(), mainClass.getName()));
        command.addAll(args);
        Path log = lan.logDir().resolve("openvrrs-" + ns + ".log");
        try {
            process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start OpenVRRS: " + e.getMessage());
        }
        lan.track(process);
        stdin = process.getOutputStream();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                    appendQuietly(log, "[stdout] " + line + "\n");
                }
            } catch (IOException e) {
                lines.add("EOF " + e.getMessage());
            }
        }, "openvrrs-stdout-" + ns);
        reader.setDaemon(true);
        reader.start();
        // 90 s: a node restarted by the failover harness at 10 ms may start on a VM saturated by an election storm
        Awaitility.await("OpenVRRS in " + ns + " ready (see " + log + ")").atMost(Duration.ofSeconds(90))
                .until(() -> lines.contains("READY") || lines.stream().anyMatch(l -> l.startsWith("ERROR"))
                        || !process.isAlive());
        if (!lines.contains("READY")) {
            throw new AssertionError("OpenVRRS did not start: " + lines);
        }
    }

    /** JVM options of a node: {@code openvrrs.node.jvm}, else G1, as the distribution runs (docs/operations.md). */
    static String jvmOptions() {
        return System.getProperty(JVM_PROPERTY, "-XX:+UseG1GC");
    }

    /** Surefire/failsafe's real class path (java.class.path may be a manifest-only jar, which also works). */
    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static void appendQuietly(Path log, String text) {
        try {
            Files.writeString(log, text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND,
                    java.nio.file.StandardOpenOption.CREATE);
        } catch (IOException e) {
            // the log is a convenience; the lines are kept in memory
        }
    }

    /** The state of the last STATE line: INITIALIZE, BACKUP or MASTER ("" before any). */
    String state() {
        return lastState()[0];
    }

    /** The Master address of the last STATE line ("-" when none). */
    String master() {
        return lastState()[1];
    }

    private String[] lastState() {
        for (int i = lines.size() - 1; i >= 0; i--) {
            String[] parts = lines.get(i).split(" ");
            if (parts[0].equals("STATE") && parts.length >= 4) {
                return new String[] {parts[2], parts[3]};
            }
        }
        return new String[] {"", "-"};
    }

    /** The node JVM's process id ({@code ip netns exec} runs java in its own place). */
    long pid() {
        return process.pid();
    }

    List<String> lines() {
        return lines;
    }

    /** What {@code vrrs:group NAME} shows in the node, one string (its VRRS registry, pushed by its VRRP group). */
    String vrrsGroup(String name) throws IOException {
        int from = lines.size();
        stdin.write(("vrrs " + name + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
        Awaitility.await("vrrs:group " + name).atMost(Duration.ofSeconds(5))
                .until(() -> lines.subList(from, lines.size()).contains("VRRS-END"));
        StringBuilder out = new StringBuilder();
        for (String l : lines.subList(from, lines.size())) {
            if (l.equals("VRRS-END")) {
                break;
            }
            if (l.startsWith("VRRS ")) {
                out.append(l.substring(5)).append('\n');
            }
        }
        return out.toString();
    }

    /** What {@code vrrp:statistics} shows in the node, one string. */
    String statistics() throws IOException {
        return reply("statistics", "STATS");
    }

    /** Sends {@code command} and collects the {@code PREFIX ...} lines of its answer, up to {@code PREFIX-END}. */
    private String reply(String command, String prefix) throws IOException {
        int from = lines.size();
        send(command);
        Awaitility.await(command).atMost(Duration.ofSeconds(5))
                .until(() -> lines.subList(from, lines.size()).contains(prefix + "-END"));
        StringBuilder out = new StringBuilder();
        for (String l : lines.subList(from, lines.size())) {
            if (l.equals(prefix + "-END")) {
                break;
            }
            if (l.startsWith(prefix + " ")) {
                out.append(l.substring(prefix.length() + 1)).append('\n');
            }
        }
        return out.toString();
    }

    /** Writes one command line to the node's stdin. */
    void send(String commandLine) throws IOException {
        stdin.write((commandLine + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    /** Graceful stop: a Master resigns with priority 0 and removes its virtual addresses. */
    void stop() throws Exception {
        stdin.write("stop\n".getBytes(StandardCharsets.UTF_8));
        stdin.flush();
        Awaitility.await("OpenVRRS stopped").atMost(Duration.ofSeconds(15)).until(() -> !process.isAlive());
    }
}
