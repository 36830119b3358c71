package org.openvrrs.vrrs.events.internal;

import java.util.function.Consumer;

/**
 * What {@code vrrs:events} does, without the shell: follows the stream from its own queue and prints each event as
 * a line (text or JSON), after the kept ones it was asked to replay, saying plainly what is gone.
 */
public final class EventFollower {
    static final int QUEUE = 4096;
    private final EventStream stream;
    private final boolean json;
    private final Consumer<String> out;

    public EventFollower(EventStream stream, boolean json, Consumer<String> out) {
        this.stream = stream;
        this.json = json;
        this.out = out;
    }

    /**
     * Prints events until interrupted (Ctrl-C) or {@code count} were printed.
     *
     * @param after replay the kept events after this sequence number first; -1: live only
     * @param count stop after this many; 0: no limit
     */
    public void follow(long after, int count) throws InterruptedException {
        EventQueue queue = new EventQueue(QUEUE, () -> { });
        long subscribedAt = stream.subscribe(queue);
        try {
            int printed = 0;
            long last = subscribedAt;
            if (after >= 0) {
                EventStream.Resume resume = stream.resume(after, subscribedAt);
                if (resume.gap()) {
                    out.accept(json ? ReaderProtocol.answer(after, resume, stream.replayCapacity())
                            : "% " + ReaderProtocol.goneMessage(after, resume, stream.replayCapacity()));
                }
                for (TransitionEvent e : resume.events()) {
                    if (count > 0 && printed == count) {
                        return;
                    }
                    print(e);
                    printed++;
                }
            }
            while (count == 0 || printed < count) {
                TransitionEvent e = queue.poll(200);
                if (e != null) {
                    print(e);
                    last = e.seq();
                    printed++;
                } else if (queue.overflowed()) {
                    String why = "the console fell " + QUEUE + " events behind after " + last
                            + "; continue with vrrs:events --after " + last;
                    out.accept(json ? ReaderProtocol.error(why) : "% " + why);
                    return;
                }
            }
        } finally {
            stream.unsubscribe(queue);
        }
    }

    private void print(TransitionEvent e) {
        out.accept(json ? e.jsonLine() : e.textLine());
    }
}
