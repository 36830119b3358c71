package org.openvrrs.fhrp.vrrp.internal;

import org.openvrrs.vrrs.api.VrrsRegistry;

/**
 * The parts of a group's configuration beside {@link VrrpGroupConfig}, read from the same factory configuration
 * ({@link VrrpGroupComponent#OPTIONS_READER}): unicast peers, and the VRRS name the group follows.
 *
 * @param unicast unicast peers, or {@link UnicastPeers#MULTICAST}
 * @param leader  the VRRS name whose state the group mirrors without adverts of its own (a follower group, the
 *                VRRS "pathway"); "" = the group runs the protocol itself
 */
record GroupOptions(UnicastPeers unicast, String leader) {
    static final GroupOptions NONE = new GroupOptions(UnicastPeers.MULTICAST, "");

    GroupOptions {
        unicast = unicast == null ? UnicastPeers.MULTICAST : unicast;
        leader = leader == null ? "" : leader.trim();
        if (leader.length() > VrrsRegistry.MAX_NAME_LENGTH || leader.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new IllegalArgumentException("follow '" + leader + "' must be a VRRS name of 1-64 visible "
                    + "characters");
        }
        if (!leader.isEmpty() && unicast.isUnicast()) {
            throw new IllegalArgumentException("follow and unicastPeers exclude each other: a follower group sends "
                    + "no adverts");
        }
    }

    boolean follows() {
        return !leader.isEmpty();
    }

    /** The options of {@code c}; refuses a group that follows its own name. */
    static GroupOptions of(VrrpGroupComponent.Config c) {
        GroupOptions o = new GroupOptions(UnicastPeers.parse(c.family(), c.unicastPeers(), c.unicastSource()),
                c.follow());
        if (o.follows() && o.leader().equals(c.name().trim())) {
            throw new IllegalArgumentException("follow '" + o.leader() + "' is the group's own name: a group cannot "
                    + "follow itself");
        }
        return o;
    }
}
