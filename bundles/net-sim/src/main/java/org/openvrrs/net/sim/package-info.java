/**
 * An in-memory LAN for the demo and for fast deterministic tests.
 *
 * <p>{@link org.openvrrs.net.sim.SimLan} segments carry frames between {@link org.openvrrs.net.sim.SimRouter}s (each
 * a {@link org.openvrrs.net.api.Network}) and {@link org.openvrrs.net.sim.SimHost}s, as tasks of one
 * {@link org.openvrrs.net.api.Scheduler}: a {@link org.openvrrs.net.sim.VirtualScheduler} that tests move forward,
 * or the wall clock.
 *
 * <p>Not an API: the bundle exports nothing (its routers are {@link org.openvrrs.net.api.Network} services); tests
 * use these classes on a plain class path.
 */
package org.openvrrs.net.sim;
