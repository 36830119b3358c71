package org.openvrrs.cli.ios.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.karaf.shell.api.console.SessionFactory;
import org.openvrrs.cli.ios.internal.parse.Grammar;
import org.openvrrs.cli.ios.internal.parse.Mode;
import org.openvrrs.net.api.Network;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The IOS front end: the grammar of every command, sessions for the Karaf commands ({@code configure terminal},
 * {@code show}...), and the running configuration for the configuration store. The store and the secrets cipher
 * are optional and dynamic: without them the commands that need them answer one line.
 */
@Component(service = {IosCli.class, RunningConfiguration.class})
public final class IosCli implements RunningConfiguration {
    private final ConfigurationAdmin configAdmin;
    private final SessionFactory sessions;
    private final Map<String, Network> networks = new ConcurrentHashMap<>();
    private final VrrpCommands vrrp = new VrrpCommands();
    private final Grammar<Handler> grammar;

    /**
     * The configuration store, looked up when a command needs it rather than bound by SCR: the store binds this
     * component's {@link RunningConfiguration}, and a reference each way made SCR log a circular reference at boot.
     */
    private final ServiceTracker<ConfigurationArchive, ConfigurationArchive> archive;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile SecretCodec secrets;

    @Activate
    public IosCli(BundleContext context, @Reference ConfigurationAdmin configAdmin,
            @Reference SessionFactory sessions) {
        this.archive = new ServiceTracker<>(context, ConfigurationArchive.class, null);
        this.configAdmin = configAdmin;
        this.sessions = sessions;
        this.grammar = IosGrammar.build(new ExecCommands(this::running), vrrp);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindNetwork(Network network, Map<String, Object> properties) {
        networks.put(nameOf(properties), network);
    }

    void unbindNetwork(Network network, Map<String, Object> properties) {
        networks.remove(nameOf(properties), network);
    }

    private static String nameOf(Map<String, Object> properties) {
        Object name = properties.get(Network.NAME_PROPERTY);
        return name == null ? Network.LOCAL : name.toString();
    }

    /** The appliance as the commands act on it. */
    public Appliance appliance() {
        return new KarafAppliance(configAdmin, sessions, () -> Optional.ofNullable(networks.get(
                Network.LOCAL)), this::archive, () -> Optional.ofNullable(secrets));
    }

    public CliSession session(PrintStream out, Mode mode) {
        return new CliSession(grammar, appliance(), out, mode);
    }

    /** The store, or empty; the tracker opens at the first command that needs it (never during activation). */
    private synchronized Optional<ConfigurationArchive> archive() {
        if (archive.getTrackingCount() < 0) {
            archive.open();
        }
        return Optional.ofNullable(archive.getService());
    }

    @Deactivate
    synchronized void deactivate() {
        archive.close();
    }

    private RunningConfig running(Appliance appliance) {
        return new RunningConfig(appliance, () -> grammar, vrrp);
    }

    @Override
    public List<String> lines() {
        return running(appliance()).lines();
    }

    @Override
    public ApplyResult merge(List<String> lines) {
        return running(appliance()).merge(lines);
    }

    @Override
    public ApplyResult replace(List<String> lines) {
        return running(appliance()).replace(lines);
    }
}
