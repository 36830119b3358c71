package org.openvrrs.fhrp.vrrp.internal.track;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openvrrs.fhrp.vrrp.internal.VrrpService;

/** {@code show track [N]}: each object's state, since when, and the groups that track it. */
@Service
@Command(scope = "track", name = "show", description = "Shows track objects: state, last change, tracking groups.")
public class ShowTrackCommand implements Action {
    @Reference
    VrrpService vrrp;

    @Argument(index = 0, name = "id", required = false, description = "Object number")
    Integer id;

    @Option(name = "--json", description = "Machine-readable output")
    boolean json;

    @Override
    public Object execute() throws java.io.IOException {
        Tracker.Snapshot s = vrrp.tracking().tracker().snapshot();
        if (id != null && s.objects().stream().noneMatch(t -> t.id() == id)) {
            throw new IllegalArgumentException("no track object " + id);
        }
        if (json) {
            System.out.println(ShowTrackFormat.JSON_OUT.asString(ShowTrackFormat.json(s, id)));
        } else {
            System.out.print(ShowTrackFormat.show(s, id));
        }
        return null;
    }
}
