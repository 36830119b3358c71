package org.openvrrs.fhrp.vrrp.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which of the appliance's groups follow which VRRS name, so a follower that would close a loop (A follows B, B
 * follows A) is refused before it starts: in a loop no group runs the protocol, and every one would sit in Init
 * waiting for the others. Thread-safe.
 */
final class LeaderLoops {
    /** A group's own VRRS name and the name it follows. */
    private record Link(String name, String leader) {
    }

    private final Map<String, Link> byGroup = new HashMap<>();

    /**
     * Records that the group {@code key}, published as {@code name} ("" = unnamed), follows {@code leader} ("" =
     * none), replacing what it followed before.
     *
     * @throws IllegalArgumentException with one line naming the loop; nothing is recorded then
     */
    synchronized void claim(String key, String name, String leader) {
        if (!leader.isEmpty() && !name.isEmpty()) {
            Map<String, String> leaderOf = new HashMap<>();
            byGroup.forEach((k, l) -> {
                if (!k.equals(key) && !l.name().isEmpty() && !l.leader().isEmpty()) {
                    leaderOf.put(l.name(), l.leader());
                }
            });
            List<String> chain = new ArrayList<>(List.of(name));
            for (String at = leader; at != null && chain.size() <= leaderOf.size() + 1; at = leaderOf.get(at)) {
                chain.add(at);
                if (at.equals(name)) {
                    throw new IllegalArgumentException("follow '" + leader + "' would make a loop of leaders ("
                            + String.join(" follows ", chain) + "): refused");
                }
            }
        }
        byGroup.put(key, new Link(name, leader));
    }

    synchronized void release(String key) {
        byGroup.remove(key);
    }
}
