package org.openvrrs.cli.ios.internal.store;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.karaf.features.BootFinished;
import org.openvrrs.cli.ios.internal.ConfigurationArchive;
import org.openvrrs.cli.ios.internal.RunningConfiguration;
import org.openvrrs.cli.ios.internal.RunningConfiguration.ApplyResult;
import org.openvrrs.net.api.Scheduler;
import org.openvrrs.net.api.SystemScheduler;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configuration store: startup configuration, archive, {@code configure replace} with its rollback timer. It
 * works on the {@link RunningConfiguration} the IOS front end offers (a dynamic reference: without it, each operation
 * that needs it answers one line) and never parses IOS lines itself.
 *
 * <p>At each start of the appliance, once Karaf has booted its features and the running configuration is there,
 * the startup configuration replaces the running one (Config Admin keeps its own state across restarts, so without
 * this a change not saved would survive). Once per framework launch, not per start of this bundle: restarting the
 * bundle must not undo the operator's unsaved work.
 *
 * <p>Errors are {@link IOException}s whose message is the one line to print; refused lines come back in the
 * {@link ApplyResult}. Everything runs under this object's lock, the rollback timer on a thread of its own.
 */
@Component(service = ConfigurationArchive.class, immediate = true) // immediate: it applies the startup unasked
public final class ConfigurationStore implements ConfigurationArchive {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationStore.class);
    /** System property naming the framework launch whose startup configuration was applied. */
    static final String APPLIED_PROPERTY = "org.openvrrs.cli.ios.startup.applied";
    /**
     * A refused startup is tried again this often, this many times, before it is applied line by line: what its
     * lines name may come up after the boot (net-linux lists the kernel's devices once its component runs).
     */
    static final Duration STARTUP_RETRY = Duration.ofSeconds(2);
    static final int STARTUP_ATTEMPTS = 15;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT);

    private final StoreFiles files;
    private final Scheduler scheduler;
    private final Clock clock;
    private final String launch; // the framework launch, null outside OSGi
    private final AutoCloseable closeScheduler;
    private volatile RunningConfiguration running;
    private volatile boolean booted; // Karaf has installed its boot features: what the startup configures is up
    private Scheduler.Timer startupRetry; // the next attempt of a refused startup configuration
    private Pending pending; // a timed replace not confirmed yet
    private Pending due; // its rollback, when the timer fired while the running configuration was away
    private long timedReplaces; // numbers them, so a timer knows whether its replace still waits

    /** A timed replace: the configuration before it, the file replaced with, and the timer that restores it. */
    private record Pending(long id, List<String> before, String file, Duration after, Scheduler.Timer timer) {
    }

    @Activate
    public ConfigurationStore(BundleContext context) {
        this(new StoreFiles(StoreFiles.homeFolder(context), StoreFiles.etcFolder(context)),
                new SystemScheduler("cli-ios configuration store"), Clock.systemDefaultZone(),
                context.getProperty(Constants.FRAMEWORK_UUID));
    }

    ConfigurationStore(StoreFiles files, Scheduler scheduler, Clock clock, String launch) {
        this.files = files;
        this.scheduler = scheduler;
        this.clock = clock;
        this.launch = launch;
        this.closeScheduler = scheduler instanceof AutoCloseable c ? c : () -> { };
    }

    /**
     * Karaf's boot is over. Optional only for the resolvers: nothing declares the BootFinished service as a
     * capability, so a mandatory reference would make the bundle unresolvable for karaf-maven-plugin's verify.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindBootFinished(BootFinished bootFinished) {
        booted = true;
        scheduler.execute(this::arrived);
    }

    void unbindBootFinished(BootFinished bootFinished) {
        // the boot happened; Karaf withdraws the service only when it stops
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindRunning(RunningConfiguration configuration) {
        running = configuration;
        // Not on SCR's thread: applying a configuration writes to Config Admin and may take a while.
        scheduler.execute(this::arrived);
    }

    void unbindRunning(RunningConfiguration configuration) {
        if (running == configuration) {
            running = null;
        }
    }

    private synchronized void arrived() {
        if (running == null || !booted) {
            return;
        }
        if (launch == null || !launch.equals(System.getProperty(APPLIED_PROPERTY))) {
            if (launch != null) {
                System.setProperty(APPLIED_PROPERTY, launch);
            }
            applyStartup(1);
        } else if (due != null) {
            rollback(due, "within " + minutes(due.after()));
        }
    }

    /**
     * Makes the running configuration the startup one, as a reload does. A startup configuration with refused lines
     * is applied as IOS boots one: from an empty configuration, line by line, each refusal logged.
     */
    private synchronized void applyStartup(int attempt) {
        try {
            applyStartup(attempt, attempt < STARTUP_ATTEMPTS);
        } catch (RuntimeException e) {
            LOG.error("Startup configuration {} not applied: the running configuration failed ({})",
                    files.shown(files.startupPath()), String.valueOf(e.getMessage()));
            LOG.debug("Startup configuration not applied", e);
        }
    }

    /** {@code retry}: a refused replace is tried again later instead of being applied line by line. */
    private void applyStartup(int attempt, boolean retry) {
        String name = files.shown(files.startupPath());
        RunningConfiguration r = running;
        if (r == null) {
            return;
        }
        if (!files.startupExists()) {
            LOG.info("No startup configuration ({}): the configuration in Config Admin (etc/*.cfg) stays in use",
                    name);
            return;
        }
        List<String> lines;
        try {
            lines = files.startupLines();
        } catch (IOException e) {
            LOG.error("{}: cannot be read ({}): the configuration in Config Admin stays in use", name, e.getMessage());
            return;
        }
        if (lines.equals(r.lines())) {
            // the usual restart after a save: nothing to replace, and a replace might restart what it rewrites
            LOG.info("Startup configuration {} is the running configuration ({} lines)", name, lines.size());
            return;
        }
        if (r.replace(lines).ok()) {
            LOG.info("Startup configuration {} applied ({} lines)", name, lines.size());
            return;
        }
        if (retry) {
            LOG.debug("Startup configuration {} refused (attempt {}): tried again in {}", name, attempt,
                    STARTUP_RETRY);
            startupRetry = scheduler.schedule(STARTUP_RETRY, () -> applyStartup(attempt + 1));
            return;
        }
        r.replace(List.of());
        ApplyResult merged = r.merge(lines);
        merged.errors().forEach(error -> LOG.error("{}: {}", name, SecretCipher.redact(error)));
        LOG.warn("Startup configuration {} applied line by line: {} of its {} lines refused (logged above)", name,
                merged.errors().size(), lines.size());
    }

    @Override
    public synchronized void save() throws IOException {
        if (pending != null) {
            throw new IOException("% A configure replace waits for configure confirm: confirm it (or let it roll "
                    + "back) before saving");
        }
        List<String> lines = required().lines();
        files.saveStartup(lines, clock.instant());
        LOG.info("Running configuration saved to {} ({} lines)", files.shown(files.startupPath()), lines.size());
    }

    @Override
    public synchronized List<String> startupLines() throws IOException {
        return files.startupLines();
    }

    @Override
    public synchronized List<String> archiveListing() throws IOException {
        ZoneId zone = clock.getZone();
        return files.archive().stream()
                .map(e -> String.format(Locale.ROOT, "%-20s %s", e.name(), TIME.format(e.saved().atZone(zone))))
                .toList();
    }

    @Override
    public synchronized ApplyResult mergeFile(String file) throws IOException {
        List<String> lines = files.readNamed(file);
        ApplyResult result = required().merge(lines);
        LOG.info("copy {} running-config: {} lines, {} refused", file, lines.size(), result.errors().size());
        return result;
    }

    @Override
    public synchronized ApplyResult replaceWith(String file, Duration rollbackAfter) throws IOException {
        if (rollbackAfter != null && (rollbackAfter.isNegative() || rollbackAfter.isZero())) {
            throw new IOException("% Invalid rollback time: " + rollbackAfter.toMinutes() + " minutes");
        }
        List<String> lines = files.readNamed(file);
        RunningConfiguration r = required();
        // While a rollback is pending it keeps its point: the last configuration confirmed.
        List<String> before = pending != null ? pending.before() : r.lines();
        ApplyResult result = r.replace(lines);
        if (!result.ok()) {
            LOG.info("configure replace {}: refused ({} lines), nothing changed", file, result.errors().size());
            return result;
        }
        if (rollbackAfter == null) {
            LOG.info("configure replace {}: done{}", file, pending == null ? "" : ", the pending rollback still runs");
            return result;
        }
        if (pending != null) {
            pending.timer().cancel();
        }
        long id = ++timedReplaces;
        Scheduler.Timer timer = scheduler.schedule(rollbackAfter, () -> timerFired(id));
        pending = new Pending(id, before, file, rollbackAfter, timer);
        LOG.info("configure replace {}: done, rolled back in {} unless confirmed (configure confirm)", file,
                minutes(rollbackAfter));
        return result;
    }

    @Override
    public synchronized boolean confirm() {
        if (pending == null) {
            return false;
        }
        pending.timer().cancel();
        LOG.info("configure confirm: the replace with {} is kept", pending.file());
        pending = null;
        return true;
    }

    private synchronized void timerFired(long id) {
        if (pending == null || pending.id() != id) {
            return; // confirmed, or replaced by a later timed replace, meanwhile
        }
        Pending fired = pending;
        pending = null;
        rollback(fired, "within " + minutes(fired.after()));
    }

    private void rollback(Pending p, String when) {
        RunningConfiguration r = running;
        if (r == null) {
            due = p;
            LOG.warn("Rollback of configure replace {} is due but the running configuration is not available: it "
                    + "runs when it is", p.file());
            return;
        }
        due = null;
        ApplyResult result;
        try {
            result = r.replace(p.before());
        } catch (RuntimeException e) {
            result = new ApplyResult(List.of(String.valueOf(e.getMessage())));
            LOG.debug("Rollback failed", e);
        }
        if (result.ok()) {
            LOG.warn("Rollback: configure replace {} was not confirmed {}: the configuration from before it is "
                    + "restored", p.file(), when);
        } else {
            LOG.error("Rollback of the unconfirmed configure replace {} failed, the configuration is unchanged: {}",
                    p.file(), result.errors().stream().map(SecretCipher::redact).collect(Collectors.joining("; ")));
        }
    }

    @Deactivate
    synchronized void close() throws Exception {
        if (startupRetry != null) {
            startupRetry.cancel();
        }
        if (pending != null) {
            pending.timer().cancel();
            if (running != null) {
                // an unconfirmed change does not outlive the store that would have undone it
                rollback(pending, "before the configuration store stopped");
            } else {
                LOG.warn("The rollback of configure replace {} is dropped; the startup configuration applies at the "
                        + "next start", pending.file());
            }
            pending = null;
        }
        closeScheduler.close();
    }

    private RunningConfiguration required() throws IOException {
        RunningConfiguration r = running;
        if (r == null) {
            throw new IOException("% The running configuration is not available (the IOS front end is not started)");
        }
        return r;
    }

    private static String minutes(Duration d) {
        long m = d.toMinutes();
        return d.equals(Duration.ofMinutes(m)) ? m + (m == 1 ? " minute" : " minutes") : d.toSeconds() + " seconds";
    }
}
