package org.openvrrs.net.api;

/** Receives the frames of one {@link FrameKind} on one interface; called on the network's {@link Scheduler}. */
@FunctionalInterface
public interface FrameListener {

    /**
     * @param interfaceName the interface that received the frame
     * @param frame         the whole Ethernet II frame, without a VLAN tag when it arrived on a VLAN subinterface;
     *                      the listener owns this array
     * @param receivedNanos the {@link Scheduler#nanoTime()} at reception
     */
    void onFrame(String interfaceName, byte[] frame, long receivedNanos);
}
