package org.openvrrs.vrrs.core.internal.shell;

import java.util.ArrayList;
import java.util.List;
import org.apache.karaf.log.core.LogService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

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

    @Reference
    BundleContext bundleContext;

    @Option(name = "--off", aliases = {"-n", "--no"}, description = "Switch the categories off")
    boolean off;

    @Argument(index = 0, name = "area", description = "infra, plugin, accounting, vrrp, ... (what the installed "
            + "bundles declare)", required = false)
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
        List<String> loggers = declared().loggers(area, categories);
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
        DebugCategories declared = declared();
        for (String a : declared.areas().keySet()) {
            for (String logger : declared.loggers(a, List.of())) {
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

    /** The categories the installed bundles declare now. */
    private DebugCategories declared() {
        List<String> headers = new ArrayList<>();
        for (Bundle b : bundleContext.getBundles()) {
            String h = b.getHeaders("").get(DebugCategories.HEADER);
            if (h != null) {
                headers.add(h);
            }
        }
        return new DebugCategories(headers);
    }

    /** org.openvrrs.debug.infra.client -> "VRRS infra client". */
    private static String describe(String logger) {
        String[] parts = logger.split("\\.");
        return "VRRS " + parts[parts.length - 2] + " " + parts[parts.length - 1];
    }
}
