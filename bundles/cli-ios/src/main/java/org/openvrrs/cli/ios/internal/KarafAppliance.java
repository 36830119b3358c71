package org.openvrrs.cli.ios.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

import java.security.AccessController;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import javax.security.auth.Subject;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.openvrrs.config.api.ConfigReader;
import org.openvrrs.config.api.ConfigTarget;
import org.openvrrs.config.api.ConfigWriter;
import org.openvrrs.net.api.NetInterface;
import org.openvrrs.net.api.Network;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.framework.InvalidSyntaxException;

/**
 * The appliance as the IOS commands see it in Karaf: other bundles' commands run in a session of their own on the
 * operator's thread (so the operator's permissions apply), their output captured; configuration read from and written to
 * Config Admin; interfaces on the network named {@value Network#LOCAL}.
 */
final class KarafAppliance implements Appliance, ConfigStoreAccess {
    private static final ConfigReader<IosSettings.Config, IosSettings.Config> SETTINGS =
            ConfigReader.of(IosSettings.Config.class);

    private final ConfigurationAdmin configAdmin;
    private final ConfigWriter writer;
    private final SessionFactory sessions;
    private final Supplier<Optional<Network>> network;
    private final Supplier<Optional<ConfigurationArchive>> archive;
    private final Supplier<Optional<SecretCodec>> secrets;

    KarafAppliance(ConfigurationAdmin configAdmin, SessionFactory sessions, Supplier<Optional<Network>> network, Supplier<Optional<ConfigurationArchive>> archive,
            Supplier<Optional<SecretCodec>> secrets) {
        this.configAdmin = configAdmin;
        this.writer = new ConfigWriter(configAdmin);
        this.sessions = sessions;
        this.network = network;
        this.archive = archive;
        this.secrets = secrets;
    }

