package org.openvrrs.plugin.accounting.internal.queue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.openvrrs.plugin.accounting.internal.radius.RadiusAttribute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The on-disk queue of unacknowledged records: a directory of small files, each holding the records written
 * together (one, or a batch the registry handed over at once), named by the first one's sequence number
 * ({@code 00000000000000000042.rec}).
 *
 * <p>Why whole files: a write is "write {@code N.tmp}, fsync it, rename it to {@code N.rec}, fsync the directory", so
 * a crash leaves either every record of the write or a stray {@code .tmp} (deleted at the next start), never a torn
 * one, and a batch costs the same two flushes as one record: that is what lets accounting keep its promise (a record
 * taken from the registry survives a power loss) at thousands of records a second. A file is unlinked when its last
 * record is acknowledged, with no compaction and no index to keep consistent. Deletes are not fsynced, and the
 * acknowledged records of a file not yet unlinked are sent again after a crash (same Acct-Session-Id), which RADIUS
 * accounting allows.
 *
 * <p>Thread-safe: appends come from the registry's callback thread, removes from the delivery thread.
 */
public final class DurableQueue {
    private static final Logger LOG = LoggerFactory.getLogger(DurableQueue.class);
    private static final String MAGIC = "openvrrs-accounting-record 1";
    private static final String SUFFIX = ".rec";

    private final Path dir;
    private final AtomicLong nextSeq = new AtomicLong(1);
    private final List<AccountingRecord> loaded;
    private final AtomicLong corrupt = new AtomicLong();
    /** The file of every record not yet acknowledged, by sequence number. */
    private final Map<Long, QueueFile> files = new ConcurrentHashMap<>();

    /** One file and how many of its records are not acknowledged yet. */
    private record QueueFile(Path path, AtomicInteger unacknowledged) {
    }

    /** Opens (creating) the queue in {@code dir}, removing unfinished writes and reading the queued records. */
    public DurableQueue(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        List<AccountingRecord> records = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (name.endsWith(".tmp")) {
                    Files.deleteIfExists(f); // a write that never completed: its event was never acknowledged
                } else if (name.endsWith(SUFFIX)) {
                    try {
                        List<AccountingRecord> inFile = read(f);
                        track(f, inFile);
                        records.addAll(inFile);
                    } catch (IOException | RuntimeException e) {
                        corrupt.incrementAndGet();
                        Path aside = f.resolveSibling(name + ".bad");
                        Files.move(f, aside, StandardCopyOption.REPLACE_EXISTING);
                        LOG.error("Accounting queue: unreadable record {} set aside as {}: {}", f, aside.getFileName(),
                                e.getMessage());
                    }
                }
            }
        }
        records.sort(Comparator.comparingLong(AccountingRecord::seq));
        if (!records.isEmpty()) {
            nextSeq.set(records.get(records.size() - 1).seq() + 1);
        }
        loaded = List.copyOf(records);
    }

    public Path directory() {
        return dir;
    }

    /** The records found when the queue was opened, in sequence order. */
    public List<AccountingRecord> loaded() {
        return loaded;
    }

    /** Records found unreadable at open (set aside as {@code .bad}). */
    public long corrupt() {
        return corrupt.get();
    }

    /** The next sequence number; each call returns a new one. */
    public long nextSeq() {
        return nextSeq.getAndIncrement();
    }

    /** Writes a record durably: when this returns, it survives a crash or power loss. */
    public void append(AccountingRecord r) throws IOException {
        appendAll(List.of(r));
    }

    /** Writes records durably, with one flush for all: when this returns, every one survives a power loss. */
    public void appendAll(List<AccountingRecord> records) throws IOException {
        if (records.isEmpty()) {
            return;
        }
        String name = fileName(records.get(0).seq());
        Path tmp = dir.resolve(name + ".tmp");
        Path target = dir.resolve(name + SUFFIX);
        StringBuilder text = new StringBuilder(records.size() * 256);
        for (AccountingRecord r : records) {
            text.append(format(r));
        }
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer b = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDirectory();
        track(target, records);
    }

    /** Forgets an acknowledged record; its file goes with the last of its records. */
    public void remove(AccountingRecord r) throws IOException {
        QueueFile file = files.remove(r.seq());
        if (file == null || file.unacknowledged().decrementAndGet() > 0) {
            return;
        }
        try {
            Files.delete(file.path());
        } catch (NoSuchFileException e) {
            // already gone
        }
    }

    private void track(Path path, List<AccountingRecord> records) {
        QueueFile file = new QueueFile(path, new AtomicInteger(records.size()));
        for (AccountingRecord r : records) {
            files.put(r.seq(), file);
        }
    }

    private void syncDirectory() {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some file systems cannot open or sync a directory; the record file itself is synced
        }
    }

    private static String fileName(long seq) {
        return String.format("%020d", seq);
    }

    static String format(AccountingRecord r) {
        StringBuilder s = new StringBuilder(MAGIC).append('\n');
        s.append("seq=").append(r.seq()).append('\n');
        s.append("group=").append(r.group()).append('\n');
        s.append("status=").append(r.statusType()).append('\n');
        s.append("session=").append(r.sessionId()).append('\n');
        s.append("event=").append(r.eventMillis()).append('\n');
        s.append("notBefore=").append(r.notBeforeMillis()).append('\n');
        for (RadiusAttribute a : r.attributes()) {
            s.append("attr=").append(a.type()).append(':').append(HexFormat.of().formatHex(a.value())).append('\n');
        }
        return s.append("end\n").toString();
    }

    /** Every record of a file, which must hold whole records only. */
    static List<AccountingRecord> read(Path f) throws IOException {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        List<AccountingRecord> records = new ArrayList<>();
        int start = 0;
        while (start < lines.size()) {
            int end = lines.subList(start, lines.size()).indexOf("end");
            if (end < 0 || !lines.get(start).equals(MAGIC)) {
                throw new IOException("not a complete accounting record");
            }
            records.add(parse(lines.subList(start + 1, start + end)));
            start += end + 1;
        }
        if (records.isEmpty()) {
            throw new IOException("no accounting record");
        }
        return records;
    }

    private static AccountingRecord parse(List<String> fields) throws IOException {
        long seq = -1;
        String group = null;
        String session = null;
        int status = -1;
        long event = -1;
        long notBefore = -1;
        List<RadiusAttribute> attrs = new ArrayList<>();
        for (String line : fields) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IOException("bad line '" + line + "'");
            }
            String k = line.substring(0, eq);
            String v = line.substring(eq + 1);
            switch (k) {
                case "seq" -> seq = Long.parseLong(v);
                case "group" -> group = v;
                case "status" -> status = Integer.parseInt(v);
                case "session" -> session = v;
                case "event" -> event = Long.parseLong(v);
                case "notBefore" -> notBefore = Long.parseLong(v);
                case "attr" -> {
                    int colon = v.indexOf(':');
                    attrs.add(new RadiusAttribute(Integer.parseInt(v.substring(0, colon)),
                            HexFormat.of().parseHex(v.substring(colon + 1))));
                }
                default -> throw new IOException("unknown key '" + k + "'");
            }
        }
        if (seq < 0 || group == null || session == null || status < 0 || event < 0 || notBefore < 0) {
            throw new IOException("record lacks a field");
        }
        return new AccountingRecord(seq, group, status, session, event, notBefore, attrs);
    }
}
