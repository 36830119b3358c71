package org.openvrrs.vrrs.events.internal.shell;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openvrrs.vrrs.events.internal.EventFollower;
import org.openvrrs.vrrs.events.internal.EventsComponent;

/** Follows the event stream live until Ctrl-C (or {@code --count} events), as the socket's readers see it. */
@Service
@Command(scope = "vrrs", name = "events", description = "Follows the VRRS event stream live (Ctrl-C ends).")
public class EventsCommand implements Action {
    @Reference
    EventsComponent events;

    @Option(name = "--after", description = "First replay the kept events after this sequence number")
    long after = -1;

    @Option(name = "--json", description = "One JSON object a line, as the event socket carries them")
    boolean json;

    @Option(name = "--count", description = "Stop after this many events (default: follow until Ctrl-C)")
    int count;

    @Option(name = "--status", description = "Show the stream's counters and where it is offered, then stop")
    boolean status;

    @Override
    public Object execute() throws IOException {
        PrintStream out = System.out;
        if (status) {
            for (Map.Entry<String, Object> e : events.status().entrySet()) {
                out.printf("%-26s %s%n", e.getKey(), e.getValue());
            }
            return null;
        }
        if (after < -1 || count < 0) {
            throw new IllegalArgumentException("--after and --count take a whole number of 0 or more");
        }
        try {
            new EventFollower(events.stream(), json, line -> {
                out.println(line);
                out.flush();
            }).follow(after, count);
        } catch (InterruptedException ctrlC) {
            Thread.currentThread().interrupt();
        }
        return null;
    }
}
