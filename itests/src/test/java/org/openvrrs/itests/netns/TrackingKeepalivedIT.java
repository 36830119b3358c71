package org.openvrrs.itests.netns;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TestName;

/**
 * Object tracking and sync groups against keepalived on a namespace LAN. OpenVRRS (r2, 200) is Master and keepalived
 * (r1, 150, with a track_script and track_interface of its own) Backup; when what OpenVRRS tracks fails (its uplink
 * interface, a script, a route) its priority drops by 100, below keepalived's, and keepalived preempts; when it
 * recovers OpenVRRS preempts back. A sync group of three moves together when one member's interface fails. Each
 * test prints the time from the trigger to the new Master's first advert, as a host on the LAN captured it.
 *
 * <p>Needs root and the Debian packages keepalived and tcpdump; skipped otherwise.
 */
public class TrackingKeepalivedIT {
    static final String PREFIX = "trk-";
    private static final String R1 = "192.0.2.2";
    private static final String R2 = "192.0.2.3";
    private static final String VIP = "192.0.2.1";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Rule
    public TestName name = new TestName();

    @BeforeClass
    public static void peersInstalled() {
        NetnsLan.assumeAvailable();
        NetnsLan.assumeInstalled("keepalived", "keepalived");
        NetnsLan.assumeInstalled("tcpdump", "tcpdump");
    }

    @Test
    public void uplinkInterfaceDownLetsKeepalivedPreemptAndUpPreemptsBack() throws Exception {
        run("track:id=1;type=interface;interfaceName=up0",
                (lan, r2) -> lan.exec(r2, "ip", "link", "set", "up0", "down"),
                (lan, r2) -> lan.exec(r2, "ip", "link", "set", "up0", "up"));
    }

    @Test
    public void failingScriptLetsKeepalivedPreemptAndSucceedingAgainPreemptsBack() throws Exception {
        Path healthy = dir().resolve("healthy");
        Files.createDirectories(dir());
        Files.writeString(healthy, "ok\n");
        run("track:id=1;type=script;script=test -e " + healthy + ";intervalSeconds=1;timeoutSeconds=1;rise=2;fall=2",
                (lan, r2) -> Files.delete(healthy), (lan, r2) -> Files.writeString(healthy, "ok\n"));
    }

    @Test
    public void removedRouteLetsKeepalivedPreemptAndRestoredPreemptsBack() throws Exception {
        run("track:id=1;type=route;route=203.0.113.0/24",
                (lan, r2) -> lan.exec(r2, "ip", "route", "del", "203.0.113.0/24"),
                (lan, r2) -> lan.exec(r2, "ip", "route", "add", "203.0.113.0/24", "via", "198.51.100.1"));
    }

    @FunctionalInterface
    interface Trigger {
        void fire(NetnsLan lan, String r2) throws Exception;
    }

    private Path dir() {
        return Path.of("target", "netns", name.getMethodName()).toAbsolutePath();
    }

