package org.openvrrs.vrrs.api;

import java.util.List;
import java.util.Optional;

/**
 * The VRRS registry's current view, offered as an OSGi service. Servers and clients do not register through it:
 * they are {@link VrrsServer} and {@link VrrsClient} services, which the registry tracks.
 *
 * <p>Names: a group name is 1 to {@value #MAX_NAME_LENGTH} visible characters without spaces; a client name 1 to
 * {@value #MAX_NAME_LENGTH} printable characters.
 */
public interface VrrsRegistry {
    int MAX_NAME_LENGTH = 64;

    /** Every known group, sorted by name. */
    List<GroupState> groups();

    Optional<GroupState> group(String name);

    /** Every client, sorted by id. */
    List<ClientInfo> clients();
}
