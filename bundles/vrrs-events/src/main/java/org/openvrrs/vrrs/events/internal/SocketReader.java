package org.openvrrs.vrrs.events.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One reader of the event socket: its own bounded {@link EventQueue}, a thread that writes to it and one that reads
 * its optional resume request (see {@link ReaderProtocol}). A reader that falls its queue's length behind is
 * disconnected by the stream's callback (it closes the channel, which ends both threads); garbage ends it too.
 */
final class SocketReader {
    /** The first of a request or the end of the window decides where the reader starts. */
    private static final Object LIVE = new Object();

    private final int id;
    private final SocketChannel channel;
    private final EventStream stream;
    private final SocketServer server;
    private final EventQueue queue;
    private final ReentrantLock writing = new ReentrantLock();
    private Object start; // null until decided: LIVE or the Long asked for; guarded by this
    private long subscribedAt;

    SocketReader(int id, SocketChannel channel, EventStream stream, SocketServer server, int queueCapacity) {
        this.id = id;
        this.channel = channel;
        this.stream = stream;
        this.server = server;
        this.queue = new EventQueue(queueCapacity, this::fellBehind);
    }

    void start() {
        subscribedAt = stream.subscribe(queue);
        Thread out = new Thread(this::writeEvents, "vrrs-events-reader-" + id);
        Thread in = new Thread(this::readRequest, "vrrs-events-reader-" + id + "-in");
        out.setDaemon(true);
        in.setDaemon(true);
        out.start();
        in.start();
    }

    /** On the registry's thread: only closes the channel (which ends the writer); the writer logs the drop. */
    private void fellBehind() {
        try {
            channel.close();
        } catch (IOException e) {
            // closed anyway
        }
    }

    void close() {
        decide(LIVE); // wakes a writer still waiting for a request
        stream.unsubscribe(queue);
        try {
            channel.close();
        } catch (IOException e) {
            // closing anyway
        }
        server.closed(this);
    }

    private synchronized boolean decide(Object how) {
        if (start != null) {
            return false;
        }
        start = how;
        notifyAll();
        return true;
    }

    private synchronized Object awaitStart() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ReaderProtocol.REQUEST_WINDOW_MILLIS);
        while (start == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                start = LIVE;
                break;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return start;
    }

    private void writeEvents() {
        try {
            Object how = awaitStart();
            if (how instanceof Long after) {
                EventStream.Resume resume = stream.resume(after, subscribedAt);
                write(ReaderProtocol.answer(after, resume, stream.replayCapacity()));
                for (TransitionEvent e : resume.events()) {
                    write(e.jsonLine());
                }
            }
            while (channel.isOpen()) {
                TransitionEvent e = queue.poll(500);
                if (e != null) {
                    write(e.jsonLine());
                }
            }
        } catch (IOException | InterruptedException e) {
            // the reader went, or was disconnected
        } finally {
            if (queue.overflowed()) {
                server.dropped(id);
            }
            close();
        }
    }

    private void write(String line) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        writing.lock();
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } finally {
            writing.unlock();
        }
    }

    private void readRequest() {
        ByteBuffer in = ByteBuffer.allocate(ReaderProtocol.MAX_LINE);
        try {
            while (true) {
                if (channel.read(in) < 0) {
                    decide(LIVE); // the reader only listens
                    return;
                }
                int newline = indexOf(in, (byte) '\n');
                if (newline < 0 && !in.hasRemaining()) {
                    refuse("a line longer than " + ReaderProtocol.MAX_LINE + " bytes");
                    return;
                }
                if (newline >= 0) {
                    String line = new String(in.array(), 0, newline, StandardCharsets.UTF_8).strip();
                    handle(line, in.position() > newline + 1);
                    return;
                }
            }
        } catch (IOException e) {
            close();
        }
    }

    /** The reader's first line; {@code more} when something followed it already. */
    private void handle(String line, boolean more) throws IOException {
        long after;
        try {
            after = ReaderProtocol.resumeAfter(line);
        } catch (IllegalArgumentException e) {
            refuse(e.getMessage());
            return;
        }
        if (!decide(after)) {
            refuse("a resume request must come first, within " + ReaderProtocol.REQUEST_WINDOW_MILLIS
                    + " ms of connecting");
            return;
        }
        // one request at most: keep reading to notice a second
        ByteBuffer rest = ByteBuffer.allocate(ReaderProtocol.MAX_LINE);
        while (!more && channel.read(rest) >= 0) {
            more = rest.position() > 0;
        }
        if (more) {
            refuse("more than one request");
        }
    }

    /** Garbage from the reader: one (rate-limited) log line, an error line if it can take it, and it is closed. */
    private void refuse(String why) {
        server.refused(id, why);
        try {
            if (writing.tryLock(200, TimeUnit.MILLISECONDS)) {
                try {
                    channel.write(ByteBuffer.wrap((ReaderProtocol.error(why + ": disconnected") + "\n")
                            .getBytes(StandardCharsets.UTF_8)));
                } finally {
                    writing.unlock();
                }
            }
        } catch (IOException | InterruptedException e) {
            // closing anyway
        }
        close();
    }

    private static int indexOf(ByteBuffer b, byte value) {
        for (int i = 0; i < b.position(); i++) {
            if (b.get(i) == value) {
                return i;
            }
        }
        return -1;
    }

    int id() {
        return id;
    }
}
