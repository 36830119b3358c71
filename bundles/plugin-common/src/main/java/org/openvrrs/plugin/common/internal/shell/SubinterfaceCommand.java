package org.openvrrs.plugin.common.internal.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.openvrrs.plugin.common.internal.PluginDatabaseComponent;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * What the subinterface configuration commands ({@code vrrs:follow}, {@code vrrs:interface-state},
 * {@code vrrs:mac-address}) share: the services, {@code --network}, {@code --no} and the interface argument (Karaf
 * reads the annotated fields of superclasses too).
 */
abstract class SubinterfaceCommand implements Action {
    @Reference
    ConfigurationAdmin configAdmin;

    @Reference
    PluginDatabaseComponent database;

    @Option(name = "--network", description = "Network (router) name; default: the appliance's own")
    String network = "";

    @Option(name = "--no", description = "the IOS 'no' form: remove this setting from the subinterface")
    boolean no;

    @Argument(index = 0, name = "interface", required = true, description = "Subinterface, e.g. eth0.2")
    String iface;

    SubinterfaceConfigs configs() {
        return new SubinterfaceConfigs(configAdmin, database);
    }

    static void printWarnings(List<String> warnings) {
        warnings.forEach(w -> System.out.println("Warning: " + w));
    }
}
