package org.openvrrs.plugin.accounting.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
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
 * priority, all groups) on the whiteboard, and keeps the engine's configuration in step with Config Admin. A configuration that
 * does not pass {@link ConfigParser} is refused in the log and the previous one stays in force.
 */
@Component(service = {AccountingService.class, ConfigurationListener.class}, configurationPid = ConfigParser.PID,
        immediate = true)
@Designate(ocd = AccountingConfig.Settings.class)
public final class AccountingComponent implements AccountingService, ConfigurationListener {
    /** The client as {@code show vrrs clients} lists it: Low priority (told after every other client), all groups. */
    static final ClientSpec CLIENT = ClientSpec.allGroups("VRRS-Accounting", ClientPriority.LOW);
    private static final Logger LOG = LoggerFactory.getLogger(AccountingComponent.class);
    private static final Logger EV = LoggerFactory.getLogger("org.openvrrs.debug.accounting.events");

    private final ConfigStore store;
    private final AccountingEngine engine;
    private final VrrsWhiteboard.Declaration<ClientSpec> client;
    private volatile Map<String, Object> singleton;

    @Activate
    public AccountingComponent(@Reference ConfigurationAdmin configAdmin, BundleContext context,
            AccountingConfig.Settings settings, Map<String, Object> properties) throws IOException {
        this.store = new ConfigStore(configAdmin);
        this.singleton = properties;
        AccountingModel model = AccountingModel.EMPTY;
        try {
            model = ConfigParser.parse(properties, store.factories());
        } catch (IllegalArgumentException e) {
            LOG.error("Accounting configuration refused, no accounting until it is fixed: {}", e.getMessage());
        }
        DurableQueue queue = new DurableQueue(queueDirectory(settings.queueDirectory().trim(), context));
        this.engine = new AccountingEngine(queue, model, Clock.systemUTC(), MinaTransport::new);
        // a service the registry tracks: it finds it again after a restart of its own
        this.client = VrrsWhiteboard.of(context).client(engine, CLIENT);
    }

    private static Path queueDirectory(String configured, BundleContext context) {
        if (!configured.isEmpty()) {
            return Path.of(configured);
        }
        String data = System.getProperty("karaf.data");
        return data != null ? Path.of(data, "accounting", "queue") : context.getDataFile("queue").toPath();
    }

    @Modified
    void modified(Map<String, Object> properties) {
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
            engine.setModel(ConfigParser.parse(singleton, store.factories()));
            EV.debug("VRRS/ACCT/EV: configuration applied");
        } catch (IllegalArgumentException e) {
            LOG.error("Accounting configuration refused, the previous one stays in force: {}", e.getMessage());
        } catch (IOException e) {
            LOG.error("Accounting configuration unreadable: {}", e.getMessage());
        }
    }

    @Deactivate
    void deactivate() {
        client.close();
        engine.close();
    }

    @Override
    public AccountingStatus status() {
        return engine.status();
    }

    @Override
    public AccountingModel model() {
        return engine.model();
    }
}
