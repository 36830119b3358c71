package org.openvrrs.vrrs.events.internal;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event socket: a Unix-domain socket (mode 0600) carrying the stream as JSON lines to each reader that connects
 * (see {@link ReaderProtocol}), each with its own queue and threads ({@link SocketReader}).
 */
final class SocketServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SocketServer.class);

    private final Path path;
    private final EventStream stream;
    private final int maxReaders;
    private final int queueCapacity;
    private final RateLimitedLog warnings = new RateLimitedLog(LOG);
    private final Set<SocketReader> readers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final ServerSocketChannel server;

    /**
     * Binds the socket at {@code path} (a stale socket left there by an earlier run is replaced) and starts
     * accepting.
     *
     * @throws IOException when it cannot: the caller logs it in one line
     */
    SocketServer(Path path, EventStream stream, int maxReaders, int queueCapacity) throws IOException {
        this.path = path;
        this.stream = stream;
        this.maxReaders = maxReaders;
        this.queueCapacity = queueCapacity;
        removeStaleSocket(path);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(path));
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | UnsupportedOperationException e) {
            server.close();
            throw e instanceof IOException io ? io : new IOException(e.getMessage());
        }
        Thread accept = new Thread(this::accept, "vrrs-events-socket");
        accept.setDaemon(true);
        accept.start();
    }

    private static void removeStaleSocket(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!a.isOther()) {
            throw new IOException(path + " exists and is not a socket");
        }
        Files.delete(path);
    }

    private void accept() {
        while (server.isOpen()) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            int id = nextId.getAndIncrement();
            if (readers.size() >= maxReaders) {
                refuseTooMany(id, channel);
                continue;
            }
            SocketReader reader = new SocketReader(id, channel, stream, this, queueCapacity);
            readers.add(reader);
            reader.start();
        }
    }

    private void refuseTooMany(int id, SocketChannel channel) {
        refused(id, "already " + maxReaders + " readers (the most allowed)");
        try (channel) {
            channel.configureBlocking(false); // never wait on a reader we turn away
            channel.write(ByteBuffer.wrap((ReaderProtocol.error("too many readers (" + maxReaders
                    + "); try again later") + "\n").getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            // turned away anyway
        }
    }

    /** A reader fell its queue's length behind: counted, one rate-limited line; it is being disconnected. */
    void dropped(int id) {
        dropped.incrementAndGet();
        warnings.warn("slow", "Event socket reader " + id + " fell " + queueCapacity
                + " events behind and was disconnected (it may reconnect and resume)");
    }

    /** A reader sent what the protocol does not allow: counted, one rate-limited line. */
    void refused(int id, String why) {
        refused.incrementAndGet();
        warnings.warn("refused", "Event socket reader " + id + " refused: " + why);
    }

    void closed(SocketReader reader) {
        readers.remove(reader);
    }

    Path path() {
        return path;
    }

    int readers() {
        return readers.size();
    }

    /** Readers disconnected since start because they fell behind. */
    long droppedReaders() {
        return dropped.get();
    }

    /** Readers turned away since start: garbage sent, or too many. */
    long refusedReaders() {
        return refused.get();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        readers.forEach(SocketReader::close);
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.debug("Event socket {} not removed: {}", path, e.getMessage());
        }
    }
}
