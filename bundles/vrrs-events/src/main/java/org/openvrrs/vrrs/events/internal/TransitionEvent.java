package org.openvrrs.vrrs.events.internal;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openvrrs.vrrs.api.GroupState;
import org.openvrrs.vrrs.api.IpAddresses;
import org.openvrrs.vrrs.api.VrrsState;

/**
 * One update of a group as the event stream carries it: the registry's {@link GroupState} with the stream's sequence
 * number and the time it was recorded.
 *
 * @param seq        the appliance's sequence number, 1, 2, 3... without gaps since the stream started
 * @param time       when the stream was handed the update
 * @param state      the group's state as the registry pushed it
 * @param transition whether the state differs from the last one the stream recorded for the group (always true for
 *                   a group's first event): what notify scripts and the FIFO are told of
 */
public record TransitionEvent(long seq, Instant time, GroupState state, boolean transition) {
    /** Every key written, absent values as null (scripts expect every key), as the shows' --json. */
    static final JSON JSON_OUT = JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES);
    /** UTC with milliseconds, always three digits, so the field has one width. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** The JSON object, fields in the documented order (docs/events.md). */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", seq);
        m.put("time", TIME.format(time));
        m.put("group", state.group());
        m.put("server", state.server());
        m.put("state", state.state().name());
        m.put("oldState", state.oldState().name());
        m.put("reason", state.reason().label());
        m.put("addressFamily", state.family().label());
        m.put("virtualAddress", IpAddresses.format(state.virtualAddress()));
        m.put("virtualMac", state.virtualMac().toDotted());
        m.put("activeAddress", IpAddresses.format(state.activeAddress()));
        m.put("standbyAddress", IpAddresses.format(state.standbyAddress()));
        return m;
    }

    /** The event as one JSON line, without the newline. */
    public String jsonLine() {
        try {
            return JSON_OUT.asString(toJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a map of strings and numbers always writes
        }
    }

    /** One line for people: {@code 42 2026-12-06T01:02:03.456Z DEMO-R1 BACKUP -> ACTIVE, reason Protocol, ...}. */
    public String textLine() {
        return seq + " " + TIME.format(time) + " " + state.group() + " " + state.oldState() + " -> " + state.state()
                + ", reason " + state.reason().label() + ", server " + (state.hasServer() ? state.server() : "none")
                + ", " + state.family().label() + " " + IpAddresses.format(state.virtualAddress())
                + " " + state.virtualMac().toDotted()
                + ", active " + IpAddresses.format(state.activeAddress())
                + ", standby " + IpAddresses.format(state.standbyAddress());
    }

    /** keepalived's name of the state: ACTIVE is MASTER, BACKUP is BACKUP, INIT (not operational) is FAULT. */
    public String keepalivedState() {
        return keepalivedState(state.state());
    }

    static String keepalivedState(VrrsState s) {
        return switch (s) {
            case ACTIVE -> "MASTER";
            case BACKUP -> "BACKUP";
            case INIT -> "FAULT";
        };
    }

    /** keepalived's notify_fifo line, {@code INSTANCE "NAME" MASTER 0}, without the newline (see NotifyArguments). */
    public String fifoLine() {
        return "INSTANCE \"" + state.group() + "\" " + keepalivedState() + " " + NotifyArguments.PRIORITY;
    }
}
