package org.openvrrs.plugin.accounting.internal;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.openvrrs.net.api.Scheduler;
import org.openvrrs.net.api.SystemScheduler;
import org.openvrrs.plugin.accounting.internal.queue.DurableQueue;
import org.openvrrs.plugin.accounting.internal.radius.RadiusTransport;
import org.openvrrs.vrrs.api.GroupState;
import org.openvrrs.vrrs.api.VrrsBatchClient;

/**
 * The accounting plug-in without OSGi: a {@link VrrsBatchClient} made of four parts on one {@link Scheduler}, each
 * knowing only the ones after it: the {@link TransitionRecorder} turns transitions into records, the
 * {@link GroupDelivery} queues them durably and delivers each group's in order through the {@link RadiusExchange}
 * (requests, retransmissions, failover), and the {@link StatusReport} reads the last two for the show command.
 * This class wires them and owns the configuration in force.
 */
public final class AccountingEngine implements VrrsBatchClient, AutoCloseable {
    private static final long WAIT_SECONDS = 5;

    private final SystemScheduler ownScheduler;
    private final RadiusExchange exchange;
    private final GroupDelivery delivery;
    private final TransitionRecorder recorder;
    private final StatusReport status;
    private volatile AccountingModel model;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** An engine on a scheduler thread of its own (wall clock), delivering what {@code queue} holds. */
    public AccountingEngine(DurableQueue queue, AccountingModel model, Clock clock,
            Function<RadiusTransport.Receiver, RadiusTransport> transports) {
        this(queue, model, clock, new SystemScheduler("openvrrs-accounting"), true, transports);
    }

    /**
     * An engine on {@code scheduler} (a test's virtual clock), delivering what {@code queue} holds. {@code clock}
     * gives the wall-clock times records carry, and should move with the scheduler.
     */
    public AccountingEngine(DurableQueue queue, AccountingModel model, Clock clock, Scheduler scheduler,
            Function<RadiusTransport.Receiver, RadiusTransport> transports) {
        this(queue, model, clock, scheduler, false, transports);
    }

    private AccountingEngine(DurableQueue queue, AccountingModel model, Clock clock, Scheduler scheduler,
            boolean owned, Function<RadiusTransport.Receiver, RadiusTransport> transports) {
        this.model = model;
        this.ownScheduler = owned ? (SystemScheduler) scheduler : null;
        this.exchange = new RadiusExchange(scheduler, clock, transports);
        this.delivery = new GroupDelivery(queue, scheduler, clock, exchange, this::model);
        this.recorder = new TransitionRecorder(this::model, clock, queue::nextSeq, delivery::submit);
        this.status = new StatusReport(scheduler, delivery, exchange, this::model, queue.directory().toString());
        delivery.resume();
    }

    /** Puts a new configuration in force; records waiting to retry try it at once. */
    public void setModel(AccountingModel m) {
        model = m;
        delivery.configurationChanged();
    }

    public AccountingModel model() {
        return model;
    }

    @Override
    public void groupsChanged(List<GroupState> states) {
        recorder.groupsChanged(states);
    }

    /** A consistent snapshot, waited for at most a few seconds. */
    public AccountingStatus status() {
        try {
            return statusLater().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } catch (ExecutionException | TimeoutException | IllegalStateException e) {
            throw new IllegalStateException("accounting status unavailable: " + e);
        }
    }

    /** A consistent snapshot, completed when the scheduler runs (a test advances its virtual clock). */
    public CompletableFuture<AccountingStatus> statusLater() {
        return status.take();
    }

    /**
     * Stops delivery and closes the sockets; what is not acknowledged stays on disk. An own scheduler is drained
     * first, so that no task is sending while the transport closes.
     */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        delivery.stop();
        exchange.stop();
        if (ownScheduler != null) {
            CountDownLatch drained = new CountDownLatch(1);
            ownScheduler.execute(drained::countDown);
            try {
                drained.await(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ownScheduler.close();
        }
        exchange.close();
    }
}
