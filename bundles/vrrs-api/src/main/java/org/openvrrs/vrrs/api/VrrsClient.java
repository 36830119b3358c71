package org.openvrrs.vrrs.api;

/**
 * A VRRS client's callback.
 *
 * <p>The registry calls it from its own threads, never twice at once for the same client, with a group's states in
 * the order they happened. Under load intermediate states of a group may be skipped, but the latest state is always
 * delivered. A callback should return quickly: a slow one delays only its own client and, after the registry's stall
 * limit, stops holding back lower-priority clients. Exceptions thrown are logged and counted, never propagated.
 */
@FunctionalInterface
public interface VrrsClient {
    void groupChanged(GroupState state);
}
