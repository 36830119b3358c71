package org.openvrrs.fhrp.vrrp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openvrrs.fhrp.vrrp.internal.VirtualRouter.State;
import org.openvrrs.fhrp.vrrp.internal.packet.NewMasterReason;
import org.openvrrs.net.api.Scheduler;
import org.openvrrs.net.sim.VirtualScheduler;
import org.openvrrs.vrrs.api.StateReason;

/** RFC 5798 section 6.4, transition by transition, on a virtual clock. */
class VirtualRouterTest {
    static final long MS = 1_000_000L;
    static final long SECOND = 1_000 * MS;

    final VirtualScheduler clock = new VirtualScheduler();
    final List<String> log = new ArrayList<>();
    final List<Long> advertTimes = new ArrayList<>();

    final VirtualRouter.Actions actions = new VirtualRouter.Actions() {
        @Override
        public void sendAdvertisement(int priority) {
            log.add("advert " + priority);
            advertTimes.add(clock.nanoTime());
        }

        @Override
        public void becomeMaster(NewMasterReason why) {
            log.add("take addresses " + why);
        }

        @Override
        public void stopBeingMaster() {
            log.add("release addresses");
        }

        @Override
        public void changed(VirtualRouter.Transition t) {
            if (t.stateChanged()) {
                log.add(t.oldState() + "->" + t.newState() + " " + t.reason().label());
            }
        }
    };

    static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    static VirtualRouter.Settings settings(int priority, boolean preempt, long preemptDelayNanos) {
        return new VirtualRouter.Settings(priority, 100, preempt, preemptDelayNanos, true, false, ip("192.0.2.2"));
    }

    VirtualRouter router(VirtualRouter.Settings s) {
        return new VirtualRouter(clock, s, actions);
    }

    /** Master_Down_Interval for priority p at a 1 s interval: 3 s + (256 - p) / 256 s. */
    static long mdi(int p) {
        return 3 * SECOND + (256L - p) * SECOND / 256;
    }

    @Test
    void aBackupWithoutMasterTakesOverExactlyAtTheMasterDownInterval() {
        VirtualRouter r = router(settings(100, true, 0));
        r.startup();
        assertThat(r.state()).isEqualTo(State.BACKUP);
        assertThat(r.masterDownIntervalNanos()).isEqualTo(mdi(100)).isEqualTo(3_609_375_000L);

        clock.advance(mdi(100) - 1);
        assertThat(r.state()).isEqualTo(State.BACKUP);
        clock.advance(1);
        assertThat(r.state()).isEqualTo(State.MASTER);
        assertThat(log).containsExactly("INITIALIZE->BACKUP Protocol", "advert 100", "take addresses MASTER_NO_RESPONSE",
                "BACKUP->MASTER Protocol");
    }

    @Test
    void theAddressOwnerBecomesMasterAtStartupAndAdvertisesEveryInterval() {
        VirtualRouter r = router(settings(255, true, 0));
        r.startup();
        assertThat(r.state()).isEqualTo(State.MASTER);
        assertThat(log).contains("take addresses PRIORITY");
        clock.advance(10 * SECOND);
        assertThat(advertTimes).hasSize(11);
        for (int i = 0; i < advertTimes.size(); i++) {
            assertThat(advertTimes.get(i)).isEqualTo(i * SECOND);
        }
    }

    @Test
    void adverts_fromAHigherMasterKeepABackupQuietUntilTheyStop() {
        VirtualRouter r = router(settings(100, true, 0));
        r.startup();
        for (int i = 0; i < 10; i++) {
            clock.advance(SECOND);
            r.advertisement(ip("192.0.2.9"), 200, 100, clock.nanoTime());
        }
        assertThat(r.state()).isEqualTo(State.BACKUP);
        assertThat(r.masterAddress()).isEqualTo(ip("192.0.2.9"));
        assertThat(r.masterPriority()).isEqualTo(200);
        long lastAdvert = clock.nanoTime();
        clock.advance(mdi(100) - 1);
        assertThat(r.state()).isEqualTo(State.BACKUP);
        clock.advance(1);
        assertThat(r.state()).isEqualTo(State.MASTER);
        assertThat(clock.nanoTime() - lastAdvert).isEqualTo(mdi(100));
    }

