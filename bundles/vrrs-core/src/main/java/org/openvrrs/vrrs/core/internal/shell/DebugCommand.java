package org.openvrrs.vrrs.core.internal.shell;

import java.util.List;
import java.util.Map;
import org.apache.karaf.log.core.LogService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.api.action.Completion;

/**
 * {@code debug vrrs infra|plugin|accounting ...} and its {@code no} form: switches the debug loggers on (DEBUG) or
 * back to the configured default; the lines show in {@code log:tail} and {@code log:display}.
 */
@Service
@Command(scope = "vrrs", name = "debug", description = "Switches VRRS debug logging on or off; without arguments "
        + "shows what is on.")
public class DebugCommand implements Action {
    @Reference
    LogService logService;

    @Option(name = "--off", aliases = {"-n", "--no"}, description = "Switch the categories off")
    boolean off;

    @Argument(index = 0, name = "area", description = "infra, plugin or accounting", required = false)
    @Completion(values = {"infra", "plugin", "accounting"}, value = StringsCompleter.class)
    String area;

    @Argument(index = 1, name = "categories", description = "all (default) or categories of the area",
            required = false, multiValued = true)
    List<String> categories;

    @Override
    public Object execute() {
        if (area == null) {
            showEnabled();
            return null;
        }
        List<String> loggers = DebugCategories.loggers(area, categories);
        for (String logger : loggers) {
            logService.setLevel(logger, off ? "DEFAULT" : "DEBUG");
        }
        for (String logger : loggers) {
            System.out.println(describe(logger) + " debugging is " + (off ? "off" : "on"));
        }
        return null;
    }

    private void showEnabled() {
        int on = 0;
        for (Map.Entry<String, List<String>> area : DebugCategories.AREAS.entrySet()) {
            for (String logger : DebugCategories.loggers(area.getKey(), List.of())) {
                String level = logService.getLevel(logger).get(logger);
                if ("DEBUG".equalsIgnoreCase(level) || "TRACE".equalsIgnoreCase(level)) {
                    System.out.println(describe(logger) + " debugging is on");
                    on++;
                }
            }
        }
        if (on == 0) {
            System.out.println("No VRRS debugging is on");
        }
    }

    /** org.openvrrs.debug.infra.client -> "VRRS infra client". */
    private static String describe(String logger) {
        String[] parts = logger.split("\\.");
        return "VRRS " + parts[parts.length - 2] + " " + parts[parts.length - 1];
    }
}
