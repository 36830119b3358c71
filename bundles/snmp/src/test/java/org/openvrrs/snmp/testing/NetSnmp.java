package org.openvrrs.snmp.testing;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * net-snmp as an operator runs it, started by a test in a folder of its own: {@code snmpd} as the AgentX master
 * (its own config file, {@code -f}, its own pid file and log, the AgentX socket in /tmp/snm-*, SNMP on
 * 127.0.0.1 on a free high port, one SNMPv3 user with SHA authentication and AES privacy, no community), and
 * {@code snmptrapd} on another free port of 127.0.0.1 to which snmpd sends its notifications. The clients
 * ({@code snmpwalk}, {@code snmpget}) run with the MIB folders given, so names resolve. Debian packages snmp,
 * snmpd and snmptrapd.
 *
 * <p>What it runs, for the record: {@code snmpd -f -C -c DIR/snmpd.conf -Lf DIR/snmpd.log -p DIR/snmpd.pid
 * udp:127.0.0.1:PORT}, {@code snmptrapd -f -C -c DIR/snmptrapd.conf -Lf DIR/snmptrapd.log -p DIR/snmptrapd.pid
 * -M +MIBS -m MODULES udp:127.0.0.1:TRAPPORT}, and the clients with {@code -v3 -l authPriv -u USER -a SHA -A ...
 * -x AES -X ... -M +MIBS -m MODULES 127.0.0.1:PORT}.
 */
public final class NetSnmp implements AutoCloseable {
    public static final String USER = "snm-operator";
    public static final String AUTH = "snm-auth-passphrase";
    public static final String PRIV = "snm-priv-passphrase";
    public static final String MODULES = "VRRPV3-MIB:VRRP-MIB:OPENVRRS-VRRS-MIB";
    private static final String TRAP_COMMUNITY = "snm-traps";

    private final Path dir;
    private final String mibPath;
    private final int port;
    private final int trapPort;
    private final List<Process> processes = new ArrayList<>();
    /** The AgentX socket's folder: short, in /tmp (a Unix socket path has at most 107 bytes); removed at close. */
    private final Path socketDir;

    /** @param mibDirs folders with the MIB files (ours and the IETF ones they import) */
    public NetSnmp(Path dir, List<Path> mibDirs) throws IOException {
        this.dir = dir.toAbsolutePath();
        Files.createDirectories(this.dir);
        this.mibPath = String.join(":", mibDirs.stream().map(p -> p.toAbsolutePath().toString()).toList());
        this.port = freeUdpPort();
        this.trapPort = freeUdpPort();
        this.socketDir = Files.createTempDirectory(Path.of("/tmp"), "snm-");
    }

    /** Whether snmpd, snmptrapd and the clients are installed (Debian snmp, snmpd, snmptrapd). */
    public static boolean installed() {
        return Files.isExecutable(Path.of("/usr/sbin/snmpd")) && Files.isExecutable(Path.of("/usr/sbin/snmptrapd"))
                && Files.isExecutable(Path.of("/usr/bin/snmpwalk"));
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The AgentX socket snmpd listens on, as the subagent's {@code agentxSocket} setting names it. */
    public String agentxSocket() {
        return "unix:" + socketDir.resolve("agentx.sock");
    }

    public Path dir() {
        return dir;
    }

    /** Starts snmptrapd, then snmpd, and waits until snmpd answers for itself. */
    public void start() throws IOException {
        Files.writeString(dir.resolve("snmptrapd.conf"), "authCommunity log " + TRAP_COMMUNITY + "\n");
        Files.writeString(dir.resolve("snmpd.conf"), String.join("\n",
                "master agentx",
                "agentXSocket " + agentxSocket(),
                "agentXPerms 0600 0700",
                "createUser " + USER + " SHA \"" + AUTH + "\" AES \"" + PRIV + "\"",
                "rouser " + USER + " priv",
                "authtrapenable 1", // a request with wrong credentials: one authenticationFailure notification
                "trapsess -v 2c -c " + TRAP_COMMUNITY + " 127.0.0.1:" + trapPort, ""));
        processes.add(daemon("snmptrapd", List.of("/usr/sbin/snmptrapd", "-f", "-C", "-c",
                dir.resolve("snmptrapd.conf").toString(), "-Lf", dir.resolve("snmptrapd.log").toString(), "-p",
                dir.resolve("snmptrapd.pid").toString(), "-M", "+" + mibPath, "-m", MODULES,
                "udp:127.0.0.1:" + trapPort)));
        processes.add(daemon("snmpd", List.of("/usr/sbin/snmpd", "-f", "-C", "-c",
                dir.resolve("snmpd.conf").toString(), "-Lf", dir.resolve("snmpd.log").toString(), "-p",
                dir.resolve("snmpd.pid").toString(), "udp:127.0.0.1:" + port)));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!Files.exists(socketDir.resolve("agentx.sock"))
                || !get("1.3.6.1.2.1.1.3.0").output().contains("Timeticks")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("snmpd did not start, see " + dir.resolve("snmpd.log"));
            }
            sleep(200);
        }
    }

    private Process daemon(String name, List<String> command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".out").toFile());
        pb.environment().put("SNMP_PERSISTENT_DIR", dir.resolve(name + "-persist").toString());
        pb.environment().put("SNMPCONFPATH", dir.toString());
        pb.environment().put("MIBS", ""); // the daemons' own MIB loading is not under test
        return pb.start();
    }

    /** snmpwalk with the right credentials. */
    public Result walk(String oid) {
        return client("snmpwalk", USER, AUTH, oid);
    }

    /** snmpwalk with the right credentials, names printed as numbers (indexes with addresses stay readable). */
    public Result walkNumeric(String oid) {
        return client("snmpwalk", USER, AUTH, "-On", oid);
    }

    /** snmpget with the right credentials. */
    public Result get(String oid) {
        return client("snmpget", USER, AUTH, oid);
    }

    /** A client with the given user and authentication passphrase (the privacy one is right). */
    public Result client(String program, String user, String auth, String... optionsAndOid) {
        List<String> command = new ArrayList<>(List.of("/usr/bin/" + program, "-v3", "-l", "authPriv", "-u", user,
                "-a", "SHA", "-A", auth, "-x", "AES", "-X", PRIV, "-t", "2", "-r", "1", "-M", "+" + mibPath, "-m",
                MODULES, "127.0.0.1:" + port));
        command.addAll(List.of(optionsAndOid));
        return run(command);
    }

    /** A v2c client with {@code community}: snmpd answers no community (none is configured). */
    public Result v2c(String community, String oid) {
        return run(List.of("/usr/bin/snmpget", "-v2c", "-c", community, "-t", "1", "-r", "0", "127.0.0.1:" + port,
                oid));
    }

    /** What snmptrapd logged: every notification received. */
    public String traps() throws IOException {
        Path log = dir.resolve("snmptrapd.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    public record Result(int exitCode, String output) {
    }

    private Result run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, out + " (timed out)");
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops both daemons (SIGTERM, then SIGKILL after 5 s). The folder stays, with the logs; the socket goes. */
    @Override
    public void close() {
        for (Process p : processes) {
            p.destroy();
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        processes.clear();
        try {
            Files.deleteIfExists(socketDir.resolve("agentx.sock"));
            Files.deleteIfExists(socketDir);
        } catch (IOException e) {
            // a leftover empty folder in /tmp
        }
    }
}