    @Test
    void priorityZeroFromTheMasterMakesTheBackupTakeOverAfterSkewTime() {
        VirtualRouter r = router(settings(100, true, 0));
        r.startup();
        r.advertisement(ip("192.0.2.9"), 200, 100, clock.nanoTime());
        r.advertisement(ip("192.0.2.9"), 0, 100, clock.nanoTime());
        long skew = (256L - 100) * SECOND / 256;
        assertThat(r.skewTimeNanos()).isEqualTo(skew);
        clock.advance(skew - 1);
        assertThat(r.state()).isEqualTo(State.BACKUP);
        clock.advance(1);
        assertThat(r.state()).isEqualTo(State.MASTER);
    }

    @Test
    void aHigherPriorityBackupPreemptsALowerMasterByDiscardingItsAdverts() {
        VirtualRouter r = router(settings(150, true, 0));
        r.startup();
        long start = clock.nanoTime();
        for (int i = 0; i < 10 && r.state() == State.BACKUP; i++) {
            r.advertisement(ip("192.0.2.9"), 100, 100, clock.nanoTime());
            clock.advance(SECOND);
        }
        assertThat(r.state()).isEqualTo(State.MASTER);
        assertThat(advertTimes.get(0) - start).isEqualTo(mdi(150));
        assertThat(log).contains("take addresses PREEMPTED");
    }

    @Test
    void withoutPreemptionALowerMasterIsKept() {
        VirtualRouter r = router(settings(150, false, 0));
        r.startup();
        for (int i = 0; i < 20; i++) {
            r.advertisement(ip("192.0.2.9"), 100, 100, clock.nanoTime());
            clock.advance(SECOND);
        }
        assertThat(r.state()).isEqualTo(State.BACKUP);
        assertThat(r.masterPriority()).isEqualTo(100);
    }

    @Test
    void preemptDelayHoldsOffPreemptionForTheDelayThenTheMasterDownInterval() {
        VirtualRouter r = router(settings(150, true, 5 * SECOND));
        r.startup();
        long firstLowerAdvert = clock.nanoTime();
        long lastAccepted = firstLowerAdvert;
        while (r.state() == State.BACKUP && clock.nanoTime() < 30 * SECOND) {
            if (clock.nanoTime() - firstLowerAdvert < 5 * SECOND) {
                lastAccepted = clock.nanoTime();
            }
            r.advertisement(ip("192.0.2.9"), 100, 100, clock.nanoTime());
            clock.advance(SECOND / 2);
        }
        assertThat(r.state()).isEqualTo(State.MASTER);
        // adverts are accepted for 5 s, then ignored; the master down interval runs from the last accepted one
        assertThat(advertTimes.get(0)).isBetween(lastAccepted + mdi(150) - SECOND / 2, lastAccepted + mdi(150));
        assertThat(advertTimes.get(0)).isGreaterThanOrEqualTo(firstLowerAdvert + 5 * SECOND);
    }

    @Test
    void aMasterYieldsToAHigherPriorityAndLearnsItsInterval() {
        VirtualRouter r = router(settings(255, true, 0));
        r.startup();
        r.reconfigure(settings(100, true, 0));
        r.advertisement(ip("192.0.2.9"), 200, 50, clock.nanoTime());
        assertThat(r.state()).isEqualTo(State.BACKUP);
        assertThat(r.masterAdverIntervalCentis()).isEqualTo(50);
        assertThat(r.masterDownIntervalNanos()).isEqualTo(3 * SECOND / 2 + (256L - 100) * SECOND / 2 / 256);
        assertThat(log).containsSubsequence("release addresses", "MASTER->BACKUP Protocol");
    }

