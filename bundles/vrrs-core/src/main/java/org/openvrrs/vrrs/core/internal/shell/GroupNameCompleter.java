package org.openvrrs.vrrs.core.internal.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.openvrrs.vrrs.api.GroupState;
import org.openvrrs.vrrs.core.internal.VrrsDatabase;

/** Completes the names of known VRRS groups. */
@Service
public class GroupNameCompleter implements Completer {
    @Reference
    VrrsDatabase database;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        database.groups().stream().map(GroupState::group).forEach(delegate.getStrings()::add);
        return delegate.complete(session, commandLine, candidates);
    }
}
