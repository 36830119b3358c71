package org.openvrrs.fhrp.vrrp.internal;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Objects;
import org.openvrrs.fhrp.vrrp.internal.packet.NewMasterReason;
import org.openvrrs.net.api.Scheduler;
import org.openvrrs.vrrs.api.StateReason;

/**
 * The VRRP state machine of one virtual router (one VRID and address family on one interface), exactly as RFC 5798
 * section 6.4 describes it, with the RFC 9568 amendment that a Master answers a lower-priority advertisement at once.
 *
 * <p>Plain Java on an injected {@link Scheduler}: every method must be called on the scheduler's thread, which is
 * also where the timers fire. Packets are validated before they get here; actions go out through {@link Actions}.
 */
final class VirtualRouter {
    static final long NANOS_PER_CENTISECOND = 10_000_000L;

    /** RFC 5798 states. */
    enum State {
        INITIALIZE, BACKUP, MASTER
    }

    /** What the state machine makes happen on the wire and in the data plane. */
    interface Actions {
        /** Sends an ADVERTISEMENT with {@code priority} (0 when resigning). */
        void sendAdvertisement(int priority);

        /** Takes over the virtual addresses: answer ARP/ND with the virtual MAC, accept its traffic, announce it. */
        void becomeMaster(NewMasterReason why);

        /** Gives the virtual addresses up. */
        void stopBeingMaster();

        /** The state, the Master or this router's priority changed (for VRRS, the log and the show commands). */
        void changed(Transition transition);
    }

    /**
     * One change as the state machine saw it, complete: whoever turns it into a VRRS update or a log line reads
     * nothing back from the router.
     *
     * @param oldState       the state before (equal to {@code newState} when only the Master or priority changed)
     * @param newState       the state now
     * @param reason         why
     * @param masterAddress  the Master's primary address (this router's when Master), null when unknown
     * @param masterPriority the Master's priority, 0 when unknown
     * @param priority       this router's priority
     * @param ownAddress     this router's primary address
     * @param peerAddress    the source of the last advertisement from another router, null before any
     * @param takeover       how the change to Master went, when this change made the router Master; else null
     */
    record Transition(State oldState, State newState, StateReason reason, InetAddress masterAddress,
            int masterPriority, int priority, InetAddress ownAddress, InetAddress peerAddress, Takeover takeover) {

        boolean stateChanged() {
            return oldState != newState;
        }
    }

    /** The settings the state machine needs; see {@link VrrpGroupConfig} for their meaning. */
    record Settings(int priority, int advertIntervalCentis, boolean preempt, long preemptDelayNanos,
            boolean learnMasterInterval, boolean v2Skew, InetAddress primaryAddress) {
        Settings {
            if (priority < 1 || priority > 255) {
                throw new IllegalArgumentException("priority " + priority + " is outside 1-255");
            }
            if (advertIntervalCentis < 1 || advertIntervalCentis > 4095) {
                throw new IllegalArgumentException("advertisement interval " + advertIntervalCentis
                        + " cs is outside 1-4095");
            }
            Objects.requireNonNull(primaryAddress, "primary address (the unspecified address until known)");
        }
    }

    /**
     * How the last change to Master went, measured on the scheduler's clock, so a slow failover can be told apart:
     * the timer fired late (a busy or paused JVM), or the advert or the announcements were slow to leave.
     *
     * @param timerLateNanos how long after its deadline the Master_Down_Timer fired; -1 when the timer did not cause
     *                       the change (owner start-up, a Master that resigned)
     * @param advertNanos    how long the first advertisement took to send
     * @param announceNanos  how long taking over the virtual addresses took after that (gratuitous ARP or NA)
     */
    record Takeover(long timerLateNanos, long advertNanos, long announceNanos) {
    }

    private final Scheduler scheduler;
    private final Actions actions;
    private Settings settings;

    private State state = State.INITIALIZE;
    private int masterAdverIntervalCentis;
    private Scheduler.Timer masterDownTimer;
    private Scheduler.Timer adverTimer;
    private long nextEventNanos;
    private InetAddress masterAddress;
    private int masterPriority;
    private InetAddress lastPeerAddress;
    private long preemptWantedSince = -1;
    /** A lower-priority Master's adverts are being discarded: becoming Master now is preemption. */
    private boolean preempting;
    /** Arrival time of the advertisement being processed; timers it starts count from there. */
    private long receivedNanos = Long.MIN_VALUE;
    private Takeover lastTakeover;
    /** The priority changed in this state (tracking): the next election it loses or wins is for that reason. */
    private boolean priorityMoved;

    VirtualRouter(Scheduler scheduler, Settings settings, Actions actions) {
        this.scheduler = scheduler;
        this.settings = settings;
        this.actions = actions;
        this.masterAdverIntervalCentis = settings.advertIntervalCentis();
    }

    // ---- events