    @Test
    void equalPrioritiesAreBrokenByTheHigherPrimaryAddress() {
        VirtualRouter r = router(settings(100, true, 0));
        r.startup();
        clock.advance(mdi(100));
        assertThat(r.state()).isEqualTo(State.MASTER);

        log.clear();
        r.advertisement(ip("192.0.2.1"), 100, 100, clock.nanoTime()); // lower address: we stay, and assert at once
        assertThat(r.state()).isEqualTo(State.MASTER);
        assertThat(log).containsExactly("advert 100");

        r.advertisement(ip("192.0.2.200"), 100, 100, clock.nanoTime()); // higher address wins
        assertThat(r.state()).isEqualTo(State.BACKUP);
        assertThat(r.masterAddress()).isEqualTo(ip("192.0.2.200"));
    }

    @Test
    void aMasterAnswersLowerPriorityAndPriorityZeroAdvertsAtOnceAndRestartsItsTimer() {
        VirtualRouter r = router(settings(200, true, 0));
        r.startup();
        clock.advance(mdi(200));
        advertTimes.clear();
        clock.advance(SECOND / 2);
        r.advertisement(ip("192.0.2.9"), 100, 100, clock.nanoTime());
        r.advertisement(ip("192.0.2.9"), 0, 100, clock.nanoTime());
        clock.advance(SECOND);
        long t = clock.nanoTime();
        assertThat(advertTimes).containsExactly(t - SECOND, t - SECOND, t);
    }

    @Test
    void aMasterShuttingDownResignsWithPriorityZero() {
        VirtualRouter r = router(settings(255, true, 0));
        r.startup();
        log.clear();
        r.shutdown(StateReason.SHUTDOWN, true);
        assertThat(r.state()).isEqualTo(State.INITIALIZE);
        assertThat(log).containsExactly("advert 0", "release addresses", "MASTER->INITIALIZE Shutdown");
        clock.advance(10 * SECOND);
        assertThat(log).hasSize(3); // no timer left running
    }

    @Test
    void losingTheLinkStopsEverythingWithoutResigning() {
        VirtualRouter r = router(settings(255, true, 0));
        r.startup();
        log.clear();
        r.shutdown(StateReason.INTERFACE, false);
        assertThat(log).containsExactly("release addresses", "MASTER->INITIALIZE Interface");

        VirtualRouter b = router(settings(100, true, 0));
        b.startup();
        b.shutdown(StateReason.INTERFACE, false);
        clock.advance(10 * SECOND);
        assertThat(b.state()).isEqualTo(State.INITIALIZE);
    }

    @Test
    void version2UsesTheSecondBasedSkewAndDoesNotLearnTheInterval() {
        VirtualRouter r = router(new VirtualRouter.Settings(100, 300, true, 0, false, true, ip("192.0.2.2")));
        r.startup();
        r.advertisement(ip("192.0.2.9"), 200, 100, clock.nanoTime());
        assertThat(r.masterAdverIntervalCentis()).isEqualTo(300);
        assertThat(r.skewTimeNanos()).isEqualTo((256L - 100) * SECOND / 256);
        assertThat(r.masterDownIntervalNanos()).isEqualTo(9 * SECOND + (256L - 100) * SECOND / 256);
    }

    @Test
    void raisingPriorityTo255TakesOverAtOnce() {
        VirtualRouter r = router(settings(100, true, 0));
        r.startup();
        r.advertisement(ip("192.0.2.9"), 200, 100, clock.nanoTime());
        r.reconfigure(settings(255, true, 0));
        assertThat(r.state()).isEqualTo(State.MASTER);
    }

    @Test
    void theMasterDownTimerRunsFromTheAdvertsArrivalNotFromWhenItWasProcessed() {
        VirtualRouter r = router(settings(100, true, 0));
        r.startup();
        clock.advance(SECOND);
        long arrival = clock.nanoTime();
        clock.advance(5 * MS); // the advert waited 5 ms in a queue before the protocol thread took it
        r.advertisement(ip("192.0.2.9"), 200, 100, arrival);
        clock.advance(mdi(100) - 5 * MS - 1);
        assertThat(r.state()).isEqualTo(State.BACKUP);
        clock.advance(1);
        assertThat(r.state()).isEqualTo(State.MASTER);
        assertThat(advertTimes.get(0)).isEqualTo(arrival + mdi(100));
    }

