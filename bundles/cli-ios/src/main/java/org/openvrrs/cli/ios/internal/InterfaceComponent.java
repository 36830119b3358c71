package org.openvrrs.cli.ios.internal;

import java.util.Map;

import org.openvrrs.config.api.LiveConfig;
import org.openvrrs.net.api.Network;
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

    private final LiveConfig<InterfaceSettings> settings = LiveConfig.inertUntilValid(InterfaceSettings.READER, LOG);
    private volatile Network network;

    @Activate
    public InterfaceComponent(Map<String, Object> properties) {
        settings.update(properties);
        apply();
    }

    @Modified
    void modified(Map<String, Object> properties) {
        settings.update(properties);
        apply();
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
        if (n != null && reason == ComponentConstants.DEACTIVATION_REASON_CONFIGURATION_DELETED) {
            settings.current().ifPresent(s -> {
                try {
                    InterfaceApplier.undo(n, s);
                } catch (RuntimeException e) {
                    LOG.warn("interface {}: not undone: {}", s.interfaceName(), e.getMessage());
                }
            });
        }
    }

    private void apply() {
        Network n = network;
        if (n == null) {
            return;
        }
        settings.current().ifPresent(s -> {
            try {
                InterfaceApplier.apply(n, s);
            } catch (RuntimeException e) {
                LOG.warn("interface {}: {}", s.interfaceName(), e.getMessage());
            }
        });
    }
}
