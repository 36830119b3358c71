package org.openvrrs.fhrp.vrrp.internal;

import java.util.function.IntConsumer;
import org.openvrrs.net.api.Scheduler;

/**
 * When a Master announces its virtual addresses again (gratuitous ARP / unsolicited NA), as keepalived does: a
 * switch or host that missed the single announcement of a takeover would keep sending to the old Master.
 *
 * <ul>
 *   <li>at takeover: {@code masterRepeat} announcements per address back to back (the first is sent by the caller
 *       right after the first advert, the rest follow on the scheduler), and the same again
 *       {@code masterDelaySeconds} later (0: no second round);</li>
 *   <li>every {@code refreshSeconds} while Master, one announcement per address (0: never);</li>
 *   <li>when a lower-priority advert is heard while Master (a split brain healing), {@code lowerPrioRepeat} per
 *       address at once and again {@code masterDelaySeconds} later (0: not at all).</li>
 * </ul>
 * Leaving Master cancels whatever is pending. Runs on the group's scheduler thread, like the state machine.
 */
final class Announcer {

    /**
     * How often to announce; the defaults are keepalived's ({@code garp_master_repeat 5}, {@code garp_master_delay
     * 5}, {@code garp_master_refresh 0}, {@code garp_lower_prio_repeat} = its master repeat, 5).
     */
    record Settings(int masterRepeat, int masterDelaySeconds, int refreshSeconds, int lowerPrioRepeat) {
        static final Settings DEFAULTS = new Settings(5, 5, 0, 5);
        static final int MAX_REPEAT = 100;

        Settings {
            inRange("garpMasterRepeat", masterRepeat, 1, MAX_REPEAT);
            inRange("garpMasterDelaySeconds", masterDelaySeconds, 0, 3600);
            inRange("garpMasterRefreshSeconds", refreshSeconds, 0, 86_400);
            inRange("garpLowerPrioRepeat", lowerPrioRepeat, 0, MAX_REPEAT);
        }

        private static void inRange(String key, int value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(key + " " + value + " is outside " + min + "-" + max);
            }
        }
    }

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final Scheduler scheduler;
    /** Sends the given number of announcements for every virtual address, back to back. */
    private final IntConsumer announce;
    private int burstCopies;
    private int laterCopies;
    // made (and their lambdas linked) with the group, not during a takeover
    private final Runnable burstTask = () -> announceIfMaster(burstCopies);
    private final Runnable laterTask = () -> announceIfMaster(laterCopies);
    private final Runnable refreshTask = this::refresh;
    private Settings settings;
    private boolean master;
    private Scheduler.Timer burst;
    private Scheduler.Timer secondRound;
    private Scheduler.Timer refresh;

    Announcer(Scheduler scheduler, Settings settings, IntConsumer announce) {
        this.scheduler = scheduler;
        this.settings = settings;
        this.announce = announce;
    }

    /** This router became Master and has just sent the first announcement per address itself. */
    void tookOver() {
        master = true;
        round(settings.masterRepeat() - 1, settings.masterRepeat());
        startRefresh();
    }

    /** A lower-priority advert was heard while Master. */
    void lowerPriorityHeard() {
        if (master && settings.lowerPrioRepeat() > 0) {
            round(settings.lowerPrioRepeat(), settings.lowerPrioRepeat());
        }
    }

    /** Left Master (or shut down): nothing pending is sent. */
    void stop() {
        master = false;
        cancel(burst);
        cancel(secondRound);
        cancel(refresh);
    }

    /** New settings; a Master whose refresh period changed restarts it from now. */
    void reconfigure(Settings newSettings) {
        boolean refreshChanged = newSettings.refreshSeconds() != settings.refreshSeconds();
        settings = newSettings;
        if (master && refreshChanged) {
            startRefresh();
        }
    }

    /** {@code now} announcements per address soon (not in the caller's task), {@code later} after the delay. */
    private void round(int now, int later) {
        cancel(burst);
        burstCopies = now;
        if (now > 0) {
            burst = scheduler.schedule(0, burstTask);
        }
        cancel(secondRound);
        laterCopies = later;
        if (settings.masterDelaySeconds() > 0) {
            secondRound = scheduler.schedule(settings.masterDelaySeconds() * NANOS_PER_SECOND, laterTask);
        }
    }

    private void startRefresh() {
        cancel(refresh);
        if (settings.refreshSeconds() > 0) {
            refresh = scheduler.schedule(settings.refreshSeconds() * NANOS_PER_SECOND, refreshTask);
        }
    }

    private void refresh() {
        if (master) {
            announce.accept(1);
            startRefresh();
        }
    }

    private void announceIfMaster(int copies) {
        if (master) {
            announce.accept(copies);
        }
    }

    private static void cancel(Scheduler.Timer timer) {
        if (timer != null) {
            timer.cancel();
        }
    }
}