    /** RFC 5798 Startup event. */
    void startup() {
        if (state != State.INITIALIZE) {
            return;
        }
        if (settings.priority() == 255) {
            becomeMaster(StateReason.PROTOCOL, NewMasterReason.PRIORITY, -1);
        } else {
            masterAdverIntervalCentis = settings.advertIntervalCentis();
            masterAddress = null;
            startMasterDownTimer(masterDownIntervalNanos());
            transition(State.BACKUP, StateReason.PROTOCOL);
        }
    }

    /**
     * RFC 5798 Shutdown event.
     *
     * @param resign send the priority-0 advertisement a Master owes its backups (false when the link is gone)
     */
    void shutdown(StateReason reason, boolean resign) {
        switch (state) {
            case INITIALIZE -> {
                return;
            }
            case BACKUP -> cancel(masterDownTimer);
            case MASTER -> {
                cancel(adverTimer);
                if (resign) {
                    actions.sendAdvertisement(0);
                }
                actions.stopBeingMaster();
            }
        }
        masterAddress = null;
        nextEventNanos = 0;
        transition(State.INITIALIZE, reason);
    }

    /**
     * An ADVERTISEMENT received at {@code receivedNanos} (scheduler time): the Master_Down_Timer runs from the
     * packet's arrival, not from when this thread got to it, so hand-off delays do not postpone a takeover.
     */
    void advertisement(InetAddress source, int priority, int advertIntervalCentis, long receivedNanos) {
        this.receivedNanos = receivedNanos;
        lastPeerAddress = source;
        switch (state) {
            case INITIALIZE -> { }
            case BACKUP -> backupReceives(source, priority, advertIntervalCentis);
            case MASTER -> masterReceives(source, priority, advertIntervalCentis);
        }
    }

    /** A follower ({@link GroupOptions#leader()}) takes its leader's state: no timers, no adverts; as Master it
     *  still takes the virtual addresses over and announces them. */
    void follow(State target, StateReason reason) {
        if (target == state) {
            return;
        }
        cancel(masterDownTimer);
        cancel(adverTimer);
        nextEventNanos = 0;
        if (state == State.MASTER) {
            actions.stopBeingMaster();
        }
        masterAddress = null;
        if (target == State.MASTER) {
            long start = scheduler.nanoTime();
            actions.becomeMaster(NewMasterReason.PRIORITY);
            lastTakeover = new Takeover(-1, 0, scheduler.nanoTime() - start);
            masterAddress = settings.primaryAddress();
            masterPriority = settings.priority();
        }
        transition(target, reason);
    }

    /** New settings (priority, interval, preemption, address) take effect without a restart. */
    void reconfigure(Settings newSettings) {
        Settings old = settings;
        settings = newSettings;
        if (state == State.MASTER && old.priority() == 255 && newSettings.priority() != 255) {
            return; // keeps mastering; a higher peer will take over by the protocol
        }
        if (state == State.BACKUP && newSettings.priority() == 255) {
            cancel(masterDownTimer);
            becomeMaster(StateReason.PRIORITY, NewMasterReason.PRIORITY, -1);
        } else if (state == State.BACKUP && old.priority() != newSettings.priority()) {
            priorityMoved = true;
            emit(state, StateReason.PRIORITY);
        } else if (state == State.MASTER && old.priority() != newSettings.priority()) {
            // advertised at once (tracking): a higher Backup preempts without waiting for the next interval
            masterPriority = newSettings.priority();
            priorityMoved = true;
            actions.sendAdvertisement(newSettings.priority());
            startAdverTimer();
            emit(state, StateReason.PRIORITY);
        }
    }

    // ---- RFC 5798 6.4.2 Backup

    private void backupReceives(InetAddress source, int priority, int advertIntervalCentis) {
        if (priority == 0) {
            startMasterDownTimer(skewTimeNanos());
            return;
        }
        boolean outranks = priority >= settings.priority();
        if (!settings.preempt() || outranks || preemptionDelayed()) {
            if (settings.learnMasterInterval()) {
                masterAdverIntervalCentis = advertIntervalCentis;
            }
            boolean masterChanged = !source.equals(masterAddress) || priority != masterPriority;
            masterAddress = source;
            masterPriority = priority;
            if (outranks) {
                preemptWantedSince = -1;
            }
            preempting = false;
            startMasterDownTimer(masterDownIntervalNanos());
            if (masterChanged) {
                emit(state, StateReason.PROTOCOL);
            }
        } else {
            preempting = true; // discard, and the Master_Down_Timer makes this router Master
        }
    }

    /** Preempt delay: a lower-priority Master is still accepted until the delay has passed since first seen. */
    private boolean preemptionDelayed() {
        if (settings.preemptDelayNanos() <= 0) {
            return false;
        }
        long now = scheduler.nanoTime();
        if (preemptWantedSince < 0) {
            preemptWantedSince = now;
        }
        return now - preemptWantedSince < settings.preemptDelayNanos();
    }

    // ---- RFC 5798 6.4.3 Master

