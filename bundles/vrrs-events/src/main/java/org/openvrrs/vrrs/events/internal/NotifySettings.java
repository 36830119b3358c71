package org.openvrrs.vrrs.events.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.openvrrs.config.api.ConfigReader;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One {@value #FACTORY_PID} configuration: keepalived-style notify scripts for one VRRS group or for all groups.
 *
 * @param group   the group whose transitions run the scripts; empty for all groups
 * @param master  {@code notifyMaster}: command (path, then its own arguments) run on a transition to ACTIVE; empty
 *                when none
 * @param backup  {@code notifyBackup}, on a transition to BACKUP
 * @param fault   {@code notifyFault}, on a transition to INIT
 * @param generic {@code notify}, on every transition, after the one above, with INSTANCE NAME STATE PRIORITY added
 * @param timeout how long a script may run before it is killed
 */
public record NotifySettings(Optional<String> group, List<String> master, List<String> backup, List<String> fault,
        List<String> generic, Duration timeout) {
    public static final String FACTORY_PID = "org.openvrrs.events.notify";

    @ObjectClassDefinition(name = "OpenVRRS notify scripts",
            description = "keepalived-style notify scripts run on VRRS transitions, in order per group")
    public @interface Config {
        @AttributeDefinition(description = "The VRRS group whose transitions run the scripts (or allGroups = true)")
        String group() default "";

        @AttributeDefinition(description = "Run the scripts on the transitions of every group")
        boolean allGroups() default false;

        @AttributeDefinition(description = "Absolute path of a script (then its own arguments, space-separated) "
                + "run on a transition to ACTIVE (keepalived notify_master)")
        String notifyMaster() default "";

        @AttributeDefinition(description = "Run on a transition to BACKUP (keepalived notify_backup)")
        String notifyBackup() default "";

        @AttributeDefinition(description = "Run on a transition to INIT (keepalived notify_fault)")
        String notifyFault() default "";

        // notify$ is the key "notify" (a method may not be called notify)
        @AttributeDefinition(description = "Run on every transition with INSTANCE NAME STATE PRIORITY added "
                + "(keepalived notify)")
        String notify$() default "";

        @AttributeDefinition(description = "Seconds a script may run before it is killed (1-3600)")
        int timeoutSeconds() default 30;
    }

    public static final ConfigReader<Config, NotifySettings> READER = ConfigReader.of(Config.class,
            NotifySettings::of);

    public NotifySettings {
        master = List.copyOf(master);
        backup = List.copyOf(backup);
        fault = List.copyOf(fault);
        generic = List.copyOf(generic);
    }

    static NotifySettings of(Config c) {
        String group = c.group().strip();
        if (group.isEmpty() == !c.allGroups()) {
            throw new IllegalArgumentException("give either group = NAME or allGroups = true");
        }
        if (c.timeoutSeconds() < 1 || c.timeoutSeconds() > 3600) {
            throw new IllegalArgumentException("timeoutSeconds = " + c.timeoutSeconds() + ": not within 1-3600");
        }
        NotifySettings s = new NotifySettings(c.allGroups() ? Optional.empty() : Optional.of(group),
                command("notifyMaster", c.notifyMaster()), command("notifyBackup", c.notifyBackup()),
                command("notifyFault", c.notifyFault()), command("notify", c.notify$()),
                Duration.ofSeconds(c.timeoutSeconds()));
        if (s.master.isEmpty() && s.backup.isEmpty() && s.fault.isEmpty() && s.generic.isEmpty()) {
            throw new IllegalArgumentException("no script: set notifyMaster, notifyBackup, notifyFault or notify");
        }
        return s;
    }

    /** A command as keepalived writes it: an absolute path, then arguments separated by spaces (no quoting). */
    private static List<String> command(String key, String value) {
        String v = value.strip();
        if (v.isEmpty()) {
            return List.of();
        }
        List<String> words = new ArrayList<>(Arrays.asList(v.split("\\s+")));
        if (!words.get(0).startsWith("/")) {
            throw new IllegalArgumentException(key + " = '" + v + "': the script must be an absolute path");
        }
        return words;
    }

    /** Whether this configuration runs on {@code groupName}'s transitions. */
    boolean covers(String groupName) {
        return group.map(groupName::equals).orElse(true);
    }
}
