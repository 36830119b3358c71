package org.openvrrs.cli.ios.internal;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.openvrrs.config.api.LiveConfig;
import org.openvrrs.net.api.Network;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.ComponentConstants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One interface's IOS settings ({@value InterfaceSettings#FACTORY_PID}) kept applied to the appliance's own network:
 * when the network appears (at start, after a restart of its bundle) and on every change. Deleting the settings
 * ({@code no interface}, {@code configure replace}) removes a subinterface they made, and their addresses from a
 * main interface. A failure is one log line; the settings wait for the next change.
 */
@Component(service = {}, configurationPid = InterfaceSettings.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = InterfaceSettings.Config.class, factory = true)
public final class InterfaceComponent {
    private static final Logger LOG = LoggerFactory.getLogger(InterfaceComponent.class);

    /** The entries applied now, to re-apply one whose interface a deleted entry's undo just touched. */
    private static final Set<InterfaceComponent> LIVE = ConcurrentHashMap.newKeySet();

    private final LiveConfig<InterfaceSettings> settings = LiveConfig.inertUntilValid(InterfaceSettings.READER, LOG);
    private final ConfigurationAdmin configAdmin;
    private final String pid;
    private volatile Network network;

    @Activate
    public InterfaceComponent(@Reference ConfigurationAdmin configAdmin, Map<String, Object> properties) {
        this.configAdmin = configAdmin;
        this.pid = String.valueOf(properties.get(Constants.SERVICE_PID));
        settings.update(properties);
        LIVE.add(this);
        apply();
    }

    @Modified
    void modified(Map<String, Object> properties) {
        settings.update(properties);
        apply();
    }

    /**
     * The settings stored now: the IOS command applies a change itself, then stores it; a notification of an older
     * change arriving after that must not undo it, so what is applied is always what is stored.
     */
    private void refresh() {
        try {
            Configuration[] c = configAdmin.listConfigurations("(" + Constants.SERVICE_PID + "=" + pid + ")");
            if (c != null && c[0].getProperties() != null) {
                Map<String, Object> latest = new java.util.HashMap<>();
                for (var keys = c[0].getProperties().keys(); keys.hasMoreElements(); ) {
                    String k = keys.nextElement();
                    latest.put(k, c[0].getProperties().get(k));
                }
                settings.update(latest);
            }
        } catch (IOException | InvalidSyntaxException e) {
            LOG.debug("interface settings {} not re-read: {}", pid, e.getMessage());
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            target = "(" + Network.NAME_PROPERTY + "=" + Network.LOCAL + ")")
    void bindNetwork(Network n) {
        network = n;
        apply();
    }

    void unbindNetwork(Network n) {
        if (network == n) {
            network = null;
        }
    }

    @Deactivate
    void deactivate(int reason) {
        Network n = network;
        LOG.debug("interface settings deactivated, reason {}", reason);
        // deleted (SCR disposes a factory configuration's component when its entry is deleted); not at a stop
        if (n != null && (reason == ComponentConstants.DEACTIVATION_REASON_CONFIGURATION_DELETED
                || reason == ComponentConstants.DEACTIVATION_REASON_DISPOSED)) {
            synchronized (InterfaceApplier.LOCK) {
                settings.current().ifPresent(s -> {
                    try {
                        InterfaceApplier.undo(n, s);
                    } catch (RuntimeException e) {
                        LOG.warn("interface {}: not undone: {}", s.interfaceName(), e.getMessage());
                    }
                    // a newer entry for the same interface (configure replace) may have applied before this undo
                    LIVE.stream().filter(c -> c != this && c.settings.current()
                            .filter(o -> o.interfaceName().equals(s.interfaceName())).isPresent())
                            .forEach(InterfaceComponent::apply);
                });
            }
        }
        LIVE.remove(this);
    }

    private void apply() {
        Network n = network;
        if (n == null) {
            return;
        }
        synchronized (InterfaceApplier.LOCK) {
            refresh();
            settings.current().ifPresent(s -> {
                try {
                    InterfaceApplier.apply(n, s);
                } catch (RuntimeException e) {
                    LOG.warn("interface {}: {}", s.interfaceName(), e.getMessage());
                }
            });
        }
    }
}
