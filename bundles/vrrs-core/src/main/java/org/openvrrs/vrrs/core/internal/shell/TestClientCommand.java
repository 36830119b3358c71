package org.openvrrs.vrrs.core.internal.shell;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.openvrrs.vrrs.api.ClientPriority;
import org.openvrrs.vrrs.api.GroupState;
import org.openvrrs.vrrs.core.internal.TestControl;

/** Test clients: register, follow, stop following, show what they were pushed, remove. */
@Service
@Command(scope = "vrrs", name = "test-client", description = "Drives VRRS test clients: add, follow ID GROUP, "
        + "unfollow ID GROUP, received ID, remove ID.")
public class TestClientCommand implements Action {
    @Reference
    TestControl control;

    @Argument(index = 0, name = "action", description = "add, follow, unfollow, received or remove", required = true)
    @Completion(values = {"add", "follow", "unfollow", "received", "remove"}, value = StringsCompleter.class)
    String action;

    @Argument(index = 1, name = "arguments", description = "client id, then group name", required = false,
            multiValued = true)
    List<String> arguments = List.of();

    @Option(name = "--name", description = "Client name for add (default \"" + TestControl.DEFAULT_CLIENT_NAME
            + "\")")
    String name;

    @Option(name = "--priority", aliases = "-p", description = "high, normal or low (default low)")
    @Completion(values = {"high", "normal", "low"}, value = StringsCompleter.class)
    String priority = "low";

    @Option(name = "--all-groups", description = "The client receives every group")
    boolean allGroups;

    @Override
    public Object execute() {
        String a = action.toLowerCase(Locale.ROOT);
        int expected = switch (a) {
            case "add" -> 0;
            case "received", "remove" -> 1;
            default -> 2;
        };
        if (arguments.size() > expected) {
            throw new IllegalArgumentException("unexpected argument '" + arguments.get(expected) + "' for " + a
                    + " (options go before the action, e.g. vrrs:test-client --name NAME add)");
        }
        switch (a) {
            case "add" -> {
                String n = name == null ? TestControl.DEFAULT_CLIENT_NAME : name;
                int added = control.addClient(n, ClientPriority.parse(priority), allGroups);
                System.out.println("Client " + added + " " + n + " registered");
            }
            case "follow" -> {
                control.follow(id(), group());
                System.out.println("Client " + id() + " follows " + group());
            }
            case "unfollow" -> {
                control.unfollow(id(), group());
                System.out.println("Client " + id() + " no longer follows " + group());
            }
            case "received" -> {
                for (Map.Entry<String, GroupState> e : control.received(id()).entrySet()) {
                    System.out.println(e.getKey() + " " + e.getValue().state());
                }
            }
            case "remove" -> {
                control.removeClient(id());
                System.out.println("Client " + id() + " unregistered");
            }
            default -> throw new IllegalArgumentException("unknown action '" + action
                    + "': expected add, follow, unfollow, received or remove");
        }
        return null;
    }

    private int id() {
        if (arguments.isEmpty()) {
            throw new IllegalArgumentException(action + " needs a client id");
        }
        try {
            return Integer.parseInt(arguments.get(0));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("client id '" + arguments.get(0) + "' is not a number");
        }
    }

    private String group() {
        if (arguments.size() < 2) {
            throw new IllegalArgumentException(action + " needs a client id and a group name");
        }
        return arguments.get(1);
    }
}
