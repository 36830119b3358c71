package org.openvrrs.net.linux.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One long-lived {@code ip -o monitor link address} process: each line names the link that changed, and
 * {@code onChange} is told its name at once (the kernel's netlink event, a few ms after the change). Restarted after
 * a second if it dies.
 */
final class IpMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IpMonitor.class);
    /** {@code [LINK] Deleted 9: eth0@if8: <...>} or {@code 9: eth0    inet 192.0.2.9/24 ...}. */
    private static final Pattern LINE = Pattern.compile("^(?:\\[\\w+]\\s*)?(?:Deleted\\s+)?(\\d+):\\s+([^\\s:@]+)");

    private final Consumer<String> onChange;
    private final Thread thread;
    private volatile boolean closed;
    private volatile Process process;

    IpMonitor(Consumer<String> onChange) {
        this.onChange = onChange;
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
                    String device = deviceOf(line);
                    if (device != null) {
                        onChange.accept(device);
                    }
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
                onChange.accept(null); // re-read everything: changes may have been missed
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