    private void run(String track, Trigger fail, Trigger recover) throws Exception {
        try (NetnsLan lan = new NetnsLan(dir(), PREFIX)) {
            String r1 = lan.addNode("r1", R1 + "/24");
            String r2 = lan.addNode("r2", R2 + "/24");
            String h1 = lan.addNode("h1", "192.0.2.10/24");
            lan.addBridge("br1");
            lan.connect(r2, "up0", "br1");
            lan.exec(r2, "ip", "addr", "add", "198.51.100.2/24", "dev", "up0");
            lan.exec(r2, "ip", "route", "add", "203.0.113.0/24", "via", "198.51.100.1");
            Path capture = startCapture(lan, h1);

            Keepalived keepalived = new Keepalived(lan, r1, 3, keepalivedScript() + instance("VI_1", "eth0", 1, VIP));
            keepalived.start();
            OpenVrrsProcess openvrrs = new OpenVrrsProcess(lan, r2, TrackingNode.class, List.of("eth0,up0", track,
                    "group:interfaceName=eth0;vrid=1;addresses=" + VIP + ";priority=200;track=1 decrement 100"));
            Awaitility.await("OpenVRRS Master, keepalived Backup").atMost(WAIT).until(() ->
                    state(openvrrs, "eth0/IPv4/1").equals("MASTER") && keepalived.state().equals("BACKUP"));

            double failed = now();
            fail.fire(lan, r2);
            Awaitility.await("keepalived preempts OpenVRRS at 100").atMost(WAIT).until(() ->
                    keepalived.state().equals("MASTER") && state(openvrrs, "eth0/IPv4/1").equals("BACKUP"));
            assertTrue(lastState(openvrrs, "eth0/IPv4/1"), lastState(openvrrs, "eth0/IPv4/1").endsWith(" 100"));
            String shown = showTrack(openvrrs);
            assertTrue(shown, shown.contains(" is Down (") && shown.contains("Tracked by:\n    VRRP eth0/IPv4/1"));
            report("trigger -> OpenVRRS's advert at priority 100", firstAdvertAfter(capture, failed, R2, 100));
            report("trigger -> keepalived's first advert", firstAdvertAfter(capture, failed, R1, 150));

            double recovered = now();
            recover.fire(lan, r2);
            Awaitility.await("OpenVRRS preempts back").atMost(WAIT).until(() ->
                    state(openvrrs, "eth0/IPv4/1").equals("MASTER") && keepalived.state().equals("BACKUP"));
            report("recovery -> OpenVRRS's first advert", firstAdvertAfter(capture, recovered, R2, 200));
            openvrrs.send("stop");
        }
    }