    @Test
    void aStaleAdvertFromABacklogDoesNotMakeTheBackupTakeOverAtOnce() {
        // a Master hears a higher priority advert that waited 500 ms in a queue (5 intervals: a saturated box)
        VirtualRouter r = router(settings(255, true, 0));
        r.startup();
        assertThat(r.state()).isEqualTo(State.MASTER);
        r.reconfigure(settings(100, true, 0));
        clock.advance(SECOND);
        long arrival = clock.nanoTime();
        clock.advance(500 * MS);
        r.advertisement(ip("192.0.2.9"), 200, 10, arrival);
        assertThat(r.state()).isEqualTo(State.BACKUP);
        // the queueing credited is at most Skew_Time: the Backup waits 3 intervals from now, not 0
        long skew = (256 - 100) * 10 * VirtualRouter.NANOS_PER_CENTISECOND / 256;
        clock.advance(3 * 100 * MS - 1);
        assertThat(r.state()).as("still Backup: newer adverts of the backlog get the time to arrive").isEqualTo(
                State.BACKUP);
        r.advertisement(ip("192.0.2.9"), 200, 10, clock.nanoTime()); // a fresh one arrives: all is well
        clock.advance(3 * 100 * MS + skew - 1);
        assertThat(r.state()).isEqualTo(State.BACKUP);
        clock.advance(1);
        assertThat(r.state()).as("the Master really went quiet").isEqualTo(State.MASTER);
    }

    @Test
    void aTakeoverRecordsHowLateTheTimerFiredAndHowLongTheAdvertAndAnnouncementsTook() {
        long[] lag = {0}; // what the wall clock would add: a paused JVM, a slow send
        Scheduler lagging = new Scheduler() {
            @Override
            public long nanoTime() {
                return clock.nanoTime() + lag[0];
            }

            @Override
            public Timer schedule(long delayNanos, Runnable task) {
                return clock.schedule(delayNanos, task);
            }

            @Override
            public void execute(Runnable task) {
                clock.execute(task);
            }
        };
        List<VirtualRouter.Transition> transitions = new ArrayList<>();
        VirtualRouter.Actions slow = new VirtualRouter.Actions() {
            @Override
            public void sendAdvertisement(int priority) {
                lag[0] += 40_000;
            }

            @Override
            public void becomeMaster(NewMasterReason why) {
                lag[0] += 250_000;
            }

            @Override
            public void stopBeingMaster() {
            }

            @Override
            public void changed(VirtualRouter.Transition t) {
                transitions.add(t);
            }
        };
        VirtualRouter r = new VirtualRouter(lagging, settings(100, true, 0), slow);
        r.startup();
        assertThat(transitions.get(0).takeover()).as("start-up as Backup is no takeover").isNull();
        clock.advance(mdi(100) - 1);
        lag[0] = 2 * MS; // the timer thread wakes 2 ms after the deadline
        clock.advance(1);
        assertThat(r.state()).isEqualTo(State.MASTER);
        VirtualRouter.Takeover takeover = transitions.get(transitions.size() - 1).takeover();
        assertThat(takeover).isEqualTo(new VirtualRouter.Takeover(2 * MS, 40_000, 250_000));
        assertThat(GroupLog.takeoverTiming(takeover))
                .isEqualTo("; timer +2.000 ms, advert 0.040 ms, announce 0.250 ms");

        VirtualRouter owner = new VirtualRouter(lagging, settings(255, true, 0), slow);
        owner.startup(); // Master at once: no timer involved
        VirtualRouter.Takeover ownerTakeover = transitions.get(transitions.size() - 1).takeover();
        assertThat(ownerTakeover.timerLateNanos()).isEqualTo(-1);
        assertThat(GroupLog.takeoverTiming(ownerTakeover)).isEqualTo("; advert 0.040 ms, announce 0.250 ms");
    }
}
