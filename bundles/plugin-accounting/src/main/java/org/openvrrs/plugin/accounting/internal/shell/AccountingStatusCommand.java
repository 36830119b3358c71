package org.openvrrs.plugin.accounting.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.openvrrs.plugin.accounting.internal.AccountingService;

/** {@code show vrrs accounting}: per server counters and queue, per group the last record. Secrets never shown. */
@Service
@Command(scope = "vrrs", name = "accounting", description = "Shows VRRS accounting: RADIUS servers (sent, "
        + "acknowledged, retransmitted, failed, queued) and each group's last record.")
public class AccountingStatusCommand implements Action {
    @Reference
    AccountingService accounting;

    @Option(name = "--json", description = "Machine-readable output")
    boolean json;

    @Override
    public Object execute() throws java.io.IOException {
        if (json) {
            System.out.println(StatusFormat.JSON_OUT.asString(StatusFormat.json(accounting.status(),
                    accounting.model())));
            return null;
        }
        System.out.print(StatusFormat.format(accounting.status(), accounting.model()));
        return null;
    }
}
