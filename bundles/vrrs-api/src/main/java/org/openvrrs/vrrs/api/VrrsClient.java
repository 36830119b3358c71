package org.openvrrs.vrrs.api;

/**
 * A VRRS client, offered as an OSGi service: the registry tracks every {@code VrrsClient} service (the whiteboard
 * pattern) and pushes it the states of the groups its service properties name. There is nothing to register with
 * and nothing to register again: a client exists while its service does, so a bundle that stops takes its clients
 * with it, and a registry that restarts finds them again.
 *
 * <p>Service properties ({@link ClientSpec#toProperties()} writes them):
 * <ul>
 * <li>{@value #NAME} (String, required): the client's name, as {@code show vrrs clients} lists it;</li>
 * <li>{@value #PRIORITY} (String {@code high}, {@code normal} or {@code low}; default normal): High clients are
 * notified of a change before Normal ones, Normal before Low;</li>
 * <li>{@value #ALL_GROUPS} (Boolean, default false): the client is pushed every group;</li>
 * <li>{@value #GROUPS} (String or String[], default none): the groups it follows by name. Following an unknown
 * name creates the group, INIT without a server.</li>
 * </ul>
 * Changing the properties ({@code ServiceRegistration.setProperties}) follows and unfollows at once; a newly
 * followed group's current state is pushed. Properties the registry cannot read (no name, an unknown priority) are
 * refused with one log line naming the service, and the service is not a client until they are fixed.
 *
 * <p>The registry calls {@link #groupChanged} from its own threads, never twice at once for the same client, with a
 * group's states in the order they happened. Under load intermediate states of a group may be skipped, but the
 * latest state is always delivered. No callback starts after the service's unregistration has returned. A callback
 * should return quickly: a slow one delays only its own client and, after the registry's stall limit, stops holding
 * back lower-priority clients. Exceptions thrown are logged and counted, never propagated.
 */
@FunctionalInterface
public interface VrrsClient {
    /** Service property: the client's name (String, required). */
    String NAME = "vrrs.client.name";
    /** Service property: {@code high}, {@code normal} or {@code low} (default normal). */
    String PRIORITY = "vrrs.client.priority";
    /** Service property: Boolean, whether the client is pushed every group (default false). */
    String ALL_GROUPS = "vrrs.client.all-groups";
    /** Service property: String or String[], the groups followed by name. */
    String GROUPS = "vrrs.client.groups";

    void groupChanged(GroupState state);
}
