package org.openvrrs.fhrp.vrrp.internal;

import java.util.List;
import org.apache.karaf.log.core.LogService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;

/** {@code debug vrrp vrrs} and {@code debug vrrp all}: VRRS interactions, and state changes and packets. */
@Service
@Command(scope = "vrrp", name = "debug", description = "Switches VRRP debug logging: vrrs (VRRS interactions) or all.")
public class VrrpDebugCommand implements Action {
    private static final String VRRS_LOGGER = "org.openvrrs.debug.vrrp.vrrs";

    @Reference
    LogService logService;

    @Option(name = "--off", aliases = {"-n", "--no"}, description = "Switch off")
    boolean off;

    @Argument(index = 0, name = "what", description = "vrrs or all", required = true)
    @Completion(values = {"vrrs", "all"}, value = StringsCompleter.class)
    String what;

    @Override
    public Object execute() {
        List<String> loggers = switch (what) {
            case "vrrs" -> List.of(VRRS_LOGGER);
            case "all" -> List.of(VRRS_LOGGER, VrrpGroup.class.getPackageName());
            default -> throw new IllegalArgumentException("unknown VRRP debug '" + what + "': expected vrrs or all");
        };
        loggers.forEach(l -> logService.setLevel(l, off ? "DEFAULT" : "DEBUG"));
        System.out.println("VRRP " + (what.equals("vrrs") ? "VRRS" : "all") + " debugging is " + (off ? "off" : "on"));
        return null;
    }
}
