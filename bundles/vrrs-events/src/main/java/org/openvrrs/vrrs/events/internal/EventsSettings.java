package org.openvrrs.vrrs.events.internal;

import java.nio.file.Path;
import java.util.Optional;
import org.openvrrs.config.api.ConfigReader;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The event stream's settings, PID {@value #PID}.
 *
 * @param replayCapacity events kept for readers that resume
 * @param socketPath     where the event socket listens; empty when it is off
 * @param socketReaders  readers connected at once, at most
 * @param readerQueue    events a reader may fall behind before it is disconnected
 * @param fifoPath       keepalived-style notify FIFO; empty when off
 */
public record EventsSettings(int replayCapacity, Optional<Path> socketPath, int socketReaders, int readerQueue,
        Optional<Path> fifoPath) {
    public static final String PID = "org.openvrrs.events";

    @ObjectClassDefinition(name = "OpenVRRS event stream",
            description = "The ordered stream of VRRS transitions: replay buffer, event socket, notify FIFO")
    public @interface Config {
        @AttributeDefinition(description = "Events kept for readers that resume (1-1000000)")
        int replayCapacity() default 10000;

        @AttributeDefinition(description = "Offer the event socket")
        boolean socket() default true;

        @AttributeDefinition(description = "Absolute path of the event socket; empty = data/events/vrrs-events.sock")
        String socketPath() default "";

        @AttributeDefinition(description = "Socket readers connected at once, at most (1-1000)")
        int socketReaders() default 16;

        @AttributeDefinition(description = "Events a socket reader may fall behind before it is disconnected "
                + "(1-1000000)")
        int readerQueue() default 1024;

        @AttributeDefinition(description = "Absolute path of a keepalived-style notify FIFO; empty = none")
        String fifoPath() default "";
    }

    /** Reads the settings; {@code defaultSocket} is the socket's path when none is configured. */
    static ConfigReader<Config, EventsSettings> reader(Path defaultSocket) {
        return ConfigReader.of(Config.class, c -> of(c, defaultSocket));
    }

    private static EventsSettings of(Config c, Path defaultSocket) {
        within("replayCapacity", c.replayCapacity(), 1_000_000);
        within("socketReaders", c.socketReaders(), 1000);
        within("readerQueue", c.readerQueue(), 1_000_000);
        Optional<Path> socket = c.socket()
                ? Optional.of(c.socketPath().isBlank() ? defaultSocket : absolute("socketPath", c.socketPath()))
                : Optional.empty();
        Optional<Path> fifo = c.fifoPath().isBlank() ? Optional.empty()
                : Optional.of(absolute("fifoPath", c.fifoPath()));
        return new EventsSettings(c.replayCapacity(), socket, c.socketReaders(), c.readerQueue(), fifo);
    }

    private static void within(String key, int value, int max) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(key + " = " + value + ": not within 1-" + max);
        }
    }

    private static Path absolute(String key, String value) {
        String v = value.strip();
        if (!v.startsWith("/")) {
            throw new IllegalArgumentException(key + " = '" + v + "': not an absolute path");
        }
        return Path.of(v);
    }
}
