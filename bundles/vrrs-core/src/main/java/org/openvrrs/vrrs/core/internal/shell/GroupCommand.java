package org.openvrrs.vrrs.core.internal.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openvrrs.vrrs.api.GroupState;
import org.openvrrs.vrrs.core.internal.VrrsDatabase;

/** {@code show vrrs group [name]}. */
@Service
@Command(scope = "vrrs", name = "group", description = "Shows a VRRS group in detail (all groups without a name).")
public class GroupCommand implements Action {
    @Reference
    VrrsDatabase database;

    @Argument(index = 0, name = "name", description = "VRRS group name", required = false)
    @Completion(GroupNameCompleter.class)
    String name;

    @Option(name = "--json", description = "Machine-readable output")
    boolean json;

    @Override
    public Object execute() throws java.io.IOException {
        List<GroupState> groups = name == null ? database.groups()
                : List.of(database.group(name).orElseThrow(
                        () -> new IllegalArgumentException("no VRRS group named " + name)));
        if (json) {
            System.out.println(ShowFormat.JSON_OUT.asString(groups.stream()
                    .map(g -> ShowFormat.json(g, database.recipients(g.group()))).toList()));
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (GroupState g : groups) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(ShowFormat.group(g, database.recipients(g.group())));
        }
        System.out.print(out);
        return null;
    }
}
