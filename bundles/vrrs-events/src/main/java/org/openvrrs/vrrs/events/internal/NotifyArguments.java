package org.openvrrs.vrrs.events.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * keepalived's calling convention, so its notify scripts run unchanged: {@code notify_master}, {@code notify_backup}
 * or {@code notify_fault} (by the new state) with only their configured arguments, then the generic {@code notify}
 * with four more: {@code INSTANCE NAME STATE PRIORITY}. A VRRS group is one published VRRP group, so it is an
 * INSTANCE (keepalived's GROUP is a sync group, which VRRS has not) named by its VRRS name; STATE is MASTER, BACKUP or
 * FAULT (ACTIVE, BACKUP, INIT); PRIORITY is {@value #PRIORITY}: VRRS does not carry the FHRP's priority.
 */
final class NotifyArguments {
    static final String PRIORITY = "0";

    private NotifyArguments() {
    }

    /** The commands to run for {@code event}, in order (each a path and its arguments); empty when none. */
    static List<List<String>> commands(NotifySettings s, TransitionEvent event) {
        List<List<String>> out = new ArrayList<>(2);
        List<String> byState = switch (event.state().state()) {
            case ACTIVE -> s.master();
            case BACKUP -> s.backup();
            case INIT -> s.fault();
        };
        if (!byState.isEmpty()) {
            out.add(byState);
        }
        if (!s.generic().isEmpty()) {
            List<String> generic = new ArrayList<>(s.generic());
            generic.addAll(List.of("INSTANCE", event.state().group(), event.keepalivedState(), PRIORITY));
            out.add(generic);
        }
        return out;
    }
}