    /**
     * Runs the command in a session of its own on a thread of its own, as the operator (their JAAS subject): Gogo
     * does not redirect the output of a command run inside another command's thread, which would print it to the
     * operator instead of capturing it.
     */
    @Override
    @SuppressWarnings("removal") // Subject.getSubject: how Karaf's shell itself finds the operator on Java 17
    public String run(String command, List<String> arguments) throws Exception {
        Subject operator = Subject.getSubject(AccessController.getContext());
        FutureTask<String> task = new FutureTask<>(() -> operator == null ? execute(command, arguments)
                : Subject.doAs(operator, (PrivilegedExceptionAction<String>) () -> execute(command, arguments)));
        Thread thread = new Thread(task, "ios " + command);
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof PrivilegedActionException p ? p.getCause() : e.getCause();
            throw cause instanceof Exception x ? x : new IllegalStateException(cause);
        }
    }

    private String execute(String command, List<String> arguments) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
        Session session = sessions.create(InputStream.nullInputStream(), out, out);
        try {
            StringBuilder line = new StringBuilder(command);
            arguments.forEach(a -> line.append(' ').append(GogoQuoting.quote(a)));
            session.execute(line);
        } catch (Exception e) {
            String m = e.getMessage() == null ? e.toString() : e.getMessage();
            if (m.startsWith("Command not found")) {
                String scope = command.substring(0, command.indexOf(':'));
                throw new CliException("% " + command + " is not installed: feature:install " + switch (scope) {
                    case "aaa" -> "openvrrs-accounting";
                    case "vrrp" -> "openvrrs-vrrp";
                    default -> command.startsWith("vrrs:accounting") ? "openvrrs-accounting" : "openvrrs-plugins";
                });
            }
            throw e;
        } finally {
            session.close();
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Override
    public List<Map<String, Object>> entries(String factoryPid) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Configuration c : list("(service.factoryPid=" + factoryPid + ")")) {
            out.add(clean(c));
        }
        return out;
    }

    @Override
    public Map<String, Object> properties(String pid) throws IOException {
        return writer.properties(pid);
    }

    @Override
    public String hostname() {
        try {
            return SETTINGS.read(properties(IosSettings.PID)).hostname();
        } catch (IOException | RuntimeException e) {
            return IosSettings.DEFAULT_HOSTNAME;
        }
    }

    @Override
    public void hostname(String name) throws IOException {
        setting("hostname", name);
    }

    @Override
    public void setting(String key, Object value) throws IOException {
        Map<String, Object> p = new HashMap<>(properties(IosSettings.PID));
        p.put(key, value);
        writer.write(ConfigTarget.singleton(IosSettings.PID), p, SETTINGS);
    }

    @Override
    public List<String> interfaceNames() {
        return network.get().map(n -> n.interfaces().stream().map(NetInterface::name).toList()).orElse(List.of());
    }

    @Override
    public List<String> addressesOf(String ifname) {
        return network.get().flatMap(n -> n.find(ifname)).map(i -> i.addresses().stream()
                .map(a -> a.address().getHostAddress() + "/" + a.prefixLength()).toList()).orElse(List.of());
    }

    @Override
    public Optional<InterfaceSettings> interfaceSettings(String ifname) throws IOException {
        return interfaceSettings().stream().filter(s -> s.interfaceName().equals(ifname)).findFirst();
    }

    @Override
    public List<InterfaceSettings> interfaceSettings() throws IOException {
        return writer.entries(InterfaceSettings.FACTORY_PID, InterfaceSettings.Config.class).stream()
                .map(e -> InterfaceSettings.READER.read(e.properties())).toList();
    }

    @Override
    public void configure(InterfaceSettings settings) throws Exception {
        Network net = network.get().orElseThrow(() -> new CliException("% No network named local: the "
                + "appliance's interfaces are not available"));
        InterfaceSettings.READER.read(settings.toProperties());
        synchronized (InterfaceApplier.LOCK) { // the component re-reads what is stored: store before it looks
            try {
                InterfaceApplier.apply(net, settings);
            } catch (UnsupportedOperationException e) {
                throw new CliException("% " + settings.interfaceName() + ": " + e.getMessage());
            }
            writer.write(target(settings.interfaceName()), settings.toProperties(), InterfaceSettings.READER);
        }
    }

    private ConfigTarget target(String ifname) throws IOException {
        return writer.find(InterfaceSettings.FACTORY_PID, InterfaceSettings.Config.class,
                c -> c.interfaceName().equals(ifname)).map(e -> e.target())
                .orElse(ConfigTarget.factoryEntry(InterfaceSettings.FACTORY_PID, ifname));
    }

    @Override
    public void removeInterface(String ifname) throws Exception {
        if (org.openvrrs.cli.ios.internal.parse.InterfaceNames.parent(ifname).isEmpty()) {
            throw new CliException("% Removal of physical interfaces is not permitted");
        }
        Optional<InterfaceSettings> s = interfaceSettings(ifname);
        if (s.isEmpty()) {
            throw new CliException("% Interface " + ifname + " was not configured here");
        }
        writer.delete(target(ifname));
        network.get().ifPresent(n -> n.removeVlanSubinterface(ifname));
    }

    @Override
    public Optional<ConfigurationArchive> archive() {
        return archive.get();
    }

    @Override
    public Optional<SecretCodec> secrets() {
        return secrets.get();
    }

    // configure replace: the entries the running-config covers

    private static final List<String> LOCAL_PIDS = List.of(InterfaceSettings.FACTORY_PID, VrrpCommands.GROUP_PID,
            RunningConfig.SUBINTERFACE_PID, TrackCommands.TRACK_PID);

    @Override
    public Snapshot snapshot() throws IOException {
        Map<String, List<Map<String, Object>>> all = new HashMap<>();
        for (String pid : covered()) {
            all.put(pid, entries(pid).stream().filter(p -> covers(pid, p)).toList());
        }
        all.put(IosSettings.PID, List.of(properties(IosSettings.PID)));
        all.put(RunningConfig.VRRP_PID, List.of(properties(RunningConfig.VRRP_PID)));
        return new Snapshot(all);
    }

    @Override
    public void clearLocal() throws IOException {
        for (String pid : covered()) {
            for (Configuration c : list("(service.factoryPid=" + pid + ")")) {
                if (covers(pid, clean(c))) {
                    c.delete();
                }
            }
        }
        for (String pid : List.of(IosSettings.PID, RunningConfig.VRRP_PID)) {
            for (Configuration c : list("(service.pid=" + pid + ")")) {
                c.delete();
            }
        }
    }

    @Override
    public void restore(Snapshot snapshot) throws IOException {
        for (var e : snapshot.entries().entrySet()) {
            for (Map<String, Object> p : e.getValue()) {
                if (p.isEmpty()) {
                    continue;
                }
                Configuration c = covered().contains(e.getKey())
                        ? configAdmin.createFactoryConfiguration(e.getKey(), "?")
                        : configAdmin.getConfiguration(e.getKey(), "?");
                c.update(new java.util.Hashtable<>(p));
            }
        }
    }

    /** The appliance's own entries; of the track objects only those the running-config prints (not script, file). */
    private static boolean covers(String pid, Map<String, Object> p) {
        return pid.equals(TrackCommands.TRACK_PID) ? TrackCommands.shown(p)
                : !RunningConfig.local(List.of(p)).isEmpty();
    }

    private static List<String> covered() {
        List<String> pids = new ArrayList<>(LOCAL_PIDS);
        pids.addAll(AccountingLines.PIDS);
        return pids;
    }

    private Configuration[] list(String filter) throws IOException {
        try {
            Configuration[] found = configAdmin.listConfigurations(filter);
            return found == null ? new Configuration[0] : found;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> clean(Configuration c) throws IOException {
        return writer.properties(c.getPid());
    }
}
