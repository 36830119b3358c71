package org.openvrrs.vrrs.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a {@link VrrsClient} service says of itself through its service properties.
 *
 * @param name      the client's name
 * @param priority  notification priority
 * @param allGroups whether it is pushed every group
 * @param groups    groups followed by name
 */
public record ClientSpec(String name, ClientPriority priority, boolean allGroups, SortedSet<String> groups) {

    public ClientSpec {
        Objects.requireNonNull(name, "client name is required");
        Objects.requireNonNull(priority, "client priority is required");
        groups = groups == null ? new TreeSet<>() : new TreeSet<>(groups);
    }

    public static ClientSpec following(String name, ClientPriority priority, Set<String> groups) {
        return new ClientSpec(name, priority, false, new TreeSet<>(groups));
    }

    public static ClientSpec allGroups(String name, ClientPriority priority) {
        return new ClientSpec(name, priority, true, new TreeSet<>());
    }

    /** The same client following {@code newGroups} instead. */
    public ClientSpec withGroups(Set<String> newGroups) {
        return new ClientSpec(name, priority, allGroups, new TreeSet<>(newGroups));
    }

    /** The service properties that declare this client (for {@code registerService} or {@code setProperties}). */
    public Map<String, Object> toProperties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(VrrsClient.NAME, name);
        p.put(VrrsClient.PRIORITY, priority.toString());
        p.put(VrrsClient.ALL_GROUPS, allGroups);
        p.put(VrrsClient.GROUPS, groups.toArray(new String[0]));
        return p;
    }
}
