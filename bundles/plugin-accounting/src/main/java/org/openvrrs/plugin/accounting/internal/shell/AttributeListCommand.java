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

/** {@code aaa attribute list NAME} with its {@code attribute type NAME VALUE} lines, given as TYPE VALUE pairs. */
@Service
@Command(scope = "aaa", name = "attribute-list", description = "Defines an attribute list: TYPE VALUE pairs, e.g. "
        + "aaa:attribute-list vrrp-1-attr nas-identifier edge-1 class gold")
public class AttributeListCommand implements Action {
    @Reference
    ConfigurationAdmin configAdmin;

    @Argument(index = 0, name = "name", required = true, description = "attribute list name")
    String name;

    @Argument(index = 1, name = "attributes", required = true, multiValued = true, description = "TYPE VALUE ...")
    List<String> words;

    @Override
    public Object execute() throws Exception {
        if (words.size() % 2 != 0) {
            throw ConfigCommandSupport.refused("attributes come as TYPE VALUE pairs");
        }
        List<String> attrs = new ArrayList<>();
        for (int i = 0; i < words.size(); i += 2) {
            attrs.add(words.get(i) + " " + words.get(i + 1));
        }
        return ConfigCommandSupport.apply(configAdmin, ConfigParser.ATTRIBUTE_LIST_PID, name,
                Map.of("attributes", attrs.toArray(new String[0])),
                "aaa attribute list " + name + ": " + attrs.size() + " attribute(s)");
    }
}
