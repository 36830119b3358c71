package org.openvrrs.vrrs.api;

/**
 * A First Hop Redundancy Protocol server's group, offered as an OSGi service: the registry tracks every
 * {@code VrrsServer} service (the whiteboard pattern), makes it the server of the group its properties name and
 * hands it a {@link ServerRegistration} to publish the group's states through. A server exists while its service
 * does; a registry that restarts attaches it again.
 *
 * <p>Service properties ({@link ServerSpec#toProperties()} writes them), all Strings:
 * <ul>
 * <li>{@value #PROTOCOL} (required): the FHRP, e.g. {@code VRRP};</li>
 * <li>{@value #GROUP}: the VRRS group name it publishes; empty or absent when the FHRP's group has no VRRS name
 * (then the service only says where an FHRP runs, and is never attached);</li>
 * <li>{@value #NETWORK} and {@value #INTERFACE}: where the FHRP runs, so that clients can tell which interfaces
 * carry an FHRP (a subinterface running one cannot also follow a group);</li>
 * <li>{@value #INSTANCE}: the FHRP's own name for the group (VRRP's VRID), for messages.</li>
 * </ul>
 * Changing the group name ({@code ServiceRegistration.setProperties}) detaches the server from the old group and
 * attaches it to the new one. A second server for a group that already has one is refused with one log line and
 * attached when the first goes.
 */
public interface VrrsServer {
    /** Service property: the FHRP's name, e.g. {@code VRRP}. */
    String PROTOCOL = "vrrs.server.protocol";
    /** Service property: the VRRS group published. */
    String GROUP = "vrrs.server.group";
    /** Service property: the network the FHRP runs on ({@code local} for the appliance's own). */
    String NETWORK = "vrrs.server.network";
    /** Service property: the interface the FHRP runs on. */
    String INTERFACE = "vrrs.server.interface";
    /** Service property: the FHRP's own name for the group, e.g. VRRP's VRID. */
    String INSTANCE = "vrrs.server.instance";

    /**
     * The registry made this the group's server: publish the current state through {@code registration} now, and
     * every change from then on. Called from the registry's thread; never under a lock a server's update takes.
     */
    void attached(ServerRegistration registration);

    /** The registry let go of {@code registration} (it is closed: updates through it are ignored). */
    void detached(ServerRegistration registration);
}
