package org.openvrrs.net.linux.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openvrrs.vrrs.api.MacAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One long-lived {@code ip -o monitor link address} process: each line (the kernel's netlink event, a few ms after
 * the change) goes to {@code onLine} at once. A link line carries the link's whole state (flags, MAC, protodown), so
 * most changes need no re-read ({@link #linkLine}). Restarted after a second if it dies.
 */
final class IpMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IpMonitor.class);
    /** {@code [LINK] Deleted 9: eth0@if8: <...>} or {@code 9: eth0    inet 192.0.2.9/24 ...}. */
    private static final Pattern LINE = Pattern.compile("^(?:\\[\\w+]\\s*)?(?:Deleted\\s+)?(\\d+):\\s+([^\\s:@]+)");
    /** {@code 9: eth0.10@eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 ... link/ether 00:00:5e:00:01:07 ...}. */
    private static final Pattern LINK = Pattern.compile(
            "^(?:\\[\\w+]\\s*)?(\\d+):\\s+([^\\s:@]+)(?:@[^\\s:]+)?:\\s+<([^>]*)>");
    private static final Pattern MAC = Pattern.compile("\\slink/\\S+\\s+(\\p{XDigit}{2}(?::\\p{XDigit}{2}){5})\\b");

    /** The state a link line reports. */
    record LinkLine(int index, String name, Set<String> flags, MacAddress mac, boolean protoDown) {
    }

    private final Consumer<String> onLine;
    private final Thread thread;
    private volatile boolean closed;
    private volatile Process process;

    /** @param onLine every line, on the monitor's thread; {@code null} after a restart (anything may have changed) */
    IpMonitor(Consumer<String> onLine) {
        this.onLine = onLine;
        this.thread = new Thread(this::run, "net-linux-ip-monitor");
        thread.setDaemon(true);
    }

    /** Starts the process; returns when it runs, so changes made after this call are seen. */
    void start() {
        process = startProcess();
        thread.start();
    }

    /** The device name a monitor line is about, or {@code null} for a line that names none. */
    static String deviceOf(String line) {
        Matcher m = LINE.matcher(line);
        return m.find() ? m.group(2) : null;
    }

    /** The link state of a link line; {@code null} for an address line, a deletion or anything else. */
    static LinkLine linkLine(String line) {
        Matcher m = LINK.matcher(line);
        if (!m.find()) {
            return null;
        }
        Matcher mac = MAC.matcher(line);
        Set<String> flags = Set.of(m.group(3).isEmpty() ? new String[0] : m.group(3).split(","));
        return new LinkLine(Integer.parseInt(m.group(1)), m.group(2), flags,
                mac.find() ? IpLink.mac(mac.group(1).toLowerCase(java.util.Locale.ROOT)) : MacAddress.ZERO,
                line.contains(" protodown on"));
    }

    private static Process startProcess() {
        try {
            return new ProcessBuilder(IpProcess.IP, "-o", "monitor", "link", "address")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run ip monitor (is iproute2 installed?): " + e.getMessage());
        }
    }

    private void run() {
        while (!closed) {
            Process p = process;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    onLine.accept(line);
                }
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    LOG.warn("ip monitor: {}", e.toString());
                }
            }
            if (closed) {
                return;
            }
            LOG.warn("ip monitor ended; restarting it in 1 s (link changes meanwhile are read on restart)");
            try {
                Thread.sleep(1000);
                process = startProcess();
                onLine.accept(null); // re-read everything: changes may have been missed
            } catch (InterruptedException e) {
                return;
            } catch (IllegalStateException e) {
                LOG.error(e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        Process p = process;
        if (p != null) {
            p.destroy();
        }
        thread.interrupt();
    }
}
