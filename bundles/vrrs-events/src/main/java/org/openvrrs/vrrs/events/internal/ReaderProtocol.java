package org.openvrrs.vrrs.events.internal;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The event socket's small protocol (docs/events.md). The server writes JSON lines: events (they have {@code seq})
 * and control lines (they have {@code resume} or {@code error}, never {@code seq}). A reader may first send one line,
 * {@code {"resume-after": N}}, within {@link #REQUEST_WINDOW_MILLIS} of connecting; it is answered with
 * {@code {"resume":"ok",...}} or, when events it asked for are gone, {@code {"resume":"gone",...,"message":...}},
 * then the kept events after N and the live ones follow. A reader that sends nothing gets the live events from when
 * it connected. Anything else it sends is answered with {@code {"error": ...}} and the connection is closed.
 */
final class ReaderProtocol {
    static final String RESUME_AFTER = "resume-after";
    /** How long the server waits for a resume request before it starts sending live events. */
    static final long REQUEST_WINDOW_MILLIS = 1000;
    /** A request is a short line; a longer one is garbage. */
    static final int MAX_LINE = 256;

    private ReaderProtocol() {
    }

    /** The N of {@code {"resume-after": N}}; refused (IllegalArgumentException, its message for the log) otherwise. */
    static long resumeAfter(String line) {
        Object parsed;
        try {
            parsed = JSON.std.anyFrom(line);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not JSON");
        }
        if (!(parsed instanceof Map<?, ?> m) || m.size() != 1 || !m.containsKey(RESUME_AFTER)) {
            throw new IllegalArgumentException("not a {\"" + RESUME_AFTER + "\": N} request");
        }
        Object n = m.get(RESUME_AFTER);
        if (!(n instanceof Integer || n instanceof Long) || ((Number) n).longValue() < 0) {
            throw new IllegalArgumentException(RESUME_AFTER + " is not a whole number of 0 or more");
        }
        return ((Number) n).longValue();
    }

    /** The answer to a resume request. */
    static String answer(long after, EventStream.Resume resume, int capacity) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("resume", resume.gap() ? "gone" : "ok");
        m.put("after", after);
        m.put("continuesWith", resume.continuesWith());
        m.put("lastSeq", resume.lastSeq());
        if (resume.gap()) {
            m.put("message", goneMessage(after, resume, capacity));
        }
        return line(m);
    }

    /** What is gone, in words, for the socket's control line and vrrs:events. */
    static String goneMessage(long after, EventStream.Resume resume, int capacity) {
        long next = resume.continuesWith();
        if (after > resume.lastSeq()) {
            return "sequence number " + after + " is ahead of this event stream (last " + resume.lastSeq()
                    + "): the appliance or its event stream restarted since; continuing with " + next;
        }
        return "events " + (after + 1) + " to " + (next - 1) + " are gone (the replay buffer keeps the last "
                + capacity + " events); continuing with " + next;
    }

    static String error(String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", message);
        return line(m);
    }

    private static String line(Map<String, Object> m) {
        try {
            return TransitionEvent.JSON_OUT.asString(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
