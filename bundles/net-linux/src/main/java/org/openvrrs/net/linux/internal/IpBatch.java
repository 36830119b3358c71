package org.openvrrs.net.linux.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One long-lived {@code ip -force -batch -} process that link-control commands are written to, so becoming Master
 * (macvlan, virtual address) costs a pipe write, not a fork per command. {@code -force} keeps it going after a failed
 * command; ip reports the failed line number on stderr and we log the command with ip's message. If the process
 * dies it is started again on the next write. Writes happen on a thread of their own, in submission order, so the
 * protocol thread that becomes Master goes on to send its gratuitous ARP without waiting for the pipe.
 *
 * <p>Commands queued meanwhile are written together, and adjacent {@code link set dev X ...} lines for the same
 * device with different attributes become one line ({@link #merge}): the Interface-State and MAC-Address plug-ins
 * switching a subinterface then cost the kernel one request, not two (thousands of subinterfaces switch at once).
 */
final class IpBatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IpBatch.class);
    private static final Pattern FAILED = Pattern.compile("Command failed -:(\\d+)");
    private static final int REMEMBERED = 1024;

    private final String[] recent = new String[REMEMBERED];
    private final java.util.concurrent.ExecutorService writer = java.util.concurrent.Executors.newSingleThreadExecutor(
            r -> {
                Thread t = new Thread(r, "net-linux-ip-batch");
                t.setDaemon(true);
                return t;
            });
    /** Link attributes one {@code ip link set} may carry together; anything else is written as it came. */
    private static final Set<String> MERGEABLE = Set.of("protodown", "address", "promisc");
    private final ConcurrentLinkedQueue<String> queued = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private Process process;
    private OutputStream stdin;
    private long lineNumber; // lines written to the current process
    private boolean closed;

    /** Queues {@code commands} (ip batch lines such as {@code link set dev eth0 up}); never blocks on ip. */
    void submit(List<String> commands) {
        if (commands.isEmpty()) {
            return;
        }
        for (String c : commands) {
            if (c.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("an ip batch command must be one line: " + c);
            }
        }
        queued.addAll(commands);
        if (drainScheduled.compareAndSet(false, true)) {
            try {
                writer.execute(this::drain);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                drainScheduled.set(false);
                LOG.debug("ip batch closed; not applied: {}", commands);
            }
        }
    }

    private void drain() {
        drainScheduled.set(false); // a command queued from now on schedules another drain
        List<String> lines = new ArrayList<>();
        for (String c; (c = queued.poll()) != null; ) {
            lines.add(c);
        }
        if (!lines.isEmpty()) {
            write(merge(lines));
        }
    }

    /**
     * Joins adjacent {@code link set dev X A} and {@code link set dev X B} into {@code link set dev X A B} when A and
     * B set different attributes among {@link #MERGEABLE} and up/down; order is otherwise kept.
     */
    static List<String> merge(List<String> lines) {
        List<String> out = new ArrayList<>();
        String device = null;
        Set<String> keys = new HashSet<>();
        for (String line : lines) {
            Map.Entry<String, Set<String>> set = linkSet(line);
            int last = out.size() - 1;
            if (set != null && set.getKey().equals(device) && Collections.disjoint(keys, set.getValue())) {
                out.set(last, out.get(last) + line.substring(("link set dev " + device).length()));
                keys.addAll(set.getValue());
                continue;
            }
            out.add(line);
            device = set == null ? null : set.getKey();
            keys = set == null ? new HashSet<>() : new HashSet<>(set.getValue());
        }
        return out;
    }

    /** The device and attribute names of a mergeable {@code link set dev X ...} line, else null. */
    private static Map.Entry<String, Set<String>> linkSet(String line) {
        if (!line.startsWith("link set dev ")) {
            return null;
        }
        String[] t = line.substring("link set dev ".length()).trim().split("\\s+");
        Set<String> keys = new HashSet<>();
        for (int i = 1; i < t.length; i++) {
            if (t[i].equals("up") || t[i].equals("down")) {
                keys.add("state");
            } else if (MERGEABLE.contains(t[i]) && i + 1 < t.length && keys.add(t[i])) {
                i++;
            } else {
                return null;
            }
        }
        return t.length < 2 ? null : Map.entry(t[0], keys);
    }

    private synchronized void write(List<String> commands) {
        if (closed) {
            return;
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                ensureStarted();
                StringBuilder sb = new StringBuilder();
                for (String c : commands) {
                    lineNumber++;
                    recent[(int) (lineNumber % REMEMBERED)] = c;
                    sb.append(c).append('\n');
                }
                stdin.write(sb.toString().getBytes(StandardCharsets.UTF_8));
                stdin.flush();
                return;
            } catch (IOException e) {
                LOG.warn("ip batch process gone ({}); starting a new one", e.getMessage());
                if (process != null) {
                    process.destroyForcibly();
                }
                process = null;
            }
        }
        LOG.error("ip batch: commands not applied: {}", commands);
    }

    private void ensureStarted() throws IOException {
        if (process != null && process.isAlive()) {
            return;
        }
        process = new ProcessBuilder(IpProcess.IP, "-force", "-batch", "-")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        stdin = process.getOutputStream();
        lineNumber = 0;
        Process p = process;
        Thread errors = new Thread(() -> readErrors(p), "net-linux-ip-batch-errors");
        errors.setDaemon(true);
        errors.start();
    }

    private void readErrors(Process p) {
        StringBuilder message = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                Matcher m = FAILED.matcher(line);
                if (m.find()) {
                    String command;
                    synchronized (this) {
                        command = recent[(int) (Long.parseLong(m.group(1)) % REMEMBERED)];
                    }
                    LOG.warn("ip {}: {}", command, message.toString().trim());
                    message.setLength(0);
                } else {
                    message.append(line).append(' ');
                }
            }
        } catch (IOException e) {
            LOG.debug("ip batch stderr closed: {}", e.getMessage());
        }
    }

    /** Lets ip finish the commands written so far, then ends it (waits at most 5 s). */
    @Override
    public void close() {
        try {
            writer.execute(this::drain); // what is still queued
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("ip batch already closed");
        }
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Process p;
        synchronized (this) {
            closed = true;
            p = process;
            process = null;
            if (p == null) {
                return;
            }
            try {
                stdin.close();
            } catch (IOException e) {
                LOG.debug("ip batch stdin: {}", e.getMessage());
            }
        }
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }
}
