package org.openvrrs.vrrs.events.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openvrrs.config.api.LiveConfig;
import org.openvrrs.vrrs.api.ClientPriority;
import org.openvrrs.vrrs.api.ClientSpec;
import org.openvrrs.vrrs.api.VrrsWhiteboard;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event stream in the appliance: declares the {@link EventStream} as the {@code VrrsClient} {@code VRRS-Events}
 * (all groups, Low: a script told MASTER runs after the plug-ins have acted, as accounting does) and starts its
 * consumers: the notify scripts ({@link NotifyRunner}, configured by {@link NotifyComponent}), the event socket and
 * the FIFO as configured ({@value EventsSettings#PID}). A refused configuration is one line and the defaults run; a
 * change restarts the component (the stream starts again at 1: readers resuming are told).
 */
@Component(service = EventsComponent.class, configurationPid = EventsSettings.PID, immediate = true)
@Designate(ocd = EventsSettings.Config.class)
public final class EventsComponent implements AutoCloseable {
    static final ClientSpec CLIENT = ClientSpec.allGroups("VRRS-Events", ClientPriority.LOW);
    private static final Logger LOG = LoggerFactory.getLogger(EventsComponent.class);

    private final EventsSettings settings;
    private final EventStream stream;
    private final NotifyRunner notify;
    private final SocketServer socket;
    private final FifoWriter fifo;
    private final VrrsWhiteboard.Declaration<ClientSpec> client;

    @Activate
    public EventsComponent(BundleContext context, Map<String, Object> properties) {
        this(read(properties, defaultSocket(context)), VrrsWhiteboard.of(context));
    }

    EventsComponent(EventsSettings settings, VrrsWhiteboard whiteboard) {
        this.settings = settings;
        this.stream = new EventStream(settings.replayCapacity(), Clock.systemUTC());
        this.notify = new NotifyRunner(new ScriptRunner());
        stream.subscribe(notify);
        this.socket = settings.socketPath().map(this::startSocket).orElse(null);
        this.fifo = settings.fifoPath().map(this::startFifo).orElse(null);
        // last: the registry pushes every group's current state at once, and every consumer is there for it
        this.client = whiteboard.client(stream, CLIENT);
    }

    private static EventsSettings read(Map<String, Object> properties, Path defaultSocket) {
        LiveConfig<EventsSettings> config = LiveConfig.defaultsUntilValid(EventsSettings.reader(defaultSocket), LOG);
        config.update(properties);
        return config.current().orElseThrow();
    }

    /** data/events/vrrs-events.sock, in a directory only the appliance's user may enter. */
    private static Path defaultSocket(BundleContext context) {
        String data = System.getProperty("karaf.data");
        Path dir = data != null ? Path.of(data, "events") : context.getDataFile("events").toPath();
        return dir.resolve("vrrs-events.sock");
    }

    private SocketServer startSocket(Path path) {
        try {
            Path dir = path.toAbsolutePath().getParent();
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
            SocketServer s = new SocketServer(path, stream, settings.socketReaders(), settings.readerQueue());
            LOG.info("VRRS event socket listening on {}", path);
            return s;
        } catch (IOException | RuntimeException e) {
            LOG.error("VRRS event socket {} not offered: {}", path, e.getMessage());
            return null;
        }
    }

    private FifoWriter startFifo(Path path) {
        try {
            return new FifoWriter(path, stream);
        } catch (IOException | RuntimeException e) {
            LOG.error("Notify FIFO {} not written: {}", path, e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    public EventStream stream() {
        return stream;
    }

    NotifyRunner notifyRunner() {
        return notify;
    }

    /** Counters and places, for {@code vrrs:events --status}. */
    public Map<String, Object> status() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lastSeq", stream.lastSeq());
        m.put("firstKeptSeq", stream.firstSeq());
        m.put("replayCapacity", stream.replayCapacity());
        m.put("socket", socket == null ? null : socket.path().toString());
        m.put("socketReaders", socket == null ? 0 : socket.readers());
        m.put("socketReadersDropped", socket == null ? 0 : socket.droppedReaders());
        m.put("socketReadersRefused", socket == null ? 0 : socket.refusedReaders());
        m.put("fifo", fifo == null ? null : fifo.path().toString());
        m.put("fifoDropped", fifo == null ? 0 : fifo.dropped());
        m.put("notifyConfigurations", notify.configurations());
        m.put("notifyScriptsRun", notify.scripts().run());
        m.put("notifyScriptsFailed", notify.scripts().failed());
        m.put("notifyTransitionsDropped", notify.dropped());
        return m;
    }

    @Deactivate
    @Override
    public void close() {
        client.close();
        if (socket != null) {
            socket.close();
        }
        if (fifo != null) {
            fifo.close();
        }
        notify.close();
    }
}
