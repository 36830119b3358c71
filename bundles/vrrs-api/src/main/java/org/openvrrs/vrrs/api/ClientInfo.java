package org.openvrrs.vrrs.api;

import java.util.Set;

/**
 * A registered client as {@code show vrrs clients} lists it, with its delivery counters.
 *
 * @param id        registry id
 * @param name      client name
 * @param priority  notification priority
 * @param allGroups whether it receives every group
 * @param following groups followed by name, sorted
 * @param delivered callbacks completed
 * @param failed    callbacks that threw
 * @param coalesced states replaced by a newer one of the same group before the client took them
 */
public record ClientInfo(int id, String name, ClientPriority priority, boolean allGroups, Set<String> following,
        long delivered, long failed, long coalesced) {
}
