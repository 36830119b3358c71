package org.openvrrs.vrrs.api;

import java.util.List;
import java.util.Optional;

/**
 * The VRRS registry, offered as a bundle-scoped OSGi service: everything a bundle registered through its instance is
 * removed when that bundle releases the service (stops, is uninstalled), even if it never closed its handles.
 *
 * <p>Names: a group name is 1 to {@value #MAX_NAME_LENGTH} visible characters without spaces; a client name 1 to
 * {@value #MAX_NAME_LENGTH} printable characters. Invalid input throws {@link IllegalArgumentException}, conflicts
 * (a second server for a group, a closed handle) {@link IllegalStateException}, each with a message fit for an
 * operator.
 */
public interface VrrsRegistry {
    int MAX_NAME_LENGTH = 64;

    /**
     * Registers {@code protocol} (e.g. {@code VRRP}) as the server of {@code group}; the group is set to INIT until
     * the first update.
     *
     * @throws IllegalStateException when another server publishes the group
     */
    ServerRegistration registerServer(String protocol, String group);

    /**
     * Registers a client. An all-groups client is pushed every group's current state now and every later change.
     */
    ClientRegistration registerClient(String name, ClientPriority priority, boolean allGroups, VrrsClient client);

    /** Every known group, sorted by name. */
    List<GroupState> groups();

    Optional<GroupState> group(String name);

    /** Every registered client, sorted by id. */
    List<ClientInfo> clients();
}