    private void masterReceives(InetAddress source, int priority, int advertIntervalCentis) {
        if (priority == 0) {
            actions.sendAdvertisement(settings.priority());
            startAdverTimer();
            return;
        }
        if (priority > settings.priority()
                || (priority == settings.priority() && compare(source, settings.primaryAddress()) > 0)) {
            cancel(adverTimer);
            if (settings.learnMasterInterval()) {
                masterAdverIntervalCentis = advertIntervalCentis;
            }
            masterAddress = source;
            masterPriority = priority;
            actions.stopBeingMaster();
            startMasterDownTimer(masterDownIntervalNanos());
            transition(State.BACKUP, priorityMoved ? StateReason.PRIORITY : StateReason.PROTOCOL);
        } else {
            // RFC 9568: assert mastership at once, so a lower-priority router that thinks it is Master yields now
            actions.sendAdvertisement(settings.priority());
            startAdverTimer();
        }
    }

    /** @param timerLateNanos how late the Master_Down_Timer fired when it causes this, else -1 */
    private void becomeMaster(StateReason reason, NewMasterReason why, long timerLateNanos) {
        long start = scheduler.nanoTime();
        actions.sendAdvertisement(settings.priority());
        long sent = scheduler.nanoTime();
        actions.becomeMaster(why);
        lastTakeover = new Takeover(timerLateNanos, sent - start, scheduler.nanoTime() - sent);
        preempting = false;
        masterAddress = settings.primaryAddress();
        masterPriority = settings.priority();
        preemptWantedSince = -1;
        startAdverTimer();
        transition(State.MASTER, reason);
    }

    private void masterDownTimerFired() {
        if (state == State.BACKUP) {
            NewMasterReason why = preempting ? NewMasterReason.PREEMPTED : NewMasterReason.MASTER_NO_RESPONSE;
            becomeMaster(preempting && priorityMoved ? StateReason.PRIORITY : StateReason.PROTOCOL, why,
                    scheduler.nanoTime() - nextEventNanos);
        }
    }

    private void adverTimerFired() {
        if (state == State.MASTER) {
            actions.sendAdvertisement(settings.priority());
            startAdverTimer();
        }
    }

    // ---- timers

    /** RFC 5798: Skew_Time = ((256 - Priority) * Master_Adver_Interval) / 256; RFC 3768: (256 - Priority) / 256 s. */
    long skewTimeNanos() {
        long intervalCs = settings.v2Skew() ? 100 : masterAdverIntervalCentis;
        return (256L - settings.priority()) * intervalCs * NANOS_PER_CENTISECOND / 256;
    }

    /** Master_Down_Interval = 3 * Master_Adver_Interval + Skew_Time. */
    long masterDownIntervalNanos() {
        return 3L * masterAdverIntervalCentis * NANOS_PER_CENTISECOND + skewTimeNanos();
    }

    /**
     * Counts from the advert's arrival, crediting at most Skew_Time of queueing: a backlog of old adverts (a
     * saturated box) must not give timers that expired before they were set, which made a Backup take over at once
     * on every stale advert and flap against the Master it had just heard.
     */
    private void startMasterDownTimer(long delayNanos) {
        cancel(masterDownTimer);
        long now = scheduler.nanoTime();
        long queued = receivedNanos != Long.MIN_VALUE && receivedNanos <= now ? now - receivedNanos : 0;
        long from = now - Math.min(queued, skewTimeNanos());
        receivedNanos = Long.MIN_VALUE;
        nextEventNanos = from + delayNanos;
        masterDownTimer = scheduler.scheduleExact(nextEventNanos - now, this::masterDownTimerFired);
    }

    private void startAdverTimer() {
        cancel(adverTimer);
        long delay = settings.advertIntervalCentis() * NANOS_PER_CENTISECOND;
        nextEventNanos = scheduler.nanoTime() + delay;
        adverTimer = scheduler.schedule(delay, this::adverTimerFired);
    }

    private static void cancel(Scheduler.Timer timer) {
        if (timer != null) {
            timer.cancel();
        }
    }

    private void transition(State next, StateReason reason) {
        State old = state;
        state = next;
        priorityMoved = false;
        emit(old, reason);
    }

    private void emit(State old, StateReason reason) {
        boolean tookOver = state == State.MASTER && old != State.MASTER;
        actions.changed(new Transition(old, state, reason, masterAddress, masterPriority, settings.priority(),
                settings.primaryAddress(), lastPeerAddress, tookOver ? lastTakeover : null));
    }

    /** Unsigned comparison of two addresses of one family (the RFC's tie-break on primary addresses). */
    static int compare(InetAddress a, InetAddress b) {
        return Arrays.compareUnsigned(a.getAddress(), b.getAddress());
    }

    // ---- what the show commands and VRRS read

    State state() {
        return state;
    }

    Settings settings() {
        return settings;
    }

    /** The current Master's primary address (this router's when Master), null when unknown. */
    InetAddress masterAddress() {
        return masterAddress;
    }

    int masterPriority() {
        return masterPriority;
    }

    int masterAdverIntervalCentis() {
        return masterAdverIntervalCentis;
    }

    /** Nanoseconds until the next timer event (advert or master down), 0 when none is running. */
    long nanosToNextEvent() {
        return state == State.INITIALIZE ? 0 : Math.max(0, nextEventNanos - scheduler.nanoTime());
    }
}
