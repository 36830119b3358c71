package org.openvrrs.plugin.accounting.internal.shell;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openvrrs.plugin.accounting.internal.AccountingModel;
import org.openvrrs.plugin.accounting.internal.ConfigParser;
import org.openvrrs.plugin.accounting.internal.ConfigStore;
import org.osgi.service.cm.ConfigurationAdmin;

/** {@code vrrs NAME} with {@code accounting delay}, {@code accounting method}, {@code attribute list}. */
@Service
@Command(scope = "aaa", name = "vrrs", description = "Sets a VRRS group's accounting: delay of Accounting-Off, "
        + "method list, attribute list.")
public class VrrsAccountingCommand implements Action {
    @Reference
    ConfigurationAdmin configAdmin;

    @Argument(index = 0, name = "group", required = true, description = "VRRS group name")
    String group;

    @Option(name = "--delay", description = "accounting delay: seconds before Accounting-Off is sent (0)")
    int delay;

    @Option(name = "--method", description = "accounting method: default or a method list name")
    String method = AccountingModel.DEFAULT_LIST;

    @Option(name = "--attribute-list", description = "attribute list name")
    String attributeList = "";

    @Override
    public Object execute() throws Exception {
        Map<String, Object> p = new HashMap<>();
        p.put("delay", delay);
        p.put("method", method);
        p.put("attributeList", attributeList);
        ConfigCommandSupport.apply(configAdmin, ConfigParser.GROUP_PID, group, p,
                "vrrs " + group + ": accounting delay " + delay + ", accounting method " + method
                        + (attributeList.isEmpty() ? "" : ", attribute list " + attributeList));
        Map<String, List<Map<String, ?>>> defined = new ConfigStore(configAdmin).factories();
        if (!method.equals(AccountingModel.DEFAULT_LIST) && !named(defined, ConfigParser.METHOD_LIST_PID, method)) {
            System.out.println("Warning: accounting method list " + method + " is not defined yet: vrrs " + group
                    + " uses it once it is");
        }
        if (!attributeList.isEmpty() && !named(defined, ConfigParser.ATTRIBUTE_LIST_PID, attributeList)) {
            System.out.println("Warning: attribute list " + attributeList + " is not defined yet: vrrs " + group
                    + " uses it once it is");
        }
        return null;
    }

    private static boolean named(Map<String, List<Map<String, ?>>> defined, String pid, String name) {
        return defined.getOrDefault(pid, List.of()).stream().anyMatch(e -> name.equals(String.valueOf(
                e.get("name")).trim()));
    }
}
