package org.openvrrs.itests.netns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A keepalived instance of the test's own (configuration, pid and log files in the LAN's log folder). */
final class Keepalived {
    private static final Pattern ENTERING = Pattern.compile("Entering (\\w+) STATE");
    private final NetnsLan lan;
    private final String ns;
    private final Path config;
    private int starts;

    /**
     * @param instance the {@code vrrp_instance} body lines (interface, virtual_router_id, priority, ...)
     * @param version  VRRP version, 2 or 3
     */
    Keepalived(NetnsLan lan, String ns, int version, List<String> instance) throws IOException {
        this(lan, ns, version, instanceBlocks(List.of(instance)));
    }

    /** {@code vrrp_instance VI_1}, {@code VI_2}, ... blocks, each given by its body lines. */
    static String instanceBlocks(List<List<String>> instances) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < instances.size(); i++) {
            sb.append("vrrp_instance VI_").append(i + 1).append(" {\n");
            instances.get(i).forEach(l -> sb.append("  ").append(l).append('\n'));
            sb.append("}\n");
        }
        return sb.toString();
    }

    /**
     * @param body what follows {@code global_defs}: {@code vrrp_script}, {@code vrrp_instance} and
     *             {@code vrrp_sync_group} blocks as keepalived.conf(5) writes them
     */
    Keepalived(NetnsLan lan, String ns, int version, String body) throws IOException {
        this.lan = lan;
        this.ns = ns;
        this.config = lan.logDir().resolve("keepalived-" + ns + ".conf");
        String global = "global_defs {\n  router_id " + ns + "\n  vrrp_version " + version
                + "\n  script_user root\n  enable_script_security\n}\n";
        Files.writeString(config, global + body);
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
    }

    void start() throws IOException {
        starts++;
        Path dir = lan.logDir();
        String id = ns + "-" + starts;
        // a pid file of an earlier run in this folder whose pid now names another process makes keepalived refuse
        // to start ("daemon is already running")
        for (String pidFile : List.of(id + ".pid", id + "-vrrp.pid", id + "-checkers.pid")) {
            Files.deleteIfExists(dir.resolve(pidFile));
        }
        lan.start(ns, "keepalived-" + id + ".log", List.of("keepalived", "-n", "-l", "-D", "-P",
                "-f", config.toString(), "-p", dir.resolve(id + ".pid").toString(),
                "-r", dir.resolve(id + "-vrrp.pid").toString(), "-c", dir.resolve(id + "-checkers.pid").toString()));
    }

    /** Whether the log of its latest start contains {@code text}, e.g. "Entering BACKUP STATE". */
    boolean logged(String text) throws IOException {
        Path log = log();
        return Files.exists(log) && Files.readString(log).contains(text);
    }

    /** How many times the log of its latest start contains {@code text}. */
    int count(String text) throws IOException {
        Path log = log();
        return Files.exists(log) ? Files.readString(log).split(Pattern.quote(text), -1).length - 1 : 0;
    }

    /** The state its latest start last entered ("MASTER", "BACKUP", "FAULT"; "" before any), from its log. */
    String state() throws IOException {
        Path log = log();
        String state = "";
        if (Files.exists(log)) {
            Matcher m = ENTERING.matcher(Files.readString(log));
            while (m.find()) {
                state = m.group(1);
            }
        }
        return state;
    }

    /** The log of its latest start. */
    private Path log() {
        return lan.logDir().resolve("keepalived-" + ns + "-" + starts + ".log");
    }

    /** kill -9 of every keepalived process (nothing else runs in its namespace). */
    void crash() {
        NetnsLan.killAll(ns);
    }
}
