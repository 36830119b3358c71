package org.openvrrs.plugin.accounting.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.openvrrs.plugin.accounting.api.AccountingCounters;
import org.openvrrs.plugin.accounting.api.AccountingMonitor;
import org.openvrrs.config.api.LiveConfig;
import org.openvrrs.plugin.accounting.internal.queue.DurableQueue;
import org.openvrrs.plugin.accounting.internal.radius.MinaTransport;
import org.openvrrs.vrrs.api.ClientPriority;
import org.openvrrs.vrrs.api.ClientSpec;
import org.openvrrs.vrrs.api.VrrsWhiteboard;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The VRRS Accounting plug-in in OSGi: declares the engine as the {@code VrrsClient} {@code VRRS-Accounting} (Low
 * priority, all groups) on the whiteboard, and keeps the engine's configuration in step with Config Admin: the
 * settings ({@value ConfigParser#PID}, this component's own) and the five factory PIDs, read together by
 * {@link ConfigParser} into one {@link LiveConfig}. A configuration that does not pass is one ERROR line naming the
 * file, and the last good one stays in force; until one passes, the plug-in runs nothing (no engine, no client).
 */
@Component(service = {AccountingService.class, AccountingMonitor.class, ConfigurationListener.class}, configurationPid = ConfigParser.PID,
        immediate = true)
@Designate(ocd = AccountingConfig.Settings.class)
public final class AccountingComponent implements AccountingService, AccountingMonitor,
        ConfigurationListener {
    /** The client as {@code show vrrs clients} lists it: Low priority (told after every other client), all groups. */
    static final ClientSpec CLIENT = ClientSpec.allGroups("VRRS-Accounting", ClientPriority.LOW);
    private static final Logger LOG = LoggerFactory.getLogger(AccountingComponent.class);
    private static final Logger EV = LoggerFactory.getLogger("org.openvrrs.debug.accounting.events");

    private final VrrsWhiteboard whiteboard;
    private final Path defaultQueue;
    private final LiveConfig<AccountingModel> config;
    private Map<String, Object> singleton;
    private volatile AccountingEngine engine; // null until a configuration passes
    private VrrsWhiteboard.Declaration<ClientSpec> client;

    @Activate
    public AccountingComponent(@Reference ConfigurationAdmin configAdmin, BundleContext context,
            Map<String, Object> properties) {
        this(new ConfigStore(configAdmin), properties, VrrsWhiteboard.of(context), defaultQueue(context));
    }

    /**
     * @param whiteboard   where the client is declared (a service the registry tracks: it finds it again after a
     *                     restart of its own)
     * @param defaultQueue the queue directory when {@code queueDirectory} is empty
     */
    AccountingComponent(ConfigStore store, Map<String, Object> properties, VrrsWhiteboard whiteboard,
            Path defaultQueue) {
        this.whiteboard = whiteboard;
        this.defaultQueue = defaultQueue;
        this.config = LiveConfig.inertUntilValid(ConfigParser.reader(() -> {
            try {
                return store.factories();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }), LOG);
        this.singleton = properties;
        reload();
    }

    private static Path defaultQueue(BundleContext context) {
        String data = System.getProperty("karaf.data");
        return data != null ? Path.of(data, "accounting", "queue") : context.getDataFile("queue").toPath();
    }

    @Modified
    synchronized void modified(Map<String, Object> properties) {
        singleton = properties;
        reload();
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        String factory = event.getFactoryPid();
        if (factory != null && ConfigParser.FACTORY_PIDS.contains(factory)) {
            reload();
        }
    }

    private synchronized void reload() {
        try {
            config.update(ConfigParser.asWritten(singleton, AccountingConfig.Settings.class)).ifPresent(this::apply);
        } catch (UncheckedIOException e) {
            LOG.error("Accounting configuration unreadable, nothing changed: {}", e.getCause().getMessage());
        }
    }

    private void apply(AccountingModel model) {
        if (engine != null) {
            engine.setModel(model);
            EV.debug("VRRS/ACCT/EV: configuration applied");
            return;
        }
        Path queue = model.queueDirectory().isEmpty() ? defaultQueue : Path.of(model.queueDirectory());
        try {
            engine = new AccountingEngine(new DurableQueue(queue), model, Clock.systemUTC(), MinaTransport::new);
        } catch (IOException e) {
            LOG.error("Accounting queue directory {} unusable, no accounting: {}", queue, e.getMessage());
            return;
        }
        client = whiteboard.client(engine, CLIENT);
        EV.debug("VRRS/ACCT/EV: started, queue {}", queue);
    }

    @Deactivate
    synchronized void deactivate() {
        if (engine != null) {
            client.close();
            engine.close();
            engine = null;
        }
    }

    @Override
    public AccountingStatus status() {
        AccountingEngine e = engine;
        if (e == null) {
            throw new IllegalStateException("VRRS accounting is not running: " + config.problem().orElse(
                    "its queue directory is unusable"));
        }
        return e.status();
    }

    @Override
    public AccountingModel model() {
        AccountingEngine e = engine;
        return e == null ? AccountingModel.EMPTY : e.model();
    }

    @Override
    public Optional<AccountingCounters> counters() {
        AccountingEngine e = engine;
        return e == null ? Optional.empty() : Optional.of(counters(e.status()));
    }

    static AccountingCounters counters(AccountingStatus s) {
        return new AccountingCounters(s.queued(), s.unexpected(), s.servers().stream()
                .map(v -> new AccountingCounters.Server(v.name(), v.sent(), v.acknowledged(), v.retransmitted(),
                        v.failed(), v.badAuthenticator(), v.malformed(), v.queued()))
                .toList());
    }
}