    @Test
    public void syncGroupOfThreeMovesTogetherWhenOneMembersInterfaceFails() throws Exception {
        try (NetnsLan lan = new NetnsLan(dir(), PREFIX)) {
            String r1 = lan.addNode("r1", R1 + "/24");
            String r2 = lan.addNode("r2", R2 + "/24");
            String h1 = lan.addNode("h1", "192.0.2.10/24");
            String[] nets = {"198.51.100", "203.0.113"};
            for (int i = 1; i <= 2; i++) {
                lan.addBridge("br" + i);
                lan.connect(r1, "eth" + i, "br" + i);
                lan.connect(r2, "eth" + i, "br" + i);
                lan.exec(r1, "ip", "addr", "add", nets[i - 1] + ".2/24", "dev", "eth" + i);
                lan.exec(r2, "ip", "addr", "add", nets[i - 1] + ".3/24", "dev", "eth" + i);
            }
            Path capture = startCapture(lan, h1);
            String body = instance("VI_1", "eth0", 1, VIP) + instance("VI_2", "eth1", 2, nets[0] + ".1")
                    + instance("VI_3", "eth2", 3, nets[1] + ".1")
                    + "vrrp_sync_group G {\n  group {\n    VI_1\n    VI_2\n    VI_3\n  }\n}\n";
            Keepalived keepalived = new Keepalived(lan, r1, 3, body);
            keepalived.start();
            List<String> args = new ArrayList<>(List.of("eth0,eth1,eth2"));
            String[] vips = {VIP, nets[0] + ".1", nets[1] + ".1"};
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                args.add("group:interfaceName=eth" + i + ";vrid=" + (i + 1) + ";addresses=" + vips[i]
                        + ";priority=200;syncGroup=G");
                keys.add("eth" + i + "/IPv4/" + (i + 1));
            }
            OpenVrrsProcess openvrrs = new OpenVrrsProcess(lan, r2, TrackingNode.class, args);
            Awaitility.await("OpenVRRS Master of all three").atMost(WAIT)
                    .until(() -> keys.stream().allMatch(k -> state(openvrrs, k).equals("MASTER")));

            double failed = now();
            lan.exec(r2, "ip", "link", "set", "eth1", "down");
            Awaitility.await("all three OpenVRRS groups in Init").atMost(WAIT)
                    .until(() -> keys.stream().allMatch(k -> state(openvrrs, k).equals("INITIALIZE")));
            Awaitility.await("keepalived Master of all three").atMost(WAIT).until(() ->
                    List.of(VIP + "/32", nets[0] + ".1/32", nets[1] + ".1/32").stream().allMatch(a ->
                            lan.exec(r1, "ip", "-br", "addr").contains(a)));
            report("eth1 down -> keepalived's first advert on eth0 (a member held by the sync group)",
                    firstAdvertAfter(capture, failed, R1, 150));

            double recovered = now();
            lan.exec(r2, "ip", "link", "set", "eth1", "up");
            Awaitility.await("OpenVRRS preempts all three back").atMost(WAIT)
                    .until(() -> keys.stream().allMatch(k -> state(openvrrs, k).equals("MASTER")));
            report("eth1 up -> OpenVRRS's first advert on eth0", firstAdvertAfter(capture, recovered, R2, 200));
            openvrrs.send("stop");
        }
    }

    /** A check that always succeeds, tracked the way keepalived users do (keepalived's own tracking at work). */
    private static String keepalivedScript() {
        return "vrrp_script chk_ok {\n  script \"/bin/true\"\n  interval 1\n}\n";
    }

    private static String instance(String name, String device, int vrid, String vip) {
        return "vrrp_instance " + name + " {\n  state BACKUP\n  interface " + device + "\n  virtual_router_id " + vrid
                + "\n  priority 150\n  advert_int 1\n  track_interface {\n    " + device + "\n  }\n  track_script {\n"
                + "    chk_ok\n  }\n  virtual_ipaddress {\n    " + vip + "/32\n  }\n}\n";
    }

    /** tcpdump on the host, one line per advert with its epoch time: what a third party saw, when. */
    private static Path startCapture(NetnsLan lan, String host) {
        Path log = lan.logDir().resolve("tcpdump.log");
        lan.start(host, "tcpdump.log", List.of("tcpdump", "-i", "eth0", "-l", "-n", "-tt", "vrrp"));
        Awaitility.await("tcpdump listening").atMost(WAIT).until(() -> Files.exists(log)
                && Files.readString(log).contains("listening on"));
        return log;
    }

    /** Seconds from {@code after} to the first advert from {@code source} with {@code priority}; -1 when none. */
    static double firstAdvertAfter(Path capture, double after, String source, int priority) throws IOException {
        Awaitility.await("advert from " + source + " prio " + priority + " captured").atMost(WAIT)
                .until(() -> advertTime(capture, after, source, priority) > 0);
        return advertTime(capture, after, source, priority) - after;
    }

    private static double advertTime(Path capture, double after, String source, int priority) throws IOException {
        for (String line : Files.readAllLines(capture)) {
            String[] f = line.split("\\s+");
            if (f.length > 3 && f[1].equals("IP") && f[2].equals(source) && line.contains("prio " + priority + ",")) {
                double t = Double.parseDouble(f[0]);
                if (t > after) {
                    return t;
                }
            }
        }
        return -1;
    }

    private void report(String what, double seconds) {
        System.out.printf("TRACKING %s: %s %.3f s%n", name.getMethodName(), what, seconds);
    }

    private static double now() {
        return System.currentTimeMillis() / 1000.0;
    }

    /** The state of the group's last STATE line ("" before any). */
    static String state(OpenVrrsProcess p, String key) {
        String line = lastState(p, key);
        return line.isEmpty() ? "" : line.split(" ")[2];
    }

    static String lastState(OpenVrrsProcess p, String key) {
        List<String> lines = p.lines();
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith("STATE " + key + " ")) {
                return lines.get(i);
            }
        }
        return "";
    }

    static String showTrack(OpenVrrsProcess p) throws IOException {
        int from = p.lines().size();
        p.send("track");
        Awaitility.await("show track").atMost(WAIT).until(() -> p.lines().subList(from, p.lines().size())
                .contains("TRACK-END"));
        StringBuilder out = new StringBuilder();
        for (String l : p.lines().subList(from, p.lines().size())) {
            if (l.equals("TRACK-END")) {
                break;
            }
            if (l.startsWith("TRACK ")) {
                out.append(l.substring(6)).append('\n');
            }
        }
        return out.toString();
    }
}
