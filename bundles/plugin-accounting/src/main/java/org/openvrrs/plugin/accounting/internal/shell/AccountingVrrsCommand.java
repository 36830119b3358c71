package org.openvrrs.plugin.accounting.internal.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openvrrs.plugin.accounting.internal.ConfigParser;
import org.osgi.service.cm.ConfigurationAdmin;

/** {@code aaa accounting vrrs {default | LIST} start-stop group radius|GROUP [group GROUP ...]}. */
@Service
@Command(scope = "aaa", name = "accounting-vrrs", description = "Defines a VRRS accounting method list, as "
        + "'aaa accounting vrrs {default|LIST} start-stop group radius|GROUP ...'.")
public class AccountingVrrsCommand implements Action {
    @Reference
    ConfigurationAdmin configAdmin;

    @Argument(index = 0, name = "list", required = true, description = "default or a method list name")
    String list;

    @Argument(index = 1, name = "methods", required = true, multiValued = true,
            description = "start-stop group radius|GROUP [group GROUP ...]")
    List<String> words;

    @Override
    public Object execute() throws Exception {
        List<String> w = new ArrayList<>(words);
        if (w.isEmpty() || !w.get(0).equals("start-stop")) {
            throw ConfigCommandSupport.refused("expected start-stop, then group radius or group NAME");
        }
        List<String> groups = new ArrayList<>();
        for (int i = 1; i < w.size(); i += 2) {
            if (!w.get(i).equals("group") || i + 1 >= w.size()) {
                throw ConfigCommandSupport.refused("each method is 'group radius' or 'group NAME'");
            }
            groups.add(w.get(i + 1));
        }
        return ConfigCommandSupport.apply(configAdmin, ConfigParser.METHOD_LIST_PID, list,
                Map.of("groups", groups.toArray(new String[0])),
                "aaa accounting vrrs " + list + " start-stop group " + String.join(" group ", groups));
    }
}
