package org.openvrrs.plugin.accounting.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.openvrrs.plugin.accounting.internal.queue.DurableQueue;
import org.openvrrs.plugin.accounting.internal.radius.MinaTransport;
import org.openvrrs.vrrs.api.ClientPriority;
import org.openvrrs.vrrs.api.ClientRegistration;
import org.openvrrs.vrrs.api.DebugLoggers;
import org.openvrrs.vrrs.api.VrrsRegistry;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The VRRS Accounting plug-in in OSGi: registers {@value #CLIENT_NAME} (Low priority, all groups) with the registry
 * whenever one is present, and keeps the engine's configuration in step with Config Admin. A configuration that
 * does not pass {@link ConfigParser} is refused in the log and the previous one stays in force.
 */
@Component(service = {AccountingService.class, ConfigurationListener.class}, configurationPid = ConfigParser.PID,
        immediate = true)
@Designate(ocd = AccountingComponent.Config.class)
public final class AccountingComponent implements AccountingService, ConfigurationListener {
    static final String CLIENT_NAME = "VRRS-Accounting";
    private static final Logger LOG = LoggerFactory.getLogger(AccountingComponent.class);
    private static final Logger EV = LoggerFactory.getLogger(DebugLoggers.name("accounting", "events"));

    @ObjectClassDefinition(name = "OpenVRRS accounting", description = "VRRS Accounting plug-in settings; servers, "
            + "method lists, attribute lists and groups are factory configurations org.openvrrs.accounting.*")
    public @interface Config {
        @AttributeDefinition(description = "NAS-IP-Address sent (IPv4); empty = the group's own interface address")
        String nasIpAddress() default "";

        @AttributeDefinition(description = "Seconds before a record whose every server failed is tried again")
        int retryInterval() default 10;

        @AttributeDefinition(description = "Queue directory; empty = ${karaf.data}/accounting/queue")
        String queueDirectory() default "";
    }

    private final ConfigStore store;
    private final AccountingEngine engine;
    private volatile Map<String, Object> singleton;
    private volatile VrrsRegistry registry;
    private ClientRegistration registration; // guarded by this

    @Activate
    public AccountingComponent(@Reference ConfigurationAdmin configAdmin, BundleContext context,
            Map<String, Object> properties) throws IOException {
        this.store = new ConfigStore(configAdmin);
        this.singleton = properties;
        AccountingModel model = AccountingModel.EMPTY;
        try {
            model = ConfigParser.parse(properties, store.factories());
        } catch (IllegalArgumentException e) {
            LOG.error("Accounting configuration refused, no accounting until it is fixed: {}", e.getMessage());
        }
        DurableQueue queue = new DurableQueue(queueDirectory(properties, context));
        this.engine = new AccountingEngine(queue, model, Clock.systemUTC(), MinaTransport::new);
    }

    private static Path queueDirectory(Map<String, Object> properties, BundleContext context) {
        String configured = ConfigParser.text(properties, "queueDirectory", "");
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
        unregister();
        engine.close();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindRegistry(VrrsRegistry r) {
        registry = r;
        register();
    }

    void unbindRegistry(VrrsRegistry r) {
        synchronized (this) {
            if (registry == r) {
                registry = null;
                registration = null; // the registry is gone, and its handles with it
            }
        }
    }

    private synchronized void register() {
        VrrsRegistry r = registry;
        if (r == null || registration != null) {
            return;
        }
        try {
            registration = r.registerClient(CLIENT_NAME, ClientPriority.LOW, true, engine);
            EV.debug("VRRS/ACCT/EV: client {} registered, id {}", CLIENT_NAME, registration.id());
        } catch (IllegalArgumentException | IllegalStateException e) {
            LOG.error("Accounting: cannot register with VRRS: {}", e.getMessage());
        }
    }

    private synchronized void unregister() {
        if (registration != null) {
            registration.close();
            registration = null;
        }
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
