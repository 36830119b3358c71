package org.openvrrs.fhrp.vrrp.internal.track;

import java.util.function.Consumer;

/**
 * What tracking tells one configured group, kept across restarts of the running group (its network going and
 * coming, a changed interface): the effect of its track objects and whether its sync group holds it in Init.
 * Written from the tracker's thread and the sync groups, read by the group on its network thread, which is told to
 * look again through {@link #onChange}.
 */
public final class TrackInputs {
    private volatile TrackEffect effect = TrackEffect.NONE;
    private volatile String syncFault;
    private volatile Runnable onChange = () -> { };
    private volatile Consumer<String> faults = f -> { };

    public TrackEffect effect() {
        return effect;
    }

    /** Why the group's sync group holds it in Init ("sync group G: eth1/IPv4/2 interface down"), null when not. */
    public String syncFault() {
        return syncFault;
    }

    /** Runs whenever an input changed: the engine makes the running group evaluate itself again. */
    public void onChange(Runnable r) {
        onChange = r;
    }

    /** The group's own failure (Init for a reason of its own), null when none: its sync group follows it. */
    public void ownFault(String cause) {
        faults.accept(cause);
    }

    void setEffect(TrackEffect e) {
        effect = e;
        onChange.run();
    }

    void setSyncFault(String cause) {
        syncFault = cause;
        onChange.run();
    }

    void reportFaultsTo(Consumer<String> sink) {
        faults = sink;
    }
}
